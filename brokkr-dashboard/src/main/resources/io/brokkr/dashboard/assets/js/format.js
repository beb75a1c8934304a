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

/** A length of time in milliseconds, as "850 ms", "42s", "7m 5s" or "3h 20m". */
export function span(millis) {
  if (millis < 1000) return `${millis} ms`;
  const seconds = Math.floor(millis / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** A JSON value for a <pre>: its text, indented. */
export function json(value) {
  return value === undefined ? '-' : JSON.stringify(value, null, 2);
}
