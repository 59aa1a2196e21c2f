// One podcast: a player per language that stops at each question, the three questions with
// their answer forms, the script per language, and the learner's completion.

import { api } from './api.js';
import { formatDate, formatList, formatPercent, t } from './i18n.js';
import { formatName, languageName } from './languages.js';
import { languagesOf, questionText, renderPlayers, renderScripts } from './podcast-view.js';
import {
  isSavedOffline, queueAnswer, queuedAnswers, removeOffline, saveOffline, sendQueuedAnswers,
} from './offline.js';
import { requireUser } from './session.js';
import { $, clear, completion, el, isFinal, poll, showError, statusText } from './ui.js';

const user = requireUser();
const podcastId = Number(location.pathname.split('/').filter(Boolean)[1]);
let podcast = null;
let pausedAt = null; // {questionId, audio} while a player waits for an answer
let grades = {}; // question id -> its row of the progress (feedback, key points covered, score)

function renderHeader() {
  const languages = languagesOf(podcast).map(languageName).join(' + ');
  $('title').textContent = t('podcast.title', { date: formatDate(podcast.for_date) });
  document.title = t('title.with_site', { title: $('title').textContent });
  const meta = [languages, formatName(podcast.output_format)];
  if (podcast.included_courses.length) meta.push(t('podcast.about', { courses: formatList(podcast.included_courses) }));
  if (user.staff) meta.unshift(t('session.learner', { id: podcast.user_id }));
  $('meta').textContent = meta.join(' · ');
  let status = t('podcast.status', { status: statusText(podcast.status) });
  if (podcast.status === 'failed') status += ` ${podcast.error_message || ''}`;
  else if (!isFinal(podcast.status)) status += ` ${t('podcast.updates')}`;
  $('status').textContent = status;
  $('status').dataset.status = podcast.status;
}

function renderCompletion() {
  const { answered, total, percent } = completion(podcast);
  $('completion-bar').value = percent;
  $('completion-bar').setAttribute('aria-valuetext', t('podcast.answered_of', { answered, total }));
  $('completion-text').textContent = t('podcast.completion', { answered, total, percent: formatPercent(percent) });
}

// The answer's grade: its score, each key point covered or not, and the feedback in the podcast's language.
function renderFeedback(questionId) {
  const box = $(`feedback-${questionId}`);
  if (!box) return;
  clear(box);
  const graded = grades[questionId];
  box.hidden = !graded || graded.score === null;
  if (box.hidden) return;
  const lang = podcast.primary_language;
  box.append(
    el('p', { class: 'feedback-score' }, `Score: ${formatPercent(graded.score * 100)}`),
    el('ul', { class: 'key-points', lang }, graded.key_points.map((point) => {
      const covered = graded.key_points_covered.includes(point);
      return el('li', { class: covered ? 'covered' : 'missed' },
        el('span', { class: 'visually-hidden' }, covered ? 'Covered: ' : 'Not yet: '), point);
    })),
    el('p', { class: 'feedback-text', lang }, graded.feedback));
}

// Grading runs through the events: ask for the progress until this answer's grade is there.
function awaitGrade(questionId, state) {
  poll(async () => {
    await loadGrades();
    const graded = grades[questionId];
    if (!graded || graded.score === null) return true;
    state.textContent = 'Saved and graded.';
    renderFeedback(questionId);
    return false;
  }, 700);
}

async function loadGrades() {
  const shown = await api(`/api/podcasts/${podcast.id}/progress/`);
  grades = Object.fromEntries(shown.questions.map((q) => [q.id, q]));
  $('score-text').textContent = shown.progress.score === null ? '' : `Score: ${formatPercent(shown.progress.score * 100)}`;
}

