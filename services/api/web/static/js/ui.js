// Small DOM helpers shared by the pages. Text always goes in as text, never as HTML.

import { t } from './i18n.js';

export function el(tag, attrs = {}, ...children) {
  const svg = ['svg', 'g', 'rect', 'line', 'text', 'title', 'desc', 'polyline', 'circle', 'path'].includes(tag);
  const node = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else if (name === 'class') node.setAttribute('class', value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function showError(node, err) {
  clear(node);
  node.append(err && err.message ? err.message : String(err));
  if (err && err.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    node.append(' ', el('a', { href: `/signin/?next=${next}` }, t('nav.signin')));
  }
  node.hidden = false;
}

export function clearError(node) {
  clear(node);
}

export function formatDuration(seconds) {
  const s = Math.floor(Number(seconds) || 0); // as the browser's player shows it
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const STATUS_KEYS = {
  pending: 'status.pending',
  generating: 'status.generating',
  completed: 'status.completed',
  failed: 'status.failed',
};

export const statusText = (status) => (STATUS_KEYS[status] ? t(STATUS_KEYS[status]) : status);

export const isFinal = (status) => status === 'completed' || status === 'failed';

export function statusBadge(status) {
  return el('span', { class: `badge badge-${status}` }, statusText(status));
}

// Answered questions of a podcast, from its questions and the answers the API keeps by id.
export function completion(podcast) {
  const total = podcast.questions.length;
  const answered = podcast.questions.filter((q) => (podcast.student_answers[q.id] || '').trim()).length;
  const percent = total ? Math.round((100 * answered) / total) : 0;
  return { answered, total, percent };
}

// Wait, then call again, while `more()` says so; returns a stop function.
export function poll(fn, intervalMs = 1500) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    let again = false;
    try {
      again = await fn();
    } catch (err) {
      again = true; // a passing hiccup: try again
    }
    if (again && !stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
