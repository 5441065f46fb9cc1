// The explorer: search, the drawn neighbourhoods, the side panel, paths,
// the commitments view, the date slider and the view's state in the URL.
//
// The drawing is a replay of `state.ops` (expand, collapse, path) as of
// `state.asOf`: the slider and the URL redraw it, undo drops the last op.
// Tests read `window.kg` (the cytoscape instance, the state, and whether
// calls are still running).
import {asOfDate, call, pendingCalls} from './api.js';
import {COMMITMENT_FILTERS, listCommitments} from './commitments.js';
import * as graph from './graph.js';
import {showEdge, showHint, showNode} from './panel.js';

// Neighbours drawn per expansion; the rest is the node's "N more" badge.
const NEIGHBOUR_CAP = 25;
const LATEST_YEAR = new Date().getFullYear();
// The slider's right end: no date, the graph as it is now.
const NOW = LATEST_YEAR + 1;

const $ = (id) => document.getElementById(id);
const cy = graph.createGraph($('graph'));
const state = {
  ops: [],
  asOf: null,
  hiddenLabels: new Set(),
  hiddenTypes: new Set(),
  selected: null,
  view: 'graph',
  filters: Object.fromEntries(COMMITMENT_FILTERS.map((f) => [f, ''])),
};
let working = 0;
let nextCommitments = null;

function report(error) {
  $('status').textContent = error ? String(error.message || error) : '';
}

// Runs `task`, counting it as work in progress for `window.kg.busy()`.
async function work(task) {
  working++;
  try {
    return await task();
  } catch (error) {
    report(error);
  } finally {
    working--;
  }
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.ops.length) params.set('ops', JSON.stringify(state.ops));
  if (state.asOf != null) params.set('asOf', state.asOf);
  if (state.hiddenLabels.size) params.set('hideLabels', [...state.hiddenLabels].join(','));
  if (state.hiddenTypes.size) params.set('hideTypes', [...state.hiddenTypes].join(','));
  if (state.selected) params.set('sel', state.selected);
  if (state.view !== 'graph') params.set('view', state.view);
  for (const f of COMMITMENT_FILTERS) if (state.filters[f]) params.set(f, state.filters[f]);
  history.replaceState(null, '', `#${params}`);
}

function readUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  try {
    state.ops = JSON.parse(params.get('ops') || '[]');
  } catch (error) {
    state.ops = [];
  }
  const asOf = parseInt(params.get('asOf'), 10);
  state.asOf = Number.isFinite(asOf) ? asOf : null;
  const set = (name) => new Set((params.get(name) || '').split(',').filter(Boolean));
  state.hiddenLabels = set('hideLabels');
  state.hiddenTypes = set('hideTypes');
  state.selected = params.get('sel');
  state.view = params.get('view') || 'graph';
  for (const f of COMMITMENT_FILTERS) state.filters[f] = params.get(f) || '';
}

// Keys the collapse of a node must keep: what the user asked for.
function pinnedKeys() {
  return new Set(state.ops.flatMap(([kind, ...keys]) => kind === 'c' ? [] : keys));
}

async function applyOp([kind, a, b]) {
  if (kind === 'e') {
    const answer = await call('describe',
        {key: a, maxPerGroup: NEIGHBOUR_CAP, asOf: asOfDate(state.asOf)});
    const centre = cy.getElementById(a);
    const origin = centre.nonempty() ? centre.position() : {x: 0, y: 0};
    for (const key of graph.addNeighbourhood(cy, answer, NEIGHBOUR_CAP)) {
      cy.getElementById(key).position({x: origin.x + Math.random() * 80 - 40,
        y: origin.y + Math.random() * 80 - 40});
    }
  } else if (kind === 'c') {
    graph.collapse(cy, a, pinnedKeys());
  } else if (kind === 'p') {
    const answer = await call('shortest_path',
        {fromKey: a, toKey: b, asOf: asOfDate(state.asOf)});
    $('path-result').textContent = answer.found ?
      `Path (${answer.path.edges.length} hops): ` +
        answer.path.nodes.map((n) => n.name || n.key).join(' → ') :
      `No path between ${a} and ${b}`;
    if (answer.found) graph.addPath(cy, answer.path);
  }
}

