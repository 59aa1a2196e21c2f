// The list of podcasts; a podcast being made updates its status by itself.

import { api } from './api.js';
import { formatDate, formatPercent, formatShortMinutes, language, t } from './i18n.js';
import { formatName, languageName } from './languages.js';
import { setupPreferencesForm, todayIn } from './preferences-form.js';
import { onRequestSubmit, setupRequestForm, showFieldErrors } from './request-form.js';
import { requireUser } from './session.js';
import { $, completion, el, isFinal, poll, showError, statusBadge, statusText } from './ui.js';

const PAGE_SIZE = 20;
const user = requireUser();
let podcasts = [];
let shown = PAGE_SIZE;
let total = 0;
let stopPolling = null;
let today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone); // in the learner's zone once known

function item(p) {
  const languages = [p.primary_language, p.secondary_language].filter(Boolean).map(languageName).join(' + ');
  const { answered, total: count, percent } = completion(p);
  const isToday = p.for_date === today;
  const date = formatDate(p.for_date);
  const title = t('podcasts.item_title', { date: isToday ? t('podcasts.today', { date }) : date, languages });
  const details = [formatName(p.output_format), formatShortMinutes(p.minutes)];
  if (user.staff) details.unshift(t('session.learner', { id: p.user_id }));
  if (p.status === 'completed') {
    details.push(t('podcasts.answered', { answered, total: count, percent: formatPercent(percent) }));
  }
  if (p.status === 'failed' && p.error_message) details.push(p.error_message);
  return el('li', { class: 'podcast-item', 'data-podcast-id': p.id, 'data-status': p.status, 'data-today': String(isToday) },
    el('a', { href: `/podcasts/${p.id}/`, class: 'podcast-link' }, title),
    statusBadge(p.status),
    el('p', { class: 'podcast-details' }, details.join(' · ')));
}

function render() {
  const list = $('podcast-list');
  // Today's podcast first, then the others newest first (as the API lists them).
  const ordered = [...podcasts.filter((p) => p.for_date === today), ...podcasts.filter((p) => p.for_date !== today)];
  list.replaceChildren(...ordered.map(item));
  $('list-empty').hidden = podcasts.length > 0;
  $('pager').hidden = podcasts.length >= total;
}

async function load() {
  const page = await api(`/api/podcasts/?page_size=${shown}`);
  const before = new Map(podcasts.map((p) => [p.id, p.status]));
  podcasts = page.results;
  total = page.count;
  render();
  const changed = podcasts.filter((p) => before.has(p.id) && before.get(p.id) !== p.status);
  if (changed.length) {
    $('list-status').textContent = changed
      .map((p) => t('podcasts.status_changed', { date: formatDate(p.for_date), status: statusText(p.status) })).join(' ');
  }
  return podcasts.some((p) => !isFinal(p.status));
}

// While a podcast is being made, ask again every 1.5 s; stop once every podcast is done.
function watch() {
  if (stopPolling) stopPolling();
  stopPolling = poll(load);
}

// The private feed: its address, copied, or replaced by a new one (the old one stops working).
async function setupFeed() {
  const field = $('feed-url');
  field.value = (await api('/api/learners/me/feed')).url;
  $('feed-copy').addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      $('feed-status').textContent = 'Copied.';
    } catch {
      $('feed-status').textContent = 'Selected: copy it with your keyboard.';
    }
  });
  $('feed-rotate').addEventListener('click', async () => {
    if (!window.confirm('Make a new address? The old one stops working: subscribe again with the new one.')) return;
    try {
      field.value = (await api('/api/learners/me/feed/rotate', { method: 'POST' })).url;
      $('feed-status').textContent = 'A new address is ready; the old one no longer works.';
    } catch (err) {
      showError($('feed-error'), err);
    }
  });
}

async function start() {
  if (!user) return;
  if (user.staff) {
    $('page-title').textContent = t('nav.podcasts');
    $('request-section').hidden = true; // staff generate on /admin/dailycast/
    $('preferences-section').hidden = true;
    $('feed-section').hidden = true; // a feed is a learner's own
  } else {
    setupFeed().catch((err) => showError($('feed-error'), err));
    setupPreferencesForm((saved) => {
      today = todayIn(saved.time_zone);
      render();
    }).then((chosen) => {
      today = todayIn(chosen.time_zone);
      render();
    }).catch((err) => showError($('preferences-error'), err));
  }
  const form = $('request-form');
  const fields = setupRequestForm(form);
  fields.setPrimary(language); // the pages' language, until the learner picks another
  onRequestSubmit(form, fields, 'request-error', async (body, error) => {
    const button = $('request-button');
    button.disabled = true;
    try {
      await api('/api/podcasts/', { method: 'POST', body });
      await load();
      // Said once the list shows it, so the message and the list agree.
      $('list-status').textContent = t('podcasts.requested');
      watch();
    } catch (err) {
      showFieldErrors(form, err.fields);
      showError(error, err);
    } finally {
      button.disabled = false;
    }
  });
  $('more-button').addEventListener('click', async () => {
    shown += PAGE_SIZE;
    try {
      await load();
    } catch (err) {
      showError($('page-error'), err);
    }
  });
  try {
    if (await load()) watch();
  } catch (err) {
    showError($('page-error'), err);
  }
}

start();
