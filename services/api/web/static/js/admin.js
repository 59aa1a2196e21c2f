// /admin/dailycast/: choose a learner, languages and format, generate; then follow the podcast:
// its status, what each attempt cost, the audio players, the questions with the learner's answers,
// the accuracy check. Below, the costs of the last 30 days, a row a podcast date.

import { api } from './api.js';
import {
  formatDate, formatList, formatMinutes, formatNumber, formatPercent, formatSeconds, language, shortDate, t, tNodes,
} from './i18n.js';
import { formatName, languageName, podcastLanguageOf } from './languages.js';
import { languagesOf, questionText, renderPlayers, renderScripts } from './podcast-view.js';
import { onRequestSubmit, setupRequestForm, showFieldErrors } from './request-form.js';
import { requireUser, userLabel } from './session.js';
import { $, clear, el, isFinal, poll, showError, statusBadge } from './ui.js';

const user = requireUser();
let learners = [];
let shownId = null;
let stopPolling = null;

const learnerName = (id) => (learners.find((l) => l.id === id) || {}).name || t('session.learner', { id });

function meta(term, value) {
  return [el('dt', {}, term), el('dd', {}, value)];
}

// Estimates come to fractions of a cent a podcast: four decimals. Null: not known.
const USD = new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', minimumFractionDigits: 4 });
const usd = (amount) => (amount === null ? t('admin.unknown') : USD.format(amount));
const count = (n) => formatNumber(Number(n));

function scriptCost(attempt) {
  if (!attempt.llm_provider) return t('admin.not_written');
  const writer = attempt.llm_model ? `${attempt.llm_provider} (${attempt.llm_model})` : attempt.llm_provider;
  const tokens = attempt.input_tokens === null ? ''
    : t('admin.tokens', { input: count(attempt.input_tokens), output: count(attempt.output_tokens) });
  return `${writer}${tokens}, ${usd(attempt.script_cost_usd)}`;
}

function speechCost(attempt) {
  if (!attempt.tts_provider) return t('admin.no_speech');
  const characters = attempt.speech_characters === null ? ''
    : t('admin.characters', { count: count(attempt.speech_characters) });
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
  if (!attempts.length) list.append(el('li', { class: 'hint' }, t('admin.no_costs')));
  for (const a of attempts) {
    list.append(el('li', { 'data-attempt': a.attempt }, t('admin.attempt_cost', {
      attempt: a.attempt, total: usd(a.estimated_cost_usd), script: scriptCost(a), speech: speechCost(a),
    })));
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
    ? el('tr', {}, el('th', { scope: 'row' }, t('admin.col_total')), costCells(total))
    : el('tr', {}, el('td', { colspan: 9 }, t('admin.no_recent_costs'))));
}

function renderQuestions(podcast) {
  const list = clear($('detail-questions'));
  if (!podcast.questions.length) {
    list.append(el('li', { class: 'hint' }, t(isFinal(podcast.status) ? 'admin.no_questions' : 'admin.questions_later')));
    return;
  }
  const secondary = podcast.secondary_language;
  for (const q of podcast.questions) {
    const answer = (podcast.student_answers[q.id] || '').trim();
    list.append(el('li', { 'data-question-id': q.id },
      el('p', { class: 'question-text', lang: podcast.primary_language }, questionText(q, podcast.primary_language)),
      secondary && q.text[secondary] ? el('p', { class: 'translation', lang: secondary }, q.text[secondary]) : null,
      answer
        ? el('p', { class: 'answer' }, el('span', { class: 'answer-label' }, t('admin.answer')), ' ', answer)
        : el('p', { class: 'answer unanswered' }, t('podcast.not_answered'))));
  }
}

