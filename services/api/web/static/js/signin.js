// Sign-in: a development sign-in that picks a demo learner (when the server offers it),
// or the platform's bearer token pasted in.

import { api, ApiError } from './api.js';
import { currentUser, decodeToken, homeFor, renderNav, signIn, signOut, userLabel } from './session.js';
import { t } from './i18n.js';
import { $, clear, el, showError } from './ui.js';

const message = $('message');

// Only paths of this site: never send someone elsewhere after signing in. `next` must start with
// one "/" and the browser's own URL parser decides where it leads (it reads "/\evil.example" as
// "//evil.example" and drops tabs and newlines); what is followed is the resolved same-origin URL.
function sameOriginUrl(next) {
  if (!next || !next.startsWith('/') || /^\/[\/\\]/.test(next)) return null;
  let url;
  try {
    url = new URL(next, location.origin);
  } catch {
    return null;
  }
  return url.origin === location.origin && !url.pathname.startsWith('//') ? url.href : null;
}

function destination(user) {
  return sameOriginUrl(new URLSearchParams(location.search).get('next')) || homeFor(user);
}

function showSignedIn() {
  const user = currentUser();
  renderNav(user);
  $('signed-in').hidden = !user;
  if (user) {
    $('signed-in-text').textContent = t('signin.signed_in', { name: userLabel(user) });
    $('continue-link').href = destination(user);
  }
}

// The learner's locale picks the pages' language; staff have no learner record (404).
async function done(token, name) {
  const me = await api('/api/learners/me', { token }).catch(() => null);
  signIn(token, name || (me && me.name), me && me.locale);
  location.assign(destination(decodeToken(token)));
}

async function devSignIn(body, name, button) {
  clear(message);
  button.disabled = true;
  try {
    const answer = await api('/dev/token', { method: 'POST', body, token: null });
    await done(answer.token, name);
  } catch (err) {
    showError(message, err);
    button.disabled = false;
  }
}

async function offerDevSignIn() {
  let learners;
  try {
    learners = await api('/dev/learners', { token: null });
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) showError(message, err);
    return; // 404: not offered here (production)
  }
  const list = $('dev-users');
  for (const learner of learners) {
    const name = learner.name;
    const button = el('button', { type: 'button', class: 'choice', 'data-user-id': learner.id },
      el('span', { class: 'choice-title' }, name),
      el('span', { class: 'choice-detail' }, t('signin.learner_detail', { id: learner.id, locale: learner.locale })));
    button.addEventListener('click', () => devSignIn({ user_id: learner.id }, name, button));
    list.append(el('li', {}, button));
  }
  const staff = el('button', { type: 'button', class: 'choice', 'data-staff': 'true' },
    el('span', { class: 'choice-title' }, t('signin.staff')),
    el('span', { class: 'choice-detail' }, t('signin.staff_detail')));
  staff.addEventListener('click', () => devSignIn({ staff: true }, null, staff));
  list.append(el('li', {}, staff));
  $('dev-signin').hidden = false;
}

$('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const field = $('token');
  const error = $('token-error');
  clear(error);
  clear(message);
  field.removeAttribute('aria-invalid');
  const token = field.value.trim().replace(/^Bearer\s+/i, '');
  const fail = (text) => {
    error.textContent = text;
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  };
  if (!token) return fail(t('signin.paste_first'));
  if (!decodeToken(token)) return fail(t('signin.not_a_token'));
  try {
    await api('/api/podcasts/?page_size=1', { token }); // the API checks the token
  } catch (err) {
    return fail(err.status === 401 ? t('signin.refused', { detail: err.detail || t('signin.not_valid') }) : err.message);
  }
  await done(token, null);
});

$('signout-button').addEventListener('click', async () => {
  await signOut();
  showSignedIn();
});

showSignedIn();
offerDevSignIn();
