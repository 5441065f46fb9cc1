// The side panel: a node's or an edge's properties and every source that
// asserts it (document, date, byte span, extractor, evidence highlighted).
import {asOfDate, call, formatValue} from './api.js';

export function el(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  element.append(...children.filter((c) => c != null));
  return element;
}

// `text` with every occurrence of a term in <mark>; the whole text when no
// term occurs (the evidence then states the fact in other words, and all of
// it is what a reader checks).
export function highlight(text, terms) {
  const fragment = document.createDocumentFragment();
  const lower = text.toLowerCase();
  const wanted = terms.filter((t) => t && t.length > 1).map((t) => t.toLowerCase());
  let at = 0;
  let marked = false;
  while (at < text.length) {
    let best = -1;
    let length = 0;
    for (const term of wanted) {
      const found = lower.indexOf(term, at);
      if (found >= 0 && (best < 0 || found < best || (found === best && term.length > length))) {
        best = found;
        length = term.length;
      }
    }
    if (best < 0) break;
    fragment.append(text.slice(at, best), el('mark', {}, text.slice(best, best + length)));
    at = best + length;
    marked = true;
  }
  if (!marked) return el('mark', {}, text);
  fragment.append(text.slice(at));
  return fragment;
}

async function documentsOf(sources) {
  const keys = [...new Set(sources.map((s) => s.documentKey).filter(Boolean))];
  const documents = new Map();
  if (keys.length === 0) return documents;
  try {
    const answer = await call('batch_get', {keys});
    for (const doc of answer.nodes || []) documents.set(doc.key, doc);
  } catch (error) {
    // A cited document that is not a node: the key alone names it.
  }
  return documents;
}

async function renderSources(sources, terms) {
  const documents = await documentsOf(sources);
  const list = el('ol', {class: 'sources'});
  for (const source of sources) {
    const doc = documents.get(source.documentKey);
    const title = doc ? (doc.props?.title ? formatValue(doc.props.title) : doc.name) : '';
    const date = doc?.props?.date ? formatValue(doc.props.date) : '';
    const span = source.end ? `bytes ${source.start || 0}–${source.end}` : 'whole document';
    list.append(el('li', {class: 'source'},
        el('div', {class: 'document'}, el('b', {}, title || source.documentKey),
            date ? ` · ${date}` : '', el('code', {}, ` ${source.documentKey}`)),
        source.evidence ?
          el('blockquote', {class: 'evidence'}, highlight(source.evidence, terms)) :
          null,
        el('div', {class: 'meta'},
            `${span} · ${source.extractor || ''} · confidence ${source.confidence ?? ''}`)));
  }
  return el('section', {}, el('h3', {}, `Sources (${sources.length})`), list);
}

function propsTable(props) {
  const rows = Object.entries(props || {}).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return null;
  return el('table', {class: 'props'},
      ...rows.map(([name, value]) => el('tr', {}, el('th', {}, name),
          el('td', {}, formatValue(value)))));
}

// Shows node `key` as of `asOf`; `actions` are [label, handler] buttons.
// What the panel says while nothing is selected.
export function showHint(panel) {
  panel.replaceChildren(el('p', {}, 'Search an entity, then click a node to see its ' +
      'properties and the sources that assert it.'));
}

export async function showNode(panel, key, asOf, actions) {
  const answer = await call('describe', {key, maxPerGroup: 1, asOf: asOfDate(asOf)});
  const node = answer.node;
  const terms = [node.name, ...(node.aliases || [])];
  const groups = el('ul', {class: 'groups'}, ...(answer.groups || []).map((g) =>
    el('li', {}, `${g.direction === 'DIRECTION_IN' ? '←' : '→'} ${g.type}: ${g.count}`)));
  panel.replaceChildren(el('div', {},
      el('h2', {}, node.name || node.key),
      el('div', {class: 'key'}, `${node.label} · `, el('code', {}, node.key)),
      el('div', {class: 'actions'}, ...actions.map(([label, handler]) =>
        el('button', {onclick: handler, 'data-action': label}, label))),
      node.aliases?.length ? el('p', {class: 'aliases'}, `Also: ${node.aliases.join('; ')}`) : null,
      propsTable(node.props), groups,
      await renderSources(node.sources || [], terms)));
}

// Shows the edge (src)-[type]->(dst) with its sources.
export async function showEdge(panel, data, names) {
  const answer = await call('neighbours', {
    nodeKey: data.source, direction: 'DIRECTION_OUT', types: [data.type], pageSize: 1000,
  });
  const edge = (answer.edges || []).find((e) => e.dstKey === data.target);
  if (!edge) {
    panel.replaceChildren(el('p', {}, `${data.id}: not in the graph now`));
    return;
  }
  panel.replaceChildren(el('div', {},
      el('h2', {}, `${names.source} —${edge.type}→ ${names.target}`),
      el('div', {class: 'key'}, el('code', {}, data.id)),
      propsTable(edge.props),
      await renderSources(edge.sources || [], [names.source, names.target])));
}
