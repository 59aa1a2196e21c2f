// Who is signed in: the bearer token in sessionStorage, and the site navigation.

import { rememberLocale, t, tNodes } from './i18n.js';
import { clearToken, getToken, setToken } from './api.js';
import { forgetOffline, registerServiceWorker } from './offline.js';
import { el, $ } from './ui.js';

const NAME_KEY = 'dailycast.name';

registerServiceWorker(); // every page imports this module

// The token's claims, read (not verified: the API verifies) to shape the pages.
export function decodeToken(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')));
    const id = Number(claims.sub);
    if (!Number.isInteger(id)) return null;
    return { id, staff: Boolean(claims.is_staff), exp: claims.exp };
  } catch {
    return null;
  }
}

export function currentUser() {
  const token = getToken();
  if (!token) return null;
  const user = decodeToken(token);
  if (!user || (user.exp && user.exp * 1000 < Date.now())) {
    signOut();
    return null;
  }
  user.name = sessionStorage.getItem(NAME_KEY);
  return user;
}

// locale: the learner's (it picks the pages' language until one is chosen); none for staff.
export function signIn(token, name, locale) {
  setToken(token);
  if (name) sessionStorage.setItem(NAME_KEY, name);
  else sessionStorage.removeItem(NAME_KEY);
  rememberLocale(locale);
}

// Resolves once the podcasts saved for offline listening are gone from the device too.
export function signOut() {
  clearToken();
  sessionStorage.removeItem(NAME_KEY);
  rememberLocale(null);
  return forgetOffline();
}

export function userLabel(user) {
  return user.name || t(user.staff ? 'session.staff_member' : 'session.learner', { id: user.id });
}

export const homeFor = (user) => (user.staff ? '/admin/dailycast/' : '/podcasts/');

// The signed-in user, or off to the sign-in page (and back here afterwards).
export function requireUser() {
  const user = currentUser();
  if (!user) {
    location.replace(`/signin/?next=${encodeURIComponent(location.pathname + location.search)}`);
    return null;
  }
  renderNav(user);
  return user;
}

export function renderNav(user) {
  const nav = $('site-nav');
  if (!nav) return;
  const links = user
    ? [['/podcasts/', t(user.staff ? 'nav.podcasts' : 'nav.my_podcasts')], ['/progress/', t('nav.progress')]]
    : [];
  if (user && user.staff) links.push(['/admin/dailycast/', t('nav.admin')]);
  const here = location.pathname;
  const items = links.map(([href, text]) => {
    const current = here === href || (href === '/podcasts/' && here.startsWith('/podcasts/'));
    return el('li', {}, el('a', { href, 'aria-current': current ? 'page' : null }, text));
  });
  const account = user
    ? el('div', { class: 'account' },
      el('span', { class: 'who' }, tNodes('nav.signed_in_as', { name: el('strong', {}, userLabel(user)) })),
      el('button', {
        type: 'button', class: 'link-button', onclick: async () => { await signOut(); location.assign('/signin/'); },
      }, t('nav.signout')))
    : el('div', { class: 'account' }, el('a', { href: '/signin/' }, t('nav.signin')));
  nav.replaceChildren(el('ul', {}, items), account);
}