function questionForm(q, index) {
  const primary = podcast.primary_language;
  const secondary = podcast.secondary_language;
  const fieldId = `answer-${q.id}`;
  const saved = podcast.student_answers[q.id] || '';
  const mayAnswer = user.id === podcast.user_id; // only the learner answers; staff read
  const translation = secondary && q.text[secondary]
    ? el('p', { class: 'translation', lang: secondary }, q.text[secondary]) : null;
  const queued = q.id in queuedAnswers(user.id, podcast.id);
  const state = el('p', { class: 'answer-state', id: `${fieldId}-state`, 'aria-live': 'polite' },
    t(queued ? 'offline.queued' : (saved.trim() ? 'podcast.saved' : 'podcast.not_answered')));
  const textarea = el('textarea', {
    id: fieldId, name: q.id, rows: 3, maxlength: 5000, readonly: !mayAnswer,
    'aria-describedby': `${fieldId}-state`,
  });
  textarea.value = saved;
  const button = el('button', { type: 'submit', hidden: !mayAnswer }, t('podcast.save_answer'));
  const form = el('form', { class: 'question', id: `question-${q.id}`, 'data-question-id': q.id, novalidate: true },
    el('label', { for: fieldId, class: 'question-label' },
      el('span', { class: 'question-number' }, t('podcast.question_number', { n: index + 1 })),
      el('span', { class: 'question-text', lang: primary }, questionText(q, primary))),
    translation, textarea,
    el('div', { class: 'question-actions' }, button, state),
    el('div', { class: 'feedback', id: `feedback-${q.id}`, 'aria-live': 'polite', hidden: true }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!textarea.value.trim()) {
      state.textContent = t('podcast.write_first');
      state.classList.add('error');
      textarea.focus();
      return;
    }
    button.disabled = true;
    state.classList.remove('error');
    state.textContent = t('podcast.saving');
    try {
      const answer = await api(`/api/podcasts/${podcast.id}/answers/`, {
        method: 'PUT', body: { answers: { [q.id]: textarea.value } },
      });
      podcast.student_answers = answer.answers;
      state.textContent = 'Saved. Grading…';
      form.classList.add('answered');
      delete grades[q.id];
      renderFeedback(q.id);
      renderCompletion();
      resumeAfter(q.id);
      awaitGrade(q.id, state);
    } catch (err) {
      if (err.status !== 0) {
        state.textContent = err.message;
        state.classList.add('error');
        return;
      }
      // No network: kept on this device, sent when the server answers again.
      queueAnswer(user.id, podcast.id, q.id, textarea.value);
      podcast.student_answers = { ...podcast.student_answers, [q.id]: textarea.value };
      state.textContent = t('offline.queued');
      form.classList.add('answered');
      renderCompletion();
      resumeAfter(q.id);
    } finally {
      button.disabled = false;
    }
  });
  if (saved.trim()) form.classList.add('answered');
  return form;
}

function renderQuestions() {
  const container = $('questions');
  clear(container);
  if (!podcast.questions.length) {
    container.append(el('p', { class: 'hint' }, t(podcast.status === 'failed'
      ? 'podcast.failed_no_questions' : 'podcast.questions_later')));
    return;
  }
  podcast.questions.forEach((q, i) => container.append(questionForm(q, i)));
  podcast.questions.forEach((q) => renderFeedback(q.id));
}

// Thumbs up or down for the podcast and each of its topics; pressing a pressed thumb takes it back.
function thumbButtons(label, current, send) {
  const group = el('div', { class: 'thumbs', role: 'group', 'aria-label': label });
  for (const [thumb, text] of [['up', '👍 Up'], ['down', '👎 Down']]) {
    const pressed = current === thumb;
    const button = el('button', { type: 'button', class: 'thumb', 'data-thumb': thumb, 'aria-pressed': String(pressed),
      'aria-label': `${label}: thumb ${thumb}` }, text);
    button.addEventListener('click', () => send(pressed ? 'none' : thumb));
    group.append(button);
  }
  return group;
}

function renderRating(rating) {
  const container = $('rating');
  clear(container);
  const send = async (body) => {
    try {
      renderRating(await api(`/api/podcasts/${podcast.id}/rating/`, { method: 'PUT', body }));
      $('rating-state').textContent = 'Thanks: your next podcasts take it into account.';
    } catch (err) {
      $('rating-state').textContent = err.message;
    }
  };
  const mayRate = user.id === podcast.user_id;
  const row = (label, current, send) => el('div', { class: 'rating-row' }, el('span', {}, label),
    mayRate ? thumbButtons(label, current, send) : el('span', { class: 'hint' }, current ? `thumb ${current}` : 'not rated'));
  container.append(row('This podcast', rating.podcast, (thumb) => send({ podcast: thumb })));
  for (const topic of rating.rateable_topics) {
    container.append(row(topic, rating.topics[topic], (thumb) => send({ topics: { [topic]: thumb } })));
  }
}

