import { loadConfig } from './api.js';
import { el, fill } from './dom.js';
import { showOverview } from './overview.js';
import { showList } from './list.js';
import { showSaga } from './saga.js';

// Hash routes: #/ the overview, #/sagas?status=..., #/saga/ID. A view returns what stops it.
const view = document.getElementById('view');
let stop = () => {};

function route() {
  stop();
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  let current = 'overview';
  if (parts[0] === 'sagas') {
    current = 'sagas';
    stop = showList(view, params);
  } else if (parts[0] === 'saga' && parts[1]) {
    current = 'sagas';
    stop = showSaga(view, decodeURIComponent(parts[1]));
  } else {
    stop = showOverview(view);
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('current', link.dataset.nav === current);
  }
}

loadConfig().then((config) => {
  document.getElementById('namespace').textContent = `namespace ${config.namespace}`;
  window.addEventListener('hashchange', route);
  route();
}).catch((error) => fill(view, el('p', { class: 'error' }, `The dashboard cannot be read: ${error.message}`)));
