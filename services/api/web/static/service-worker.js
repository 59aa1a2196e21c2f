// Dailycast's service worker: the pages work offline, and podcasts saved for offline listening
// play and answer without a network (see static/js/offline.js, which saves them).
//
// - The shell (every page's HTML, the JS, CSS, catalogues and icons) is cached at install;
//   pages.py fills in SHELL and VERSION (a hash of the files), so a change installs a new shell.
// - Pages and static files: the network first, the cached shell when it does not answer.
// - GET /api/...: the network first; offline, what the signed-in learner saved, from their own
//   cache (named by the user id in the request's bearer token), never anyone else's. A saved
//   podcast's JSON is refreshed whenever the network answers, so it keeps the latest answers.

const VERSION = '__VERSION__';
const SHELL = '__SHELL__';
const SHELL_CACHE = `dailycast-shell-${VERSION}`;
const PODCAST_PAGE = '/podcasts/0/'; // every podcast's page is the same shell

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dailycast-shell-') && k !== SHELL_CACHE)
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The user id in a bearer token (not verified: the cache it opens is this device's own copy).
function userOf(request) {
  const token = (request.headers.get('Authorization') || '').replace(/^Bearer /, '');
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const id = Number(JSON.parse(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '='))).sub);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

async function fromApi(request) {
  const user = userOf(request);
  const path = new URL(request.url).pathname;
  const saved = user === null ? null : await caches.open(`dailycast-private-${user}`);
  try {
    const response = await fetch(request);
    if (saved && response.ok && !path.includes('/audio/') && await saved.match(path)) {
      await saved.put(path, response.clone());
    }
    return response;
  } catch (err) {
    const copy = saved && await saved.match(path);
    if (copy) return copy;
    throw err;
  }
}

async function fromShell(request, key) {
  try {
    return await fetch(request);
  } catch (err) {
    const copy = await caches.match(key, { cacheName: SHELL_CACHE });
    if (copy) return copy;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(fromApi(event.request));
  } else {
    const key = /^\/podcasts\/\d+\/$/.test(url.pathname) ? PODCAST_PAGE : url.pathname;
    if (SHELL.includes(key)) event.respondWith(fromShell(event.request, key));
  }
});