async function renderAccuracy(podcast) {
  const box = clear($('detail-accuracy'));
  if (podcast.status !== 'completed') {
    box.append(el('p', { class: 'hint' }, t('admin.check_later')));
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
    el('p', { class: 'score' }, el('strong', {}, t('admin.score', { score: formatPercent(100 * check.accuracy_score) })),
      ' ', t('admin.checks_passed', { passed: m.checks_passed, total: m.checks_total })),
    el('h4', {}, t('admin.issues')), list(check.issues, t('admin.no_issues')),
    el('h4', {}, t('admin.warnings')), list(check.warnings, t('admin.no_warnings')),
    el('dl', { class: 'meta-list' },
      ...meta(t('admin.courses_named'), t('progress.of', {
        answered: c.courses_mentioned.found.length, total: c.courses_mentioned.expected.length,
      }) + (c.courses_mentioned.found.length ? `: ${formatList(c.courses_mentioned.found)}` : '')),
      ...meta(t('admin.col_scripts'), Object.entries(c.script_length).map(([lang, s]) => t('admin.script_length', {
        language: languageName(lang), characters: formatNumber(s.characters), minutes: formatNumber(s.estimated_minutes),
      })).join('; ')),
      ...meta(t('admin.audio'), c.audio.required
        ? Object.entries(c.duration_seconds).map(([lang, s]) => t('admin.audio_seconds', {
          language: languageName(lang), seconds: formatSeconds(Math.round(s)),
        })).join('; ') || t('admin.missing')
        : t('admin.not_in_format')),
      ...meta(t('podcast.answered_label'), t('progress.of', {
        answered: c.qa_status.answered_count, total: c.qa_status.questions_count,
      }))));
}

function renderDetail(podcast, { full }) {
  $('detail').hidden = false;
  $('detail').dataset.podcastId = podcast.id;
  $('detail').dataset.status = podcast.status;
  $('detail-heading').textContent = t('admin.detail_heading', { id: podcast.id, name: learnerName(podcast.user_id) });
  const said = podcast.status === 'failed' && podcast.error_message ? ` ${podcast.error_message}` : '';
  const following = isFinal(podcast.status) ? '' : ` ${t('admin.updates')}`;
  $('detail-status').replaceChildren(...tNodes('admin.status', { status: statusBadge(podcast.status) }), said, following);
  $('detail-meta').replaceChildren(
    ...meta(t('admin.col_date'), formatDate(podcast.for_date)),
    ...meta(t('admin.attempt'), String(podcast.attempt)),
    ...meta(t('field.languages'), languagesOf(podcast).map(languageName).join(' + ')),
    ...meta(t('request.format'), formatName(podcast.output_format)),
    ...meta(t('prefs.length'), formatMinutes(podcast.minutes)),
    ...meta(t('admin.courses'), formatList(podcast.included_courses) || '—'),
    ...meta(t('admin.writer'), podcast.llm_provider ? `${podcast.llm_provider}${podcast.llm_model ? ` (${podcast.llm_model})` : ''}` : '—'),
    ...meta(t('admin.col_speech'), podcast.tts_provider || '—'),
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
        t('admin.recent_item', { date: formatDate(p.for_date), languages: languagesOf(p).map(languageName).join(' + '), format: formatName(p.output_format) })),
      ' ', statusBadge(p.status))));
    $('recent-empty').hidden = page.results.length > 0;
  } catch (err) {
    showError($('generate-error'), err);
  }
}

async function start() {
  if (!user) return;
  if (!user.staff) {
    showError($('page-error'), new Error(t('admin.staff_only', { name: userLabel(user) })));
    $('page-error').append(' ', el('a', { href: '/signin/?next=/admin/dailycast/' }, t('admin.signin_staff')));
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
  select.replaceChildren(...learners.map((l) => el('option', { value: l.id }, t('common.learner_option', { name: l.name, id: l.id }))));
  const fields = setupRequestForm(form);
  const learnerChanged = () => {
    const learner = learners.find((l) => l.id === Number(select.value));
    if (learner) fields.setPrimary(podcastLanguageOf(learner.locale));
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
      showFieldErrors(form, { user_id: t('admin.choose_learner') });
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
