// The nine languages and three formats the API knows (services/api/schemas.py).

export const LANGUAGES = {
  en: 'English',
  ja: 'Japanese',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  it: 'Italian',
  pt: 'Portuguese',
  ru: 'Russian',
  ko: 'Korean',
};

// A podcast's lengths in minutes (the API accepts these only).
export const LENGTHS = [3, 6, 10];

export const FORMATS = {
  both: 'Text and audio',
  audio: 'Audio only',
  text: 'Text only',
};

export const languageName = (code) => LANGUAGES[code] || code;

// "ja-JP" -> "ja"; a locale we do not speak -> English.
export function languageOfLocale(locale) {
  const code = String(locale || '').slice(0, 2).toLowerCase();
  return code in LANGUAGES ? code : 'en';
}
