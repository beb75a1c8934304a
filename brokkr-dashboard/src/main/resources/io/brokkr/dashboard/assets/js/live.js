// One event stream per page, shared by the views: the server pushes transitions and the overview.
const handlers = { transitions: new Set(), overview: new Set(), reset: new Set() };
let source = null;

function connect() {
  const indicator = document.getElementById('live');
  source = new EventSource('api/events');
  source.onopen = () => indicator.setAttribute('data-live', 'open');
  source.onerror = () => indicator.setAttribute('data-live', source.readyState === 2 ? 'closed' : 'connecting');
  for (const kind of Object.keys(handlers)) {
    source.addEventListener(kind, (event) => {
      const data = JSON.parse(event.data);
      for (const handler of handlers[kind]) handler(data);
    });
  }
}

/** Calls handler with each event of that kind; returns what unsubscribes it. */
export function on(kind, handler) {
  if (!source) connect();
  handlers[kind].add(handler);
  return () => handlers[kind].delete(handler);
}
