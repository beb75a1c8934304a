import { act } from './api.js';
import { el } from './dom.js';

// The actions the page knows how to ask for: the server lists, per saga, those it allows now (and
// none when the dashboard is read-only). Each asks for a confirmation and a text that is recorded.
const ACTIONS = {
  cancel: {
    label: 'Cancel saga',
    title: 'Cancel this saga?',
    text: 'It takes no new step and compensates every step it finished.',
    field: 'reason',
    prompt: 'Reason (recorded as the saga\'s failure)',
  },
};

const dialog = () => document.getElementById('confirm');

/** Buttons for the saga's allowed actions; after one is applied, done(message) is called. */
export function actionButtons(saga, done) {
  return saga.actions.filter((name) => ACTIONS[name]).map((name) =>
    el('button', { type: 'button', class: 'danger', 'data-action': name, onclick: () => confirmAction(saga.sagaId, name, done) },
      ACTIONS[name].label));
}

function confirmAction(sagaId, name, done) {
  const action = ACTIONS[name];
  const box = dialog();
  const input = box.querySelector('#confirm-input');
  const error = box.querySelector('#confirm-error');
  box.querySelector('#confirm-title').textContent = action.title;
  box.querySelector('#confirm-text').textContent = action.text;
  box.querySelector('#confirm-label').textContent = action.prompt;
  box.querySelector('#confirm-button').textContent = action.label;
  input.value = '';
  error.textContent = '';
  const form = box.querySelector('form');
  form.onsubmit = async (event) => {
    event.preventDefault();
    try {
      const result = await act(sagaId, name, { [action.field]: input.value });
      box.close();
      done(result.message);
    } catch (e) {
      error.textContent = e.message;
    }
  };
  box.querySelector('[data-action="dismiss"]').onclick = () => box.close();
  box.showModal();
  input.focus();
}
