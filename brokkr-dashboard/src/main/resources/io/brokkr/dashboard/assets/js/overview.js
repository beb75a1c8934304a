import { get } from './api.js';
import { el, fill, svg } from './dom.js';
import { ago, badge, span, SAGA_STATUSES } from './format.js';
import { on } from './live.js';

/** Sagas by status, the last hour, live nodes, ready queues and stranded work; the server pushes each change. */
export function showOverview(view) {
  fill(view, el('h1', {}, 'Overview'), el('p', { class: 'empty' }, 'Reading…'));
  let stopped = false;   // a reply that comes after the operator left must not draw over the next view
  const render = (overview) => stopped || fill(view, el('h1', {}, 'Overview'),
    counts(overview), activity(overview.activity), nodes(overview.nodes), readyQueues(overview.readyQueues),
    stranded(overview.stranded));
  get('api/overview').then(render).catch((e) => stopped || fill(view, el('p', { class: 'error' }, e.message)));
  const stop = on('overview', render);
  return () => { stopped = true; stop(); };
}

function counts(overview) {
  return el('div', { class: 'cards', id: 'counts' },
    el('a', { class: 'card', href: '#/sagas', 'data-count': 'TOTAL' },
      el('span', { class: 'n' }, overview.total), el('span', { class: 'label' }, 'sagas')),
    SAGA_STATUSES.map((status) => el('a', { class: 'card', href: `#/sagas?status=${status}`, 'data-count': status },
      el('span', { class: 'n' }, overview.counts[status] ?? 0), badge(status))));
}

function activity(minutes) {
  const width = 720; const height = 120; const bar = width / minutes.length;
  const max = Math.max(1, ...minutes.map((m) => Math.max(m.started, m.settled)));
  const scale = (n) => (n / max) * (height - 20);
  const chart = svg('svg', { class: 'chart', width, height: height + 16, viewBox: `0 0 ${width} ${height + 16}`, role: 'img' },
    minutes.map((m, i) => [
      svg('rect', { class: 'started', x: i * bar + 1, y: height - scale(m.started), width: bar / 2 - 1, height: scale(m.started) },
        svg('title', {}, `${m.minute}: ${m.started} started`)),
      svg('rect', { class: 'settled', x: i * bar + bar / 2, y: height - scale(m.settled), width: bar / 2 - 1, height: scale(m.settled) },
        svg('title', {}, `${m.minute}: ${m.settled} settled`)),
    ]),
    svg('text', { x: 0, y: height + 12 }, '60 min ago'),
    svg('text', { x: width - 24, y: height + 12 }, 'now'),
    svg('text', { x: 0, y: 10 }, `${max} / min`));
  return el('section', { class: 'panel' }, el('h2', {}, 'Started and settled per minute, last hour'),
    el('div', { class: 'legend' }, el('span', {}, el('i', { class: 'sw-started' }), 'started'),
      el('span', {}, el('i', { class: 'sw-settled' }), 'settled')), chart);
}

function nodes(list) {
  return el('section', {}, el('h2', {}, `Live nodes (${list.length})`),
    list.length === 0 ? el('p', { class: 'empty' }, 'No node announces itself in this namespace.')
      : el('table', { id: 'nodes' },
        el('thead', {}, el('tr', {}, ['Node', 'Host', 'Workers', 'Running / concurrency', 'Last seen'].map((h) => el('th', {}, h)))),
        el('tbody', {}, list.map((node) => el('tr', { 'data-node-id': node.nodeId },
          el('td', { class: 'mono' }, node.nodeId), el('td', {}, node.host), el('td', {}, node.workers.join(', ')),
          el('td', {}, `${node.runningAttempts} / ${node.concurrency}`), el('td', {}, ago(node.lastSeen)))))));
}

function readyQueues(list) {
  return el('section', {}, el('h2', {}, 'Ready queues'),
    list.length === 0 ? el('p', { class: 'empty' }, 'No step waits for a node to claim it.')
      : el('table', { id: 'ready-queues' },
        el('thead', {}, el('tr', {}, ['Worker', 'Ready steps', 'Oldest waits'].map((h) => el('th', {}, h)))),
        el('tbody', {}, list.map((row) => el('tr', { 'data-worker': row.worker },
          el('td', {}, el('a', { href: `#/sagas?waitingOn=${encodeURIComponent(row.worker)}` }, row.worker)),
          el('td', { class: 'depth' }, row.depth),
          el('td', { class: 'age', title: row.oldestReadyAt ?? '' },
            row.oldestAgeMillis === undefined ? '-' : span(row.oldestAgeMillis)))))));
}

function stranded(list) {
  return el('section', {}, el('h2', {}, 'Stranded steps'),
    list.length === 0 ? el('p', { class: 'empty' }, 'Every ready step has a live node for its worker.')
      : el('table', { id: 'stranded' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Worker no live node hosts'), el('th', {}, 'Ready steps'))),
        el('tbody', {}, list.map((row) => el('tr', {},
          el('td', {}, el('a', { href: `#/sagas?waitingOn=${encodeURIComponent(row.worker)}` }, row.worker)),
          el('td', {}, row.readySteps))))));
}
