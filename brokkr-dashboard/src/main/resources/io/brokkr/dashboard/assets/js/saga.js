import { get } from './api.js';
import { actionButtons } from './actions.js';
import { debounce, el, fill } from './dom.js';
import { badge, json, time } from './format.js';
import { drawGraph } from './graph.js';
import { on } from './live.js';

/**
 * One saga: its header and failure, its actions, its graph, and the selected step's detail. A
 * transition of this saga moves its step's status at once, then the saga is read again.
 */
export function showSaga(view, sagaId) {
  const head = el('div', { class: 'panel', id: 'saga-head' });
  const graphBox = el('div', { class: 'graph', id: 'graph' });
  const detail = el('aside', { class: 'detail panel', id: 'step-detail' }, el('p', { class: 'empty' }, 'Select a step.'));
  const timeline = el('section', { class: 'panel', id: 'timeline' });
  fill(view, head, el('div', { class: 'layout' }, graphBox, detail), timeline);
  let graph = null;
  let selected = null;
  let message = '';
  let stopped = false;  // a reply that comes after the operator left must not draw over the next view

  async function load() {
    try {
      const saga = await get(`api/sagas/${encodeURIComponent(sagaId)}`);
      if (stopped) return;
      renderHead(saga);
      if (!graph) graph = drawGraph(graphBox, saga.steps, saga.failure?.stepId, select);
      else graph.update(saga.steps);
      if (saga.failure?.stepId) graph.markFailed(saga.failure.stepId);
      renderTimeline(saga.history);
      if (selected) showStep(selected);
    } catch (error) {
      fill(head, el('p', { class: 'error' }, error.message));
    }
  }

  function renderHead(saga) {
    fill(head,
      el('div', { class: 'saga-head' },
        el('h1', {}, saga.name ?? 'saga'), el('span', { class: 'id' }, saga.sagaId),
        el('span', { id: 'saga-status', 'data-status': saga.status }, badge(saga.status)),
        el('span', {}, 'created ', time(saga.createdAt)), el('span', {}, 'changed ', time(saga.updatedAt)),
        el('span', {}, `${saga.steps.filter((s) => !s.compensates).length} steps`)),
      saga.failure ? el('div', { class: 'failure', id: 'saga-failure' },
        saga.failure.stepId ? `failed at step ${saga.failure.stepId}: ${saga.failure.reason}` : `cancelled: ${saga.failure.reason}`) : null,
      el('div', { class: 'actions' }, actionButtons(saga.sagaId, saga.actions, acted),
        el('span', { class: 'message', id: 'action-message' }, message)));
  }

  const clock = (iso) => {
    const date = new Date(iso);
    return `${date.toLocaleTimeString(undefined, { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
  };

  /** The saga's history, newest first: moves, with node and attempt, failures and operator actions. */
  function renderTimeline(history) {
    const what = (e) => (e.kind === 'ACTION' ? e.action.kind.toLowerCase()
      : e.kind === 'CREATED' ? 'created' : e.kind === 'SAGA_MOVED' ? 'saga' : 'step');
    const detailOf = (e) => (e.action ? `${e.action.author}: ${e.action.note}` : e.reason ?? '');
    fill(timeline, el('h2', {}, `Timeline (${history.length})`), el('table', {},
      el('thead', {}, el('tr', {}, ['Time', 'What', 'Step', 'Move', 'Node', 'Attempt', 'Detail'].map((h) => el('th', {}, h)))),
      el('tbody', {}, history.slice().reverse().map((e) => el('tr', { 'data-kind': e.kind },
        el('td', { class: 'mono', title: e.at }, clock(e.at)),
        el('td', {}, what(e)), el('td', { class: 'mono' }, e.stepId ?? e.action?.stepId ?? ''),
        el('td', {}, e.from && e.to ? `${e.from} → ${e.to}` : e.to ?? ''), el('td', { class: 'mono' }, e.node ?? ''),
        el('td', {}, e.attempt || ''), el('td', { class: 'timeline-detail' }, detailOf(e)))))));
  }

  function acted(text) {
    message = text;
    load();
  }

  function select(stepId) {
    if (selected !== stepId) traceOpen = false;
    selected = stepId;
    graph?.select(stepId);
    showStep(stepId);
  }

  // The failed attempt's stack trace, collapsed unless the operator opened it: it stays open as the
  // step is drawn again.
  let traceOpen = false;
  const stackTrace = (text) => el('details', { class: 'stack-trace', open: traceOpen,
    ontoggle: (event) => { traceOpen = event.target.open; } },
  el('summary', {}, text.split('\n', 1)[0]), el('pre', {}, text));

  async function showStep(stepId) {
    try {
      const step = await get(`api/sagas/${encodeURIComponent(sagaId)}/steps/${encodeURIComponent(stepId)}`);
      if (stopped || selected !== stepId) return;
      const row = (label, value) => [el('dt', {}, label), el('dd', {}, value)];
      fill(detail, el('h2', {}, step.compensates ? `compensator of ${step.compensates}` : `step ${step.id}`),
        el('dl', { 'data-step-id': step.id },
          row('status', badge(step.status)), row('worker', step.worker),
          row('attempts', String(step.attempts)),
          step.dependsOn.length ? row('depends on', step.dependsOn.join(', ')) : null,
          step.node ? row('running on', `${step.node}, lease until ${new Date(step.leaseUntil).toLocaleTimeString()}`) : null,
          step.possiblyDone ? row('outcome', 'possibly done: its last attempt may have run') : null,
          step.failureReason ? row('failure', el('pre', { class: 'failure-reason' }, step.failureReason)) : null,
          step.failureDetail ? row('stack trace', stackTrace(step.failureDetail)) : null,
          row('args', el('pre', { class: 'args' }, json(step.args))),
          step.dependsOn.length ? row('results it was given', el('pre', {}, json(step.dependencyResults))) : null,
          row('result', el('pre', { class: 'result' }, step.hasResult ? json(step.result) : '-'))),
        el('div', { class: 'actions' }, actionButtons(sagaId, step.actions, acted, step.id)));
    } catch (error) {
      fill(detail, el('p', { class: 'error' }, error.message));
    }
  }

  const reload = debounce(load, 250);
  const stopTransitions = on('transitions', ({ transitions }) => {
    let mine = false;
    for (const t of transitions) {
      if (t.sagaId !== sagaId) continue;
      mine = true;
      if (t.stepId && t.to) graph?.setStatus(t.stepId, t.to);
    }
    if (mine) reload();
  });
  const stopReset = on('reset', reload);
  load();
  return () => { stopped = true; stopTransitions(); stopReset(); };
}
