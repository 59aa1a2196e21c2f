// The learner's daily podcast: on or off, languages, format, length, when and in which time zone
// (GET and PUT /api/learners/me/preferences; the API checks every value again).

import { api } from './api.js';
import { formatMinutes, t } from './i18n.js';
import { FORMATS, LANGUAGES, LENGTHS, formatName, languageName } from './languages.js';
import { $, clear, el, showError } from './ui.js';

// Where the API's 422 for a field is shown.
const ERROR_SLOTS = {
  daily: 'pref-daily', languages: 'pref-secondary', output_format: 'pref-format', minutes: 'pref-minutes',
  delivery_time: 'pref-time', time_zone: 'pref-zone',
};

const options = (entries) => entries.map(([value, label]) => el('option', { value }, label));

function zones(current) {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...all])].filter(Boolean);
}

function fill(chosen) {
  $('pref-daily').checked = chosen.daily;
  $('pref-primary').value = chosen.languages[0];
  $('pref-secondary').value = chosen.languages[1] || '';
  $('pref-format').value = chosen.output_format;
  $('pref-minutes').value = String(chosen.minutes);
  $('pref-time').value = chosen.delivery_time;
  $('pref-zone').replaceChildren(...options(zones(chosen.time_zone).map((zone) => [zone, zone])));
  $('pref-zone').value = chosen.time_zone;
}

function read() {
  const languages = [$('pref-primary').value, $('pref-secondary').value].filter(Boolean);
  return {
    daily: $('pref-daily').checked,
    languages: [...new Set(languages)],
    output_format: $('pref-format').value,
    minutes: Number($('pref-minutes').value),
    delivery_time: $('pref-time').value,
    time_zone: $('pref-zone').value,
  };
}

function showFieldErrors(form, fields) {
  for (const node of form.querySelectorAll('.field-error')) clear(node);
  for (const [field, text] of Object.entries(fields || {})) {
    const id = ERROR_SLOTS[field];
    if (id && $(`${id}-error`)) $(`${id}-error`).textContent = text;
  }
}

// Sets up the form; resolves to the saved (or default) preferences, and calls onSaved after each save.
export async function setupPreferencesForm(onSaved = () => {}) {
  const form = $('preferences-form');
  const languages = LANGUAGES.map((code) => [code, languageName(code)]);
  $('pref-primary').replaceChildren(...options(languages));
  $('pref-secondary').replaceChildren(el('option', { value: '' }, t('common.none')), ...options(languages));
  $('pref-format').replaceChildren(...options(FORMATS.map((format) => [format, formatName(format)])));
  $('pref-minutes').replaceChildren(...options(LENGTHS.map((m) => [String(m), formatMinutes(m)])));
  const chosen = await api('/api/learners/me/preferences');
  fill(chosen);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = $('preferences-status');
    clear(status);
    clear($('preferences-error'));
    showFieldErrors(form, {});
    try {
      const saved = await api('/api/learners/me/preferences', { method: 'PUT', body: read() });
      fill(saved);
      status.textContent = saved.daily
        ? t('prefs.saved_daily', { time: saved.delivery_time, zone: saved.time_zone })
        : t('prefs.saved_off');
      onSaved(saved);
    } catch (err) {
      showFieldErrors(form, err.fields);
      showError($('preferences-error'), err);
    }
  });
  return chosen;
}

// The learner's date today in their time zone, as the API writes dates (YYYY-MM-DD).
export function todayIn(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}
