import { svg } from './dom.js';

// A saga's graph: steps in rows by dependency level (a step sits one row below its deepest
// dependency, so steps that can run in parallel sit side by side), each compensator dashed beside
// its step, edges from each dependency down to its dependents.
const W = 180; const H = 54; const GAP_X = 28; const GAP_Y = 46; const COMP_W = 150; const COMP_GAP = 14; const PAD = 16;

/** Rows of the graph's steps: Kahn's order, so a long chain needs no recursion. */
export function levels(steps) {
  const graph = steps.filter((s) => !s.compensates);
  const byId = new Map(graph.map((s) => [s.id, s]));
  const waiting = new Map(graph.map((s) => [s.id, s.dependsOn.filter((d) => byId.has(d)).length]));
  const dependents = new Map(graph.map((s) => [s.id, []]));
  for (const s of graph) for (const d of s.dependsOn) if (byId.has(d)) dependents.get(d).push(s.id);
  const level = new Map();
  let ready = graph.filter((s) => waiting.get(s.id) === 0).map((s) => s.id);
  for (const id of ready) level.set(id, 0);
  while (ready.length) {
    const next = [];
    for (const id of ready) {
      for (const child of dependents.get(id)) {
        level.set(child, Math.max(level.get(child) ?? 0, level.get(id) + 1));
        waiting.set(child, waiting.get(child) - 1);
        if (waiting.get(child) === 0) next.push(child);
      }
    }
    ready = next;
  }
  const rows = [];
  for (const s of graph) {
    const row = level.get(s.id) ?? 0;
    (rows[row] ||= []).push(s);
  }
  return rows.filter(Boolean);
}

/** Positions: each row ordered by where its dependencies sit, centred on the widest row. */
function layout(steps) {
  const rows = levels(steps);
  const withCompensators = steps.some((s) => s.compensates);
  const slot = W + (withCompensators ? COMP_GAP + COMP_W : 0) + GAP_X;
  const at = new Map();
  const widest = Math.max(1, ...rows.map((r) => r.length));
  rows.forEach((row, r) => {
    if (r > 0) {
      const centre = (s) => {
        const xs = s.dependsOn.filter((d) => at.has(d)).map((d) => at.get(d).x);
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
      };
      row = row.map((s, i) => [centre(s), i, s]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((e) => e[2]);
    }
    const offset = ((widest - row.length) * slot) / 2;
    row.forEach((s, i) => at.set(s.id, { x: PAD + offset + i * slot, y: PAD + r * (H + GAP_Y) }));
  });
  return { at, width: PAD * 2 + widest * slot - GAP_X, height: PAD * 2 + rows.length * (H + GAP_Y) - GAP_Y };
}

function node(step, x, y, width, height, onSelect) {
  const group = svg('g', { class: step.compensates ? 'step compensator' : 'step', 'data-step-id': step.id,
    'data-status': step.status, transform: `translate(${x},${y})`, tabindex: 0, role: 'button' },
  svg('title', {}, `${step.id} (${step.worker}): ${step.status}`),
  svg('rect', { width, height, rx: 6 }),
  svg('text', { class: 'title', x: 10, y: 19 }, clip(title(step), width)),
  svg('text', { class: 'sub', x: 10, y: 35 }, clip(subtitle(step), width)),
  svg('text', { class: 'sub status', x: 10, y: height - 6 }, statusLine(step)));
  group.addEventListener('click', () => onSelect(step.id));
  group.addEventListener('keydown', (event) => { if (event.key === 'Enter') onSelect(step.id); });
  return group;
}

// A dynamic saga's step ids are UUIDs: its worker names it better; a template's step ids are names.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function title(step) {
  if (step.compensates) return `undo: ${step.worker}`;
  return UUID.test(step.id) ? step.worker : step.id;
}

function subtitle(step) {
  if (step.compensates) return 'compensator';
  return UUID.test(step.id) ? step.id.slice(0, 8) : step.worker;
}

function statusLine(step) {
  return `${step.status.toLowerCase().replaceAll('_', ' ')}${step.attempts > 1 ? ` · ${step.attempts} attempts` : ''}`;
}

function clip(text, width) {
  const max = Math.floor((width - 16) / 7);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Draws the saga's steps into `container`; returns a graph whose update(steps) moves the steps'
 * statuses in place (it redraws only when steps were added).
 */
export function drawGraph(container, steps, failedStepId, onSelect) {
  let ids = '';
  const nodes = new Map();

  function draw(current) {
    const { at, width, height } = layout(current);
    const byId = new Map(current.map((s) => [s.id, s]));
    const edges = svg('g', { class: 'edges' });
    const body = svg('g', { class: 'steps' });
    nodes.clear();
    for (const step of current) {
      if (step.compensates) continue;
      const { x, y } = at.get(step.id);
      for (const d of step.dependsOn) {
        const from = at.get(d);
        if (!from) continue;
        const x1 = from.x + W / 2; const y1 = from.y + H; const x2 = x + W / 2; const y2 = y;
        edges.append(svg('path', { class: 'edge', d: `M${x1},${y1} C${x1},${y1 + GAP_Y / 2} ${x2},${y2 - GAP_Y / 2} ${x2},${y2}` }));
      }
      const main = node(step, x, y, W, H, onSelect);
      nodes.set(step.id, main);
      body.append(main);
      const undo = step.compensator && byId.get(step.compensator);
      if (undo) {
        const cx = x + W + COMP_GAP;
        edges.append(svg('path', { class: 'undo', d: `M${x + W},${y + H / 2} L${cx},${y + H / 2}` }));
        const comp = node(undo, cx, y, COMP_W, H, onSelect);
        nodes.set(undo.id, comp);
        body.append(comp);
      }
    }
    container.replaceChildren(svg('svg', { class: 'saga-graph', width, height, viewBox: `0 0 ${width} ${height}` }, edges, body));
    ids = current.map((s) => s.id).join('\n');
    if (failedStepId) markFailed(failedStepId);
  }

  /** Marks the step whose failure made the saga compensate. */
  function markFailed(stepId) {
    failedStepId = stepId;
    const group = nodes.get(stepId);
    if (!group || group.classList.contains('failed-at')) return;
    group.classList.add('failed-at');
    group.append(svg('text', { class: 'mark', x: W - 20, y: 19 }, '✕'));
  }

  draw(steps);
  return {
    markFailed,
    update(current) {
      if (current.map((s) => s.id).join('\n') !== ids) {
        draw(current);
        return;
      }
      for (const step of current) this.setStatus(step.id, step.status, step);
    },
    setStatus(stepId, status, step) {
      const group = nodes.get(stepId);
      if (!group) return;
      group.setAttribute('data-status', status);
      const line = group.querySelector('.status');
      if (step) line.textContent = statusLine(step);
      else line.textContent = status.toLowerCase().replaceAll('_', ' ');
    },
    select(stepId) {
      for (const [id, group] of nodes) group.classList.toggle('selected', id === stepId);
    },
  };
}
