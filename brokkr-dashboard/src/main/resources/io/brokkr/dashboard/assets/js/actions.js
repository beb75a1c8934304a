import { act } from './api.js';
import { el } from './dom.js';

// The actions the page knows how to ask for. The server says which ones a saga or a step offers now
// (none when the dashboard is read-only); each asks for a confirmation, and for the text it records
// when it has a field.
const ACTIONS = {
  cancel: {
    label: 'Cancel saga',
    title: 'Cancel this saga?',
    text: 'It takes no new step and compensates every step it finished.',
    field: 'reason',
    prompt: 'Reason (recorded as the saga\'s failure)',
  },
  retry: {
    label: 'Retry saga',
    title: 'Retry this saga?',
    text: 'Each compensator that failed for good runs again; the saga compensates from there.',
  },
  resolve: {
    label: 'Resolve step',
    title: 'Resolve this step by hand?',
    text: 'It counts as done (a compensator: as compensated) and the saga goes on.',
    field: 'note',
    prompt: 'Note (what was done by hand)',
  },
};

/**
 * Buttons for the actions offered on a saga (or, with a stepId, on one of its steps); after one is
 * applied, done(message) is called.
 */
export function actionButtons(sagaId, offered, done, stepId) {
  return offered.filter((name) => ACTIONS[name]).map((name) =>
    el('button', { type: 'button', class: 'danger', 'data-action': name,
      onclick: () => confirmAction(sagaId, name, stepId ? { stepId } : {}, done) }, ACTIONS[name].label));
}

function confirmAction(sagaId, name, body, done) {
  const action = ACTIONS[name];
  const box = document.getElementById('confirm');
  const input = box.querySelector('#confirm-input');
  const error = box.querySelector('#confirm-error');
  box.querySelector('#confirm-title').textContent = action.title;
  box.querySelector('#confirm-text').textContent = action.text;
  box.querySelector('#confirm-label').textContent = action.prompt || '';
  box.querySelector('#confirm-button').textContent = action.label;
  input.hidden = !action.field;
  input.required = Boolean(action.field);
  input.value = '';
  error.textContent = '';
  box.querySelector('form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      const result = await act(sagaId, name, action.field ? { ...body, [action.field]: input.value } : body);
      box.close();
      done(result.message);
    } catch (e) {
      error.textContent = e.message;
    }
  };
  box.querySelector('[data-action="dismiss"]').onclick = () => box.close();
  box.showModal();
  if (action.field) input.focus();
}