function refresh() {
  graph.applyFilter(cy, state.hiddenLabels, state.hiddenTypes);
  renderLegend();
  writeUrl();
}

async function doOp(op) {
  await work(async () => {
    await applyOp(op);
    state.ops.push(op);
    graph.layout(cy);
    refresh();
  });
}

async function redraw() {
  await work(async () => {
    cy.elements().remove();
    $('path-result').textContent = '';
    report(null);
    for (const op of state.ops) {
      try {
        await applyOp(op);
      } catch (error) {
        report(error);
      }
    }
    graph.layout(cy);
    // A node that undo or the date slider took away leaves the panel too.
    const stillDrawn = state.selected && cy.getElementById(state.selected).nonempty();
    if (!stillDrawn) {
      state.selected = null;
      showHint($('panel'));
    }
    refresh();
    if (stillDrawn) await select(state.selected);
  });
}

function legendEntry(name, count, hidden, colour, onToggle) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = !hidden.has(name);
  box.dataset.name = name;
  box.addEventListener('change', () => {
    if (box.checked) hidden.delete(name);
    else hidden.add(name);
    onToggle();
  });
  const label = document.createElement('label');
  label.append(box);
  if (colour) {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    label.append(swatch);
  }
  label.append(` ${name} (${count})`);
  return label;
}

function renderLegend() {
  const count = (elements, field) => {
    const counts = new Map();
    elements.forEach((e) => counts.set(e.data(field), (counts.get(e.data(field)) || 0) + 1));
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  };
  // The legend stays as it is, its boxes being what changed.
  const filter = () => {
    graph.applyFilter(cy, state.hiddenLabels, state.hiddenTypes);
    writeUrl();
  };
  $('legend-labels').replaceChildren(...count(cy.nodes(), 'label').map(([name, n]) =>
    legendEntry(name, n, state.hiddenLabels, graph.labelColour(name), filter)));
  $('legend-types').replaceChildren(...count(cy.edges(), 'type').map(([name, n]) =>
    legendEntry(name, n, state.hiddenTypes, null, filter)));
}

function setPathEnd(input, key, name) {
  input.value = name;
  input.dataset.key = key;
}

async function select(key) {
  state.selected = key;
  cy.elements().unselect();
  cy.getElementById(key).select();
  writeUrl();
  const name = cy.getElementById(key).data('name') || key;
  await showNode($('panel'), key, state.asOf, [
    ['Expand', () => doOp(['e', key])],
    ['Collapse', () => doOp(['c', key])],
    ['Path from here', () => setPathEnd($('path-from'), key, name)],
    ['Path to here', () => {
      setPathEnd($('path-to'), key, name);
      findPath();
    }],
  ]);
}

function inputKey(input) {
  return input.dataset.key || input.value.trim();
}

async function findPath() {
  const from = inputKey($('path-from'));
  const to = inputKey($('path-to'));
  if (!from || !to) return report(new Error('Choose both ends of the path'));
  await doOp(['p', from, to]);
}

// Suggestions under `input` as the user types; picking one calls onPick.
function autocomplete(input, onPick) {
  const list = input.nextElementSibling;
  let asked = 0;
  const pick = (hit) => {
    input.value = hit.node.name || hit.node.key;
    input.dataset.key = hit.node.key;
    list.hidden = true;
    onPick(hit.node.key);
  };
  input.addEventListener('input', () => work(async () => {
    delete input.dataset.key;
    const query = input.value.trim();
    const mine = ++asked;
    if (query.length < 2) {
      list.hidden = true;
      return;
    }
    const answer = await call('search', {query, limit: 8, asOf: asOfDate(state.asOf)});
    if (mine !== asked) return;
    list.replaceChildren(...(answer.hits || []).map((hit) => {
      const item = document.createElement('li');
      item.dataset.key = hit.node.key;
      item.textContent = `${hit.node.name} · ${hit.node.label}`;
      item.title = hit.node.key;
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(hit);
      });
      return item;
    }));
    // The answer may come after the user has left the box.
    list.hidden = list.children.length === 0 || document.activeElement !== input;
  }));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const first = list.hidden ? null : list.firstElementChild;
    if (first) first.dispatchEvent(new MouseEvent('mousedown'));
    else if (input.value.includes(':')) onPick(input.value.trim());
  });
  input.addEventListener('blur', () => {
    list.hidden = true;
  });
}