// A player reached a question: show its form and put the cursor in it.
function stopAt(questionId, audio) {
  pausedAt = { questionId, audio };
  const index = podcast.questions.findIndex((q) => q.id === questionId);
  for (const form of document.querySelectorAll('form.question')) {
    form.classList.toggle('current', form.dataset.questionId === questionId);
  }
  const form = $(`question-${questionId}`);
  $('question-status').textContent = t('podcast.stopped', { n: index + 1, total: podcast.questions.length });
  form.scrollIntoView({ block: 'center', behavior: 'smooth' });
  $(`answer-${questionId}`).focus({ preventScroll: true });
  audio.addEventListener('play', () => {
    form.classList.remove('current');
    clear($('question-status'));
    pausedAt = null;
  }, { once: true });
}

function resumeAfter(questionId) {
  if (pausedAt && pausedAt.questionId === questionId && pausedAt.audio.paused) {
    pausedAt.audio.play().catch(() => {});
  }
}

// Answers written offline: shown as the learner left them, and sent once the server answers.
async function sendQueued() {
  const sent = (await sendQueuedAnswers(user.id))[podcast.id];
  if (!sent) return;
  const waiting = queuedAnswers(user.id, podcast.id);
  podcast.student_answers = { ...sent, ...waiting };
  for (const q of podcast.questions) {
    if (!(q.id in waiting) && sent[q.id] !== undefined) {
      $(`answer-${q.id}`).value = sent[q.id]; // the server's: a newer answer from elsewhere wins
      $(`answer-${q.id}-state`).textContent = t('podcast.saved');
    }
  }
  renderCompletion();
}

async function renderOffline() {
  const section = $('offline-section');
  const mine = user.id === podcast.user_id;
  section.hidden = !mine || podcast.status !== 'completed' || !('caches' in window);
  if (section.hidden) return;
  const button = $('offline-button');
  const show = (saved) => {
    $('offline-status').textContent = t(saved ? 'offline.saved' : 'offline.not_saved');
    button.textContent = t(saved ? 'offline.remove' : 'offline.save');
    button.dataset.saved = String(saved);
  };
  show(await isSavedOffline(user.id, podcast.id));
  button.onclick = async () => {
    button.disabled = true;
    try {
      if (button.dataset.saved === 'true') await removeOffline(user.id, podcast.id);
      else await saveOffline(user.id, podcast);
      show(button.dataset.saved !== 'true');
    } catch (err) {
      $('offline-status').textContent = t('offline.failed', { reason: err.message });
    } finally {
      button.disabled = false;
    }
  };
}

function renderAll() {
  renderHeader();
  renderPlayers($('players'), podcast, { onStop: stopAt });
  renderQuestions();
  renderCompletion();
  renderScripts($('scripts'), podcast);
  $('rate').hidden = podcast.status !== 'completed';
  if (podcast.status === 'completed') {
    api(`/api/podcasts/${podcast.id}/rating/`).then(renderRating, (err) => showError($('page-error'), err));
    loadGrades().then(() => podcast.questions.forEach((q) => renderFeedback(q.id)), () => {});
  }
  renderOffline();
  $('listen').hidden = podcast.output_format === 'text';
  $('podcast').hidden = false;
}

async function start() {
  if (!user) return;
  if (!Number.isInteger(podcastId)) {
    showError($('page-error'), new Error(t('podcast.bad_address')));
    return;
  }
  try {
    podcast = await api(`/api/podcasts/${podcastId}/`);
  } catch (err) {
    $('title').textContent = t(err.status === 404 ? 'podcast.not_found' : 'podcast.heading');
    showError($('page-error'), err);
    return;
  }
  if (user.id === podcast.user_id) {
    podcast.student_answers = { ...podcast.student_answers, ...queuedAnswers(user.id, podcast.id) };
  }
  renderAll();
  if (user.id === podcast.user_id) {
    sendQueued();
    window.addEventListener('online', sendQueued);
  }
  // While it is being made, follow its status; show everything once it is ready.
  if (!isFinal(podcast.status)) {
    poll(async () => {
      const latest = await api(`/api/podcasts/${podcastId}/`);
      const changed = latest.status !== podcast.status;
      podcast = latest;
      if (isFinal(latest.status)) renderAll();
      else if (changed) renderHeader();
      return !isFinal(latest.status);
    });
  }
}

start();
