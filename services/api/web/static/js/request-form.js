// The podcast request form (student's list page and /admin/dailycast/): a primary language, an
// optional second one (never the same twice), a format, a length (or the learner's daily one); the API
// checks the same again.

import { FORMATS, LANGUAGES, LENGTHS, languageName } from './languages.js';
import { $, clear, el } from './ui.js';

const ERROR_SLOTS = {
  user_id: 'learner',
  primary_language: 'primary',
  secondary_language: 'secondary',
  languages: 'secondary',
  output_format: 'format',
  minutes: 'minutes',
};

export function setupRequestForm(form) {
  const primary = $('primary');
  const secondary = $('secondary');
  primary.replaceChildren(...Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code }, name)));
  secondary.replaceChildren(el('option', { value: '' }, 'None'),
    ...Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code }, name)));
  $('formats').replaceChildren(...Object.entries(FORMATS).map(([value, label]) => el('div', { class: 'radio' },
    el('input', { type: 'radio', id: `format-${value}`, name: 'output_format', value, checked: value === 'both' }),
    el('label', { for: `format-${value}` }, label))));
  $('minutes').replaceChildren(el('option', { value: '' }, 'As in the daily preferences'),
    ...LENGTHS.map((m) => el('option', { value: String(m) }, `${m} minutes`)));
  $('minutes').addEventListener('change', () => clear($('minutes-error')));

  // The second language can never be the first one.
  const sync = () => {
    for (const option of secondary.options) option.disabled = option.value !== '' && option.value === primary.value;
    if (secondary.value && secondary.value === primary.value) {
      secondary.value = '';
      $('secondary-error').textContent = `${languageName(primary.value)} is already the primary language: the second language is now None.`;
    }
  };
  primary.addEventListener('change', sync);
  secondary.addEventListener('change', () => clear($('secondary-error')));
  sync();

  return {
    setPrimary(code) {
      primary.value = code;
      sync();
    },
    // The request body, or null (with the reasons shown) when the form is not right.
    read() {
      clearErrors(form);
      const body = { primary_language: primary.value };
      if (secondary.value) body.secondary_language = secondary.value;
      if ($('minutes').value) body.minutes = Number($('minutes').value);
      const format = form.querySelector('input[name="output_format"]:checked');
      const problems = {};
      if (!primary.value) problems.primary_language = 'Choose a language.';
      if (secondary.value && secondary.value === primary.value) {
        problems.secondary_language = 'Choose a second language different from the primary one, or None.';
      }
      if (!format) problems.output_format = 'Choose a format.';
      else body.output_format = format.value;
      if (Object.keys(problems).length) {
        showFieldErrors(form, problems);
        return null;
      }
      return body;
    },
  };
}

// Handles the form's submit: clears the error shown under it, reads the fields and, when they are
// right, calls submit(body, error) with the request body and that error node.
export function onRequestSubmit(form, fields, errorId, submit) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $(errorId);
    clear(error);
    const body = fields.read();
    if (!body) return;
    await submit(body, error);
  });
}

export function clearErrors(form) {
  for (const node of form.querySelectorAll('.field-error')) clear(node);
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

// Put each field's message next to its control, and focus the first one.
export function showFieldErrors(form, fields) {
  let first = null;
  for (const [field, text] of Object.entries(fields || {})) {
    const slot = ERROR_SLOTS[field];
    const target = slot && $(`${slot}-error`);
    if (!target) continue;
    target.textContent = text;
    const control = slot === 'format' ? form.querySelector('input[name="output_format"]') : $(slot);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      first = first || control;
    }
  }
  if (first) first.focus();
}
