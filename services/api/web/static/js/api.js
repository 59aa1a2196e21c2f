// The REST API client: fetch with the bearer token, and errors turned into sentences.

import { t } from './i18n.js';

const TOKEN_KEY = 'dailycast.token';

export const getToken = () => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (token) => sessionStorage.setItem(TOKEN_KEY, token);
export const clearToken = () => sessionStorage.removeItem(TOKEN_KEY);

// Names people know for the fields the API names in its 422 answers (the API's own message, after
// the name, is in English).
const FIELD_KEYS = {
  user_id: 'common.learner',
  primary_language: 'admin.primary',
  secondary_language: 'field.secondary',
  languages: 'field.languages',
  output_format: 'request.format',
  answers: 'field.answers',
  daily: 'prefs.daily',
  minutes: 'prefs.length',
  delivery_time: 'prefs.time',
  time_zone: 'prefs.zone',
  token: 'field.token',
};
const fieldName = (field) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field);

export class ApiError extends Error {
  // status: HTTP status (0: no answer); fields: {field: message} for 422s that name one.
  constructor(status, message, fields = {}, detail = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fields = fields;
    this.detail = detail; // the API's own words, when it said some
  }
}

function fieldOf(loc) {
  // ["body", "secondary_language"] -> secondary_language; ["body", "languages", 0] -> languages
  const names = (loc || []).filter((part) => typeof part === 'string' && part !== 'body');
  return names[0] || null;
}

function cleanMessage(msg) {
  return String(msg || '').replace(/^Value error, /, '');
}

// One 422 problem in words, and the field it is about (if any).
function describeProblem(problem) {
  let field = fieldOf(problem.loc);
  let msg = cleanMessage(problem.msg);
  // Model-level checks say "field: message" themselves.
  const named = /^([a-z_]+): (.*)$/.exec(msg);
  if (named && FIELD_KEYS[named[1]]) {
    field = named[1];
    msg = named[2];
  }
  const label = field ? fieldName(field) : null;
  return { field, text: label ? `${label}: ${msg}` : msg };
}

export function describe(status, data) {
  const detail = data && data.detail;
  if (status === 422 && Array.isArray(detail)) {
    const problems = detail.map(describeProblem);
    const fields = {};
    for (const p of problems) if (p.field && !fields[p.field]) fields[p.field] = p.text;
    return { message: problems.map((p) => p.text).join(' '), fields };
  }
  const said = typeof detail === 'string' ? detail : '';
  switch (status) {
    case 401:
      return { message: t('error.401', { detail: said || t('error.no_token') }) };
    case 403:
      return { message: t('error.403', { detail: said || t('error.not_allowed') }) };
    case 404:
      return { message: t('error.404', { detail: said || t('error.nothing_here') }) };
    case 422:
      return { message: t('error.422', { detail: said || t('error.invalid_input') }) };
    default:
      if (status >= 500) return { message: t('error.500', { status }) };
      return { message: said || t('error.failed', { status }) };
  }
}

// Call the API; resolves to the JSON answer (null for 204), rejects with an ApiError.
export async function api(path, { method = 'GET', body, token = getToken(), signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, t('error.unreachable'));
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const { message, fields } = describe(response.status, data);
    const detail = data && typeof data.detail === 'string' ? data.detail : '';
    throw new ApiError(response.status, message, fields, detail);
  }
  return data;
}

// Every page of a list endpoint ({count, next, results}).
export async function allPages(path) {
  const results = [];
  let next = path;
  while (next) {
    const page = await api(next);
    results.push(...page.results);
    const link = page.next && new URL(page.next, location.origin);
    next = link ? link.pathname + link.search : null;
  }
  return results;
}

// A URL the <audio> element can play. The API's audio needs the bearer token, which <audio>
// cannot send: fetch it with the token and play it from memory (a blob: URL only this page
// can open). A storage service's signed https link plays as it is.
export async function audioUrl(url, { signal } = {}) {
  if (!url.startsWith('/')) return url;
  let response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${getToken()}` }, signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, t('error.unreachable_audio'));
  }
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new ApiError(response.status, describe(response.status, data).message);
  }
  return URL.createObjectURL(await response.blob());
}

// A text document of the API's (a WebVTT transcript), fetched with the token.
export async function apiText(path, { signal } = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${getToken()}` }, signal });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'Cannot reach the Dailycast server.');
  }
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new ApiError(response.status, describe(response.status, data).message);
  }
  return response.text();
}
