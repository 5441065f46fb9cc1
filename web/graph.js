// The drawing: one cytoscape instance, the colours of labels, and how API
// answers (Node, Edge, EntityRef, Path) become its elements.
/* global cytoscape */

const LABEL_COLOURS = {
  State: '#1f77b4', UNBody: '#17becf', Network: '#9467bd',
  Organization: '#8c564b', Person: '#e377c2', Resolution: '#7f7f7f',
  Mission: '#d62728', Framework: '#2ca02c', Commitment: '#ff7f0e',
  Event: '#bcbd22', Document: '#aec7e8', Topic: '#98df8a', Place: '#c5b0d5',
};

export function labelColour(label) {
  if (LABEL_COLOURS[label]) return LABEL_COLOURS[label];
  let hash = 0;
  for (const c of label || '') hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360}, 55%, 55%)`;
}

const STYLE = [
  {selector: 'node', style: {
    'background-color': (n) => labelColour(n.data('label')),
    'label': 'data(display)', 'font-size': 9, 'text-wrap': 'wrap',
    'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 3,
    'width': 22, 'height': 22,
  }},
  {selector: 'node[more > 0]', style: {
    'border-width': 3, 'border-color': '#444', 'width': 30, 'height': 30,
  }},
  {selector: 'edge', style: {
    'width': 1.5, 'line-color': '#bbb', 'target-arrow-color': '#bbb',
    'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
    'label': 'data(type)', 'font-size': 7, 'color': '#777',
    'text-rotation': 'autorotate',
  }},
  {selector: ':selected', style: {'border-width': 4, 'border-color': '#000'}},
  {selector: 'node.path', style: {'border-width': 4, 'border-color': '#e6007e'}},
  {selector: 'edge.path', style: {
    'line-color': '#e6007e', 'target-arrow-color': '#e6007e', 'width': 4, 'z-index': 10,
  }},
  {selector: '.filtered', style: {'display': 'none'}},
];

export function createGraph(container) {
  return cytoscape({container, style: STYLE, wheelSensitivity: 0.3});
}

// The text under a node: its name and, on a supernode, how many neighbours
// are not drawn.
function display(name, more) {
  return more > 0 ? `${name}\n(+${more} more)` : name;
}

// Adds a node from a Node or an EntityRef, unless it is drawn already.
export function addNode(cy, node) {
  const existing = cy.getElementById(node.key);
  if (existing.nonempty()) return existing;
  return cy.add({group: 'nodes', data: {
    id: node.key, label: node.label, name: node.name || node.key,
    display: node.name || node.key, more: 0,
  }});
}

export function edgeId(edge) {
  return `${edge.srcKey}|${edge.type}|${edge.dstKey}`;
}

export function addEdge(cy, edge) {
  const id = edgeId(edge);
  const existing = cy.getElementById(id);
  if (existing.nonempty()) return existing;
  return cy.add({group: 'edges', data: {
    id, source: edge.srcKey, target: edge.dstKey, type: edge.type,
  }});
}

export function setMore(node, more) {
  node.data('more', more);
  node.data('display', display(node.data('name'), more));
}

// Adds a Describe answer: the node, at most `cap` neighbours and their
// edges. Returns the neighbours added.
export function addNeighbourhood(cy, describe, cap) {
  const centre = addNode(cy, describe.node);
  let total = 0;
  let drawn = 0;
  const added = [];
  for (const group of describe.groups || []) {
    total += Number(group.count);
    for (const neighbour of group.neighbours || []) {
      if (drawn >= cap) break;
      drawn++;
      if (cy.getElementById(neighbour.node.key).empty()) {
        added.push(neighbour.node.key);
      }
      addNode(cy, neighbour.node);
      addEdge(cy, neighbour.edge);
    }
  }
  setMore(centre, total - drawn);
  return added;
}

// Removes the neighbours of `key` that hang on it alone (except `keep`).
export function collapse(cy, key, keep) {
  const centre = cy.getElementById(key);
  const leaves = centre.neighborhood('node').filter(
      (n) => n.degree(false) === 1 && !keep.has(n.id()));
  leaves.remove();
  return leaves.length;
}

// Draws a Path (query_service.proto) and marks it.
export function addPath(cy, path) {
  cy.elements().removeClass('path');
  for (const node of path.nodes || []) addNode(cy, node).addClass('path');
  for (const edge of path.edges || []) addEdge(cy, edge).addClass('path');
}

export function layout(cy) {
  cy.layout({name: 'cose', animate: false, nodeDimensionsIncludeLabels: true,
    randomize: false, padding: 20}).run();
}

// Hides the elements of hidden labels and edge types.
export function applyFilter(cy, hiddenLabels, hiddenTypes) {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', hiddenLabels.has(n.data('label')));
    });
    cy.edges().forEach((e) => {
      e.toggleClass('filtered', hiddenTypes.has(e.data('type')));
    });
  });
}

// The visible graph as plain data: what the exports write.
export function visibleGraph(cy) {
  const pick = ({id, label, name, source, target, type}) =>
    ({id, label, name, source, target, type});
  return {
    nodes: cy.nodes(':visible').map((n) => pick(n.data())),
    edges: cy.edges(':visible').map((e) => pick(e.data())),
  };
}

function xmlEscape(text) {
  return String(text ?? '').replace(/[<>&"']/g,
      (c) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\'': '&apos;'})[c]);
}

export function toGraphML(graph) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <graph id="kg" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}"><data key="label">${xmlEscape(n.label)}` +
        `</data><data key="name">${xmlEscape(n.name)}</data></node>`);
  }
  for (const e of graph.edges) {
    lines.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" ` +
        `target="${xmlEscape(e.target)}"><data key="type">${xmlEscape(e.type)}</data></edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
