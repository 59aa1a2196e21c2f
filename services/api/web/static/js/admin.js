// /admin/dailycast/: choose a learner, languages and format, generate; then follow the podcast:
// its status, what each attempt cost, the audio players, the questions with the learner's answers,
// the accuracy check. Below, the costs of the last 30 days, a row a podcast date.

import { api } from './api.js';
import { FORMATS, languageName, languageOfLocale } from './languages.js';
import { languagesOf, questionText, renderPlayers, renderScripts } from './podcast-view.js';
import { onRequestSubmit, setupRequestForm, showFieldErrors } from './request-form.js';
import { requireUser, userLabel } from './session.js';
import { $, clear, el, formatDate, isFinal, percentText, poll, shortDate, showError, statusBadge } from './ui.js';

const user = requireUser();
let learners = [];
let shownId = null;
let stopPolling = null;

const learnerName = (id) => (learners.find((l) => l.id === id) || {}).name || `learner ${id}`;

function meta(term, value) {
  return [el('dt', {}, term), el('dd', {}, value)];
}

// Estimates come to fractions of a cent a podcast: four decimals. Null: not known.
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 4 });
const usd = (amount) => (amount === null ? 'unknown' : USD.format(amount));
const count = (n) => Number(n).toLocaleString();

function scriptCost(attempt) {
  if (!attempt.llm_provider) return 'not written yet';
  const writer = attempt.llm_model ? `${attempt.llm_provider} (${attempt.llm_model})` : attempt.llm_provider;
  const tokens = attempt.input_tokens === null ? ''
    : `, ${count(attempt.input_tokens)} prompt and ${count(attempt.output_tokens)} answer tokens`;
  return `${writer}${tokens}, ${usd(attempt.script_cost_usd)}`;
}

function speechCost(attempt) {
  if (!attempt.tts_provider) return 'none';
  const characters = attempt.speech_characters === null ? '' : `, ${count(attempt.speech_characters)} characters billed`;
  return `${attempt.tts_provider}${characters}, ${usd(attempt.speech_cost_usd)}`;
}

async function renderCost(podcast) {
  const list = clear($('detail-cost'));
  let attempts;
  try {
    attempts = await api(`/api/podcasts/${podcast.id}/costs/`);
  } catch (err) {
    showError(list.appendChild(el('li', { class: 'error' })), err);
    return;
  }
  if (!attempts.length) list.append(el('li', { class: 'hint' }, 'Nothing recorded yet (or made before costs were kept).'));
  for (const a of attempts) {
    list.append(el('li', { 'data-attempt': a.attempt },
      `Attempt ${a.attempt}: ${usd(a.estimated_cost_usd)} estimated. `
      + `Script: ${scriptCost(a)}. Speech: ${speechCost(a)}.`));
  }
}

