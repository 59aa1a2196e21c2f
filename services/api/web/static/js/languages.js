// The nine languages and three formats the API knows (services/api/schemas.py); their names in
// the reader's language come from i18n.js (Intl.DisplayNames).

import { languageOfLocale, t } from './i18n.js';

export { LANGUAGES, languageName, languageOfLocale } from './i18n.js';

// A podcast's lengths in minutes (the API accepts these only).
export const LENGTHS = [3, 6, 10];

const FORMAT_KEYS = { both: 'format.both', audio: 'format.audio', text: 'format.text' };
export const FORMATS = Object.keys(FORMAT_KEYS);
export const formatName = (format) => (FORMAT_KEYS[format] ? t(FORMAT_KEYS[format]) : format);

// The podcast language a locale suggests: its own, or English.
export const podcastLanguageOf = (locale) => languageOfLocale(locale) || 'en';
