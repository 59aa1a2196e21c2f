// The podcast request form (student's list page and /admin/dailycast/): a primary language, an
// optional second one (never the same twice), a format, a length (or the learner's daily one); the API
// checks the same again.

import { FORMATS, LANGUAGES, LENGTHS, formatName, languageName } from './languages.js';
import { formatMinutes, t } from './i18n.js';
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
  primary.replaceChildren(...LANGUAGES.map((code) => el('option', { value: code }, languageName(code))));
  secondary.replaceChildren(el('option', { value: '' }, t('common.none')),
    ...LANGUAGES.map((code) => el('option', { value: code }, languageName(code))));
  $('formats').replaceChildren(...FORMATS.map((value) => el('div', { class: 'radio' },
    el('input', { type: 'radio', id: `format-${value}`, name: 'output_format', value, checked: value === 'both' }),
    el('label', { for: `format-${value}` }, formatName(value)))));
  $('minutes').replaceChildren(el('option', { value: '' }, t('request.as_daily')),
    ...LENGTHS.map((m) => el('option', { value: String(m) }, formatMinutes(m))));
  $('minutes').addEventListener('change', () => clear($('minutes-error')));

  // The second language can never be the first one.
  const sync = () => {
    for (const option of secondary.options) option.disabled = option.value !== '' && option.value === primary.value;
    if (secondary.value && secondary.value === primary.value) {
      secondary.value = '';
      $('secondary-error').textContent = t('request.secondary_reset', { language: languageName(primary.value) });
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
      if (!primary.value) problems.primary_language = t('request.choose_language');
      if (secondary.value && secondary.value === primary.value) {
        problems.secondary_language = t('request.choose_secondary');
      }
      if (!format) problems.output_format = t('request.choose_format');
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
