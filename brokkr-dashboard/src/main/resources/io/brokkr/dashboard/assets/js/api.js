// The dashboard's API, relative to the page: the same files serve at / and under a prefix.
let config = null;

async function read(response) {
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    const error = new Error(body.error || body.message || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

export async function get(path) {
  return read(await fetch(path, { headers: { Accept: 'application/json' } }));
}

/** namespace, enabled actions and the CSRF tokens, read once. */
export async function loadConfig() {
  if (!config) config = await get('api/config');
  return config;
}

/**
 * An action on a saga: POST with the CSRF header that only this page can read, and the CSRF header
 * of the server that mounts the dashboard when it has one (Spring Security's, for one).
 */
export async function act(sagaId, action, body) {
  const { csrfHeader, csrfToken, hostCsrf } = await loadConfig();
  const headers = { 'Content-Type': 'application/json', [csrfHeader]: csrfToken };
  if (hostCsrf) headers[hostCsrf.header] = hostCsrf.token;
  const response = await fetch(`api/sagas/${encodeURIComponent(sagaId)}/${encodeURIComponent(action)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return read(response);
}