function showView(view) {
  state.view = view;
  $('graph-view').hidden = view !== 'graph';
  $('commitments-view').hidden = view !== 'commitments';
  for (const tab of document.querySelectorAll('[data-view]')) {
    tab.classList.toggle('active', tab.dataset.view === view);
  }
  writeUrl();
  if (view === 'graph') cy.resize();
}

async function openInGraph(key) {
  showView('graph');
  await doOp(['e', key]);
  await work(() => select(key));
}

async function listRows() {
  for (const f of COMMITMENT_FILTERS) state.filters[f] = inputKey($(`filter-${f}`));
  writeUrl();
  nextCommitments = await work(() => listCommitments($('commitments'),
      $('commitments-status'), state.filters, state.asOf, openInGraph));
  $('commitments-more').hidden = !nextCommitments;
}

function download(name, blob) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function setSlider() {
  $('as-of').value = state.asOf ?? NOW;
  $('as-of-label').textContent = state.asOf == null ? 'now' : String(state.asOf);
}

function wire() {
  autocomplete($('search'), (key) => {
    state.ops = [['e', key]];
    state.selected = key;
    redraw();
  });
  autocomplete($('path-from'), () => {});
  autocomplete($('path-to'), () => {});
  for (const f of COMMITMENT_FILTERS) autocomplete($(`filter-${f}`), () => {});
  $('find-path').addEventListener('click', findPath);
  $('undo').addEventListener('click', () => {
    state.ops.pop();
    redraw();
  });
  $('as-of').min = 1945;
  $('as-of').max = NOW;
  $('as-of').addEventListener('input', () => {
    const year = Number($('as-of').value);
    state.asOf = year === NOW ? null : year;
    setSlider();
  });
  $('as-of').addEventListener('change', redraw);
  for (const tab of document.querySelectorAll('[data-view]')) {
    tab.addEventListener('click', () => showView(tab.dataset.view));
  }
  $('list-commitments').addEventListener('click', listRows);
  $('commitments-more').addEventListener('click', async () => {
    nextCommitments = nextCommitments && await work(nextCommitments);
    $('commitments-more').hidden = !nextCommitments;
  });
  $('export-png').addEventListener('click', () =>
    download('kg-graph.png', cy.png({output: 'blob', full: true, scale: 2, bg: '#ffffff'})));
  $('export-json').addEventListener('click', () => download('kg-graph.json',
      new Blob([JSON.stringify(graph.visibleGraph(cy), null, 2)], {type: 'application/json'})));
  $('export-graphml').addEventListener('click', () => download('kg-graph.graphml',
      new Blob([graph.toGraphML(graph.visibleGraph(cy))], {type: 'application/xml'})));
  cy.on('tap', 'node', (event) => work(() => select(event.target.id())));
  cy.on('dbltap', 'node', (event) => doOp(['e', event.target.id()]));
  cy.on('tap', 'edge', (event) => work(() => {
    const data = event.target.data();
    const name = (key) => cy.getElementById(key).data('name');
    return showEdge($('panel'), data, {source: name(data.source), target: name(data.target)});
  }));
}

window.kg = {
  cy, state, select, doOp,
  busy: () => working > 0 || pendingCalls() > 0,
};
readUrl();
wire();
setSlider();
for (const f of COMMITMENT_FILTERS) $(`filter-${f}`).value = state.filters[f];
showView(state.view);
redraw();
if (state.view === 'commitments') listRows();