function isoDaysAgo(days) {
  const day = new Date(Date.now() - days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA').format(day); // YYYY-MM-DD, the reader's own date
}

const COUNTS = ['podcasts', 'attempts', 'input_tokens', 'output_tokens', 'speech_characters'];
const AMOUNTS = ['script_cost_usd', 'speech_cost_usd', 'estimated_cost_usd'];
const costCells = (day) => [...COUNTS.map((k) => count(day[k])), ...AMOUNTS.map((k) => usd(day[k]))]
  .map((text) => el('td', {}, text));

async function loadCosts() {
  clear($('costs-error'));
  let days;
  try {
    days = await api(`/api/costs/?from_date=${isoDaysAgo(30)}`);
  } catch (err) {
    showError($('costs-error'), err);
    return;
  }
  const table = $('costs-table');
  table.tBodies[0].replaceChildren(...days.map((day) => el('tr', {},
    el('th', { scope: 'row' }, shortDate(day.for_date)), costCells(day))));
  const total = Object.fromEntries([...COUNTS, ...AMOUNTS].map((k) => [k, days.reduce((sum, day) => sum + day[k], 0)]));
  table.tFoot.replaceChildren(days.length
    ? el('tr', {}, el('th', { scope: 'row' }, 'Total'), costCells(total))
    : el('tr', {}, el('td', { colspan: 9 }, 'No podcasts in the last 30 days.')));
}

function renderQuestions(podcast) {
  const list = clear($('detail-questions'));
  if (!podcast.questions.length) {
    list.append(el('li', { class: 'hint' }, isFinal(podcast.status) ? 'No questions.' : 'Not written yet.'));
    return;
  }
  const secondary = podcast.secondary_language;
  for (const q of podcast.questions) {
    const answer = (podcast.student_answers[q.id] || '').trim();
    list.append(el('li', { 'data-question-id': q.id },
      el('p', { class: 'question-text', lang: podcast.primary_language }, questionText(q, podcast.primary_language)),
      secondary && q.text[secondary] ? el('p', { class: 'translation', lang: secondary }, q.text[secondary]) : null,
      answer
        ? el('p', { class: 'answer' }, el('span', { class: 'answer-label' }, 'Answer: '), answer)
        : el('p', { class: 'answer unanswered' }, 'Not answered yet.')));
  }
}

async function renderAccuracy(podcast) {
  const box = clear($('detail-accuracy'));
  if (podcast.status !== 'completed') {
    box.append(el('p', { class: 'hint' }, 'Checked once the podcast is ready.'));
    return;
  }
  let check;
  try {
    check = await api(`/api/podcasts/${podcast.id}/accuracy-check/`);
  } catch (err) {
    showError(box, err);
    return;
  }
  const m = check.metadata;
  const c = check.content_checks;
  const list = (items, empty) => (items.length
    ? el('ul', {}, items.map((t) => el('li', {}, t))) : el('p', { class: 'hint' }, empty));
  box.append(
    el('p', { class: 'score' }, el('strong', {}, `Score ${percentText(100 * check.accuracy_score)}`),
      ` (${m.checks_passed} of ${m.checks_total} checks passed)`),
    el('h4', {}, 'Issues'), list(check.issues, 'No issues.'),
    el('h4', {}, 'Warnings'), list(check.warnings, 'No warnings.'),
    el('dl', { class: 'meta-list' },
      ...meta('Courses named', `${c.courses_mentioned.found.length} of ${c.courses_mentioned.expected.length}`
        + (c.courses_mentioned.found.length ? `: ${c.courses_mentioned.found.join(', ')}` : '')),
      ...meta('Scripts', Object.entries(c.script_length)
        .map(([lang, s]) => `${languageName(lang)} ${s.characters} characters, about ${s.estimated_minutes} min`).join('; ')),
      ...meta('Audio', c.audio.required
        ? Object.entries(c.duration_seconds).map(([lang, s]) => `${languageName(lang)} ${Math.round(s)} s`).join('; ') || 'missing'
        : 'not part of this format'),
      ...meta('Answered', `${c.qa_status.answered_count} of ${c.qa_status.questions_count}`)));
}

function renderDetail(podcast, { full }) {
  $('detail').hidden = false;
  $('detail').dataset.podcastId = podcast.id;
  $('detail').dataset.status = podcast.status;
  $('detail-heading').textContent = `Podcast ${podcast.id} for ${learnerName(podcast.user_id)}`;
  const said = podcast.status === 'failed' && podcast.error_message ? ` ${podcast.error_message}` : '';
  const following = isFinal(podcast.status) ? '' : ' This updates by itself.';
  $('detail-status').replaceChildren('Status: ', statusBadge(podcast.status), said, following);
  $('detail-meta').replaceChildren(
    ...meta('Date', formatDate(podcast.for_date)),
    ...meta('Attempt', String(podcast.attempt)),
    ...meta('Languages', languagesOf(podcast).map(languageName).join(' + ')),
    ...meta('Format', FORMATS[podcast.output_format]),
    ...meta('Length', `${podcast.minutes} minutes`),
    ...meta('Courses', podcast.included_courses.join(', ') || '—'),
    ...meta('Writer', podcast.llm_provider ? `${podcast.llm_provider}${podcast.llm_model ? ` (${podcast.llm_model})` : ''}` : '—'),
    ...meta('Speech', podcast.tts_provider || '—'),
  );
  if (full) {
    renderCost(podcast);
    renderPlayers($('detail-players'), podcast, { headingLevel: 4 });
    renderScripts($('detail-scripts'), podcast);
    renderAccuracy(podcast);
  }
  renderQuestions(podcast);
}

// Show one podcast and follow it until it is completed or failed.
async function showPodcast(id, { focus = false } = {}) {
  if (stopPolling) stopPolling();
  shownId = id;
  clear($('detail-error'));
  let podcast;
  try {
    podcast = await api(`/api/podcasts/${id}/`);
  } catch (err) {
    $('detail').hidden = false;
    showError($('detail-error'), err);
    return;
  }
  renderDetail(podcast, { full: true });
  for (const button of document.querySelectorAll('#recent button')) {
    if (Number(button.parentElement.dataset.podcastId) === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  if (focus) $('detail-heading').focus();
  if (!isFinal(podcast.status)) {
    stopPolling = poll(async () => {
      if (shownId !== id) return false;
      const latest = await api(`/api/podcasts/${id}/`);
      renderDetail(latest, { full: isFinal(latest.status) });
      if (isFinal(latest.status)) {
        loadRecent();
        loadCosts();
      }
      return !isFinal(latest.status);
    });
  }
}

async function loadRecent() {
  const userId = Number($('learner').value);
  const list = $('recent');
  try {
    const page = await api(`/api/podcasts/?user_id=${userId}&page_size=10`);
    list.replaceChildren(...page.results.map((p) => el('li', { 'data-podcast-id': p.id },
      el('button', {
        type: 'button', class: 'link-button', 'aria-current': p.id === shownId ? 'true' : null,
        onclick: () => showPodcast(p.id, { focus: true }),
      },
        `${formatDate(p.for_date)}: ${languagesOf(p).map(languageName).join(' + ')}, ${FORMATS[p.output_format].toLowerCase()}`),
      ' ', statusBadge(p.status))));
    $('recent-empty').hidden = page.results.length > 0;
  } catch (err) {
    showError($('generate-error'), err);
  }
}

async function start() {
  if (!user) return;
  if (!user.staff) {
    showError($('page-error'), new Error(`This page is for staff, and you are signed in as ${userLabel(user)}.`));
    $('page-error').append(' ', el('a', { href: '/signin/?next=/admin/dailycast/' }, 'Sign in as staff'));
    return;
  }
  try {
    learners = await api('/api/learners/');
  } catch (err) {
    showError($('page-error'), err);
    return;
  }
  const form = $('generate-form');
  const select = $('learner');
  select.replaceChildren(...learners.map((l) => el('option', { value: l.id }, `${l.name} (learner ${l.id})`)));
  const fields = setupRequestForm(form);
  const learnerChanged = () => {
    const learner = learners.find((l) => l.id === Number(select.value));
    if (learner) fields.setPrimary(languageOfLocale(learner.locale));
    loadRecent();
  };
  select.addEventListener('change', learnerChanged);
  learnerChanged();
  loadCosts();
  $('admin').hidden = false;

  // A new attempt of the podcast shown: the learner gets it (and one more email) once it is made.
  $('regenerate-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = $('regenerate-button');
    clear($('regenerate-error'));
    button.disabled = true;
    try {
      const id = shownId;
      await api(`/api/podcasts/${id}/regenerate/`, {
        method: 'POST', body: { fresh_learner: $('regenerate-fresh').checked },
      });
      await loadRecent();
      await showPodcast(id);
    } catch (err) {
      showError($('regenerate-error'), err);
    } finally {
      button.disabled = false;
    }
  });

  onRequestSubmit(form, fields, 'generate-error', async (body, error) => {
    if (!select.value) {
      showFieldErrors(form, { user_id: 'Choose a learner.' });
      return;
    }
    body.user_id = Number(select.value);
    const button = $('generate-button');
    button.disabled = true;
    try {
      const created = await api('/api/podcasts/', { method: 'POST', body });
      await loadRecent();
      await showPodcast(created.id, { focus: true });
    } catch (err) {
      showFieldErrors(form, err.fields);
      showError(error, err);
    } finally {
      button.disabled = false;
    }
  });
}

start();
