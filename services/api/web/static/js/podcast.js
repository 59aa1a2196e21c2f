// One podcast: a player per language that stops at each question, the three questions with
// their answer forms, the script per language, and the learner's completion.

import { api } from './api.js';
import { FORMATS, languageName } from './languages.js';
import { languagesOf, questionText, renderPlayers, renderScripts } from './podcast-view.js';
import { requireUser } from './session.js';
import { STATUS_TEXT, $, clear, completion, el, formatDate, isFinal, percentText, poll, showError } from './ui.js';

const user = requireUser();
const podcastId = Number(location.pathname.split('/').filter(Boolean)[1]);
let podcast = null;
let pausedAt = null; // {questionId, audio} while a player waits for an answer
let grades = {}; // question id -> its row of the progress (feedback, key points covered, score)

function renderHeader() {
  const languages = languagesOf(podcast).map(languageName).join(' + ');
  $('title').textContent = `Podcast of ${formatDate(podcast.for_date)}`;
  document.title = `${$('title').textContent} · Dailycast`;
  const meta = [languages, FORMATS[podcast.output_format]];
  if (podcast.included_courses.length) meta.push(`about ${podcast.included_courses.join(', ')}`);
  if (user.staff) meta.unshift(`Learner ${podcast.user_id}`);
  $('meta').textContent = meta.join(' · ');
  let status = `Status: ${STATUS_TEXT[podcast.status]}`;
  if (podcast.status === 'failed') status += `. ${podcast.error_message || ''}`;
  else if (!isFinal(podcast.status)) status += ' This page updates by itself.';
  $('status').textContent = status;
  $('status').dataset.status = podcast.status;
}

function renderCompletion() {
  const { answered, total, percent } = completion(podcast);
  $('completion-bar').value = percent;
  $('completion-bar').setAttribute('aria-valuetext', `${answered} of ${total} answered`);
  $('completion-text').textContent = `${answered} of ${total} answered: ${percentText(percent)}`;
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
    el('p', { class: 'feedback-score' }, `Score: ${percentText(graded.score * 100)}`),
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
  $('score-text').textContent = shown.progress.score === null ? '' : `Score: ${percentText(shown.progress.score * 100)}`;
}

function questionForm(q, index) {
  const primary = podcast.primary_language;
  const secondary = podcast.secondary_language;
  const fieldId = `answer-${q.id}`;
  const saved = podcast.student_answers[q.id] || '';
  const mayAnswer = user.id === podcast.user_id; // only the learner answers; staff read
  const translation = secondary && q.text[secondary]
    ? el('p', { class: 'translation', lang: secondary }, q.text[secondary]) : null;
  const state = el('p', { class: 'answer-state', id: `${fieldId}-state`, 'aria-live': 'polite' },
    saved.trim() ? 'Saved.' : 'Not answered yet.');
  const textarea = el('textarea', {
    id: fieldId, name: q.id, rows: 3, maxlength: 5000, readonly: !mayAnswer,
    'aria-describedby': `${fieldId}-state`,
  });
  textarea.value = saved;
  const button = el('button', { type: 'submit', hidden: !mayAnswer }, 'Save answer');
  const form = el('form', { class: 'question', id: `question-${q.id}`, 'data-question-id': q.id, novalidate: true },
    el('label', { for: fieldId, class: 'question-label' },
      el('span', { class: 'question-number' }, `Question ${index + 1}`),
      el('span', { class: 'question-text', lang: primary }, questionText(q, primary))),
    translation, textarea,
    el('div', { class: 'question-actions' }, button, state),
    el('div', { class: 'feedback', id: `feedback-${q.id}`, 'aria-live': 'polite', hidden: true }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!textarea.value.trim()) {
      state.textContent = 'Write an answer first.';
      state.classList.add('error');
      textarea.focus();
      return;
    }
    button.disabled = true;
    state.classList.remove('error');
    state.textContent = 'Saving…';
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
      state.textContent = err.message;
      state.classList.add('error');
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
    container.append(el('p', { class: 'hint' }, podcast.status === 'failed'
      ? 'This podcast failed: it has no questions.' : 'The questions will be here once the podcast is ready.'));
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
  $('question-status').textContent = `The audio stopped at question ${index + 1} of ${podcast.questions.length}. `
    + 'Write your answer and save it: the audio then goes on. Or press play to go on without answering.';
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
  $('read').hidden = podcast.output_format === 'audio';
  $('listen').hidden = podcast.output_format === 'text';
  $('podcast').hidden = false;
}

async function start() {
  if (!user) return;
  if (!Number.isInteger(podcastId)) {
    showError($('page-error'), new Error('This is not a podcast address.'));
    return;
  }
  try {
    podcast = await api(`/api/podcasts/${podcastId}/`);
  } catch (err) {
    $('title').textContent = err.status === 404 ? 'Podcast not found' : 'Podcast';
    showError($('page-error'), err);
    return;
  }
  renderAll();
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
