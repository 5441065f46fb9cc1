// "Who pledged what under which framework": rows of the Commitments call
// filtered by actor, framework, target and topic; every entity links into
// the graph.
import {asOfDate, call, formatDate} from './api.js';
import {el} from './panel.js';

export const COMMITMENT_FILTERS = ['actor', 'framework', 'target', 'topic'];

const PAGE_SIZE = 50;

function entityLink(ref, open) {
  return el('a', {href: '#', class: 'entity', 'data-key': ref.key,
    onclick: (event) => {
      event.preventDefault();
      open(ref.key);
    }}, ref.name || ref.key);
}

function links(refs, open) {
  const cell = el('td');
  (refs || []).forEach((ref, i) => cell.append(i ? ', ' : '', entityLink(ref, open)));
  return cell;
}

function row(r, open) {
  const relation = r.relation === 'COMMITMENT_RELATION_PLEDGED' ? 'pledged' : 'recommended';
  return el('tr', {'data-key': r.commitmentKey},
      el('td', {}, formatDate(r.date)),
      links([r.actor], open),
      el('td', {}, relation),
      el('td', {}, entityLink({key: r.commitmentKey, name: r.text || r.commitmentKey}, open)),
      links(r.frameworks, open), links(r.targets, open), links(r.topics, open));
}

// Lists the rows matching `filters` ({actor, framework, target, topic}:
// keys, empty for any) into `table`'s body; `open(key)` draws an entity.
// Returns a function that fetches the next page, or null at the end.
export async function listCommitments(table, status, filters, asOf, open, pageToken = '') {
  const request = {
    actorKey: filters.actor || '', frameworkKey: filters.framework || '',
    targetKey: filters.target || '', topicKey: filters.topic || '',
    asOf: asOfDate(asOf), pageSize: PAGE_SIZE, pageToken,
  };
  const answer = await call('commitments', request);
  const body = table.tBodies[0];
  if (!pageToken) body.replaceChildren();
  for (const r of answer.rows || []) body.append(row(r, open));
  status.textContent = `${body.rows.length} rows` +
      (answer.nextPageToken ? ' (more)' : '');
  if (!answer.nextPageToken) return null;
  return () => listCommitments(table, status, filters, asOf, open, answer.nextPageToken);
}
