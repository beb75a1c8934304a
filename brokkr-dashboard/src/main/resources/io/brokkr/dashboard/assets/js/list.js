import { get } from './api.js';
import { debounce, el, fill } from './dom.js';
import { badge, SAGA_STATUSES, time } from './format.js';
import { on } from './live.js';

const SINCE = [['', 'any time'], ['15m', 'last 15 min'], ['1h', 'last hour'], ['24h', 'last 24 h'], ['7d', 'last 7 days']];

/** The sagas, newest change first, filtered by the hash's query; a page reloads when its sagas move. */
export function showList(view, params) {
  const cursors = [];   // the cursors of the pages before this one
  let cursor = '';
  let shown = new Set();
  let stopped = false;  // a reply that comes after the operator left must not draw over the next view

  const filters = el('form', { class: 'filters', id: 'filters' });
  const statuses = new Set((params.get('status') || '').split(',').filter(Boolean));
  for (const status of SAGA_STATUSES) {
    filters.append(el('label', {}, el('input', { type: 'checkbox', name: 'status', value: status, checked: statuses.has(status) }), badge(status)));
  }
  filters.append(
    el('label', {}, 'Name ', el('input', { type: 'text', name: 'name', value: params.get('name') || '', size: 14 })),
    el('label', {}, 'Changed ', el('select', { name: 'since' },
      SINCE.map(([value, label]) => el('option', { value, selected: (params.get('since') || '') === value }, label)))),
    el('label', {}, 'Id ', el('input', { type: 'search', name: 'id', value: params.get('id') || '', size: 38, placeholder: 'find a saga by id' })),
    el('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(filters);
    const next = new URLSearchParams();
    const checked = form.getAll('status');
    if (checked.length) next.set('status', checked.join(','));
    for (const key of ['name', 'since', 'id']) if (form.get(key)) next.set(key, form.get(key).trim());
    if (params.get('waitingOn')) next.set('waitingOn', params.get('waitingOn'));
    location.hash = `#/sagas?${next}`;
  });

  const table = el('div', { id: 'sagas' });
  const older = el('button', { type: 'button', 'data-action': 'older', disabled: true }, 'Older →');
  const newer = el('button', { type: 'button', 'data-action': 'newer', disabled: true }, '← Newer');
  const title = params.get('waitingOn') ? `Sagas waiting on ${params.get('waitingOn')}` : 'Sagas';
  fill(view, el('h1', {}, title), filters, table, el('div', { class: 'pager' }, newer, older));

  async function load() {
    const query = new URLSearchParams(params);
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await get(`api/sagas?${query}`);
      if (stopped) return;
      shown = new Set(page.sagas.map((s) => s.sagaId));
      fill(table, page.sagas.length === 0 ? el('p', { class: 'empty' }, 'No saga matches.') : el('table', {},
        el('thead', {}, el('tr', {}, ['Id', 'Name', 'Status', 'Created', 'Changed'].map((h) => el('th', {}, h)))),
        el('tbody', {}, page.sagas.map((saga) => el('tr', { 'data-saga-id': saga.sagaId, 'data-status': saga.status },
          el('td', { class: 'mono' }, el('a', { href: `#/saga/${encodeURIComponent(saga.sagaId)}` }, saga.sagaId)),
          el('td', {}, saga.name ?? '-'), el('td', {}, badge(saga.status)),
          el('td', {}, time(saga.createdAt)), el('td', {}, time(saga.updatedAt)))))));
      older.disabled = !page.nextCursor;
      older.dataset.cursor = page.nextCursor || '';
      newer.disabled = cursors.length === 0;
    } catch (error) {
      fill(table, el('p', { class: 'error' }, error.message));
    }
  }
  older.addEventListener('click', () => { cursors.push(cursor); cursor = older.dataset.cursor; load(); });
  newer.addEventListener('click', () => { cursor = cursors.pop() || ''; load(); });

  // The first page shows new sagas as they come; a later page reloads when one of its sagas moves.
  const reload = debounce(load, 400);
  const stopTransitions = on('transitions', ({ transitions }) => {
    if (!cursor || transitions.some((t) => shown.has(t.sagaId))) reload();
  });
  const stopReset = on('reset', reload);
  load();
  return () => { stopped = true; stopTransitions(); stopReset(); };
}
