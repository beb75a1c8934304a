import { el } from './dom.js';

export const SAGA_STATUSES = ['CREATED', 'RUNNING', 'FINISHED', 'COMPENSATING', 'COMPENSATED', 'FAILED'];

/** A status as a coloured badge. */
export function badge(status) {
  return el('span', { class: 'badge', 'data-status': status }, status);
}

/** An ISO time as the operator's local date and time, the ISO text in its title. */
export function time(iso) {
  if (!iso) return '-';
  const date = new Date(iso);
  return el('time', { datetime: iso, title: iso }, date.toLocaleString());
}

/** How long ago, for "last seen". */
export function ago(iso) {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return seconds < 120 ? `${seconds}s ago` : `${Math.round(seconds / 60)}m ago`;
}

/** A JSON value for a <pre>: its text, indented. */
export function json(value) {
  return value === undefined ? '-' : JSON.stringify(value, null, 2);
}
