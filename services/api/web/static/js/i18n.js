// The pages' language. Messages live in one catalogue per language, /static/i18n/<lang>.json,
// all with the same keys: static text in the HTML names its key (data-i18n="key", or
// data-i18n-aria-label="key"), text made in JS calls t('key', {vars}) ("{name}" in a message is
// replaced by vars.name). Dates, numbers, percentages and language names come from Intl.
//
// The language is the one chosen with the header's switch (remembered by the browser, in
// localStorage), else the signed-in learner's locale, else the browser's. The catalogue is loaded
// before any page module runs (a top-level await every importer waits for).

export const LANGUAGES = ['en', 'ja', 'es', 'fr', 'de', 'it', 'pt', 'ru', 'ko'];
const CHOICE_KEY = 'dailycast.language';
const LOCALE_KEY = 'dailycast.locale'; // the signed-in learner's locale (sessionStorage)

// "ja-JP" -> "ja"; null for a language we do not write.
export function languageOfLocale(locale) {
  const code = String(locale || '').split(/[-_]/)[0].toLowerCase();
  return LANGUAGES.includes(code) ? code : null;
}

function pickLanguage() {
  return languageOfLocale(localStorage.getItem(CHOICE_KEY))
    || languageOfLocale(sessionStorage.getItem(LOCALE_KEY))
    || (navigator.languages || [navigator.language]).map(languageOfLocale).find(Boolean)
    || 'en';
}

export function rememberLocale(locale) {
  if (locale) sessionStorage.setItem(LOCALE_KEY, locale);
  else sessionStorage.removeItem(LOCALE_KEY);
}

function chooseLanguage(code) {
  localStorage.setItem(CHOICE_KEY, code);
}

async function loadCatalogue(code) {
  const response = await fetch(`/static/i18n/${code}.json`);
  if (!response.ok) throw new Error(`no catalogue for ${code} (HTTP ${response.status})`);
  return response.json();
}

export const language = pickLanguage();
const messages = await loadCatalogue(language);

function message(key) {
  if (messages[key] !== undefined) return messages[key];
  console.error(`i18n: no message "${key}" in ${language}.json`);
  return key;
}

export function t(key, vars = {}) {
  return message(key).replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

// The message as a list of texts and the vars' own nodes, for el(): a name in <strong> stays
// where the language puts it.
export function tNodes(key, vars = {}) {
  return message(key).split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (vars[part] ?? `{${part}}`) : part))
    .filter((part) => part !== '');
}

// Every data-i18n element under root, in the chosen language.
function translate(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
}

const names = new Intl.DisplayNames([language], { type: 'language' });
export const languageName = (code) => names.of(code);
// A language in its own words, for the switch: "日本語", "Deutsch".
const ownName = (code) => new Intl.DisplayNames([code], { type: 'language' }).of(code);

const numbers = new Intl.NumberFormat(language);
const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
const minutesFormat = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
const shortMinutesFormat = new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
const secondsFormat = new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'short' });
export const formatNumber = (n) => numbers.format(n);
export const formatPercent = (percent) => percents.format(Math.round(percent) / 100); // 0-100 in
export const formatMinutes = (n) => minutesFormat.format(n);
export const formatShortMinutes = (n) => shortMinutesFormat.format(n);
export const formatSeconds = (n) => secondsFormat.format(n);

const localDate = (isoDate) => {
  const [y, m, d] = String(isoDate).split('-').map(Number);
  return new Date(y, m - 1, d);
};
const longDates = new Intl.DateTimeFormat(language, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
const shortDates = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' });
export const formatDate = (isoDate) => longDates.format(localDate(isoDate)); // "2026-09-14" -> "Mon, Sep 14, 2026"
export const shortDate = (isoDate) => shortDates.format(localDate(isoDate));
export const formatList = (items) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);

function setupLanguageSwitch() {
  const header = document.querySelector('.site-header');
  if (!header) return;
  const select = document.createElement('select');
  select.id = 'language-switch';
  for (const code of LANGUAGES) {
    const option = new Option(ownName(code), code, false, code === language);
    option.lang = code;
    select.append(option);
  }
  select.addEventListener('change', () => {
    chooseLanguage(select.value);
    location.reload();
  });
  const label = document.createElement('label');
  label.htmlFor = 'language-switch';
  label.textContent = t('nav.language');
  const wrapper = document.createElement('div');
  wrapper.className = 'language-switch';
  wrapper.append(label, select);
  header.append(wrapper);
}

document.documentElement.lang = language;
translate();
if (document.body.dataset.titleKey) document.title = t(document.body.dataset.titleKey);
setupLanguageSwitch();
