// Parts of a podcast both the student's page and the admin page show: players and scripts.

import { api } from './api.js';
import { t } from './i18n.js';
import { languageName } from './languages.js';
import { addQuestionStops, loadAudio, oneAtATime } from './player.js';
import { addTranscript } from './transcript.js';
import { clear, el, formatDuration, showError } from './ui.js';

export const languagesOf = (podcast) => [podcast.primary_language, podcast.secondary_language].filter(Boolean);

export function questionText(question, language) {
  return question.text[language] || Object.values(question.text)[0] || '';
}

// One player per language. onStop(questionId, audio) is called when a player stops at a question.
export function renderPlayers(container, podcast, { headingLevel = 3, onStop } = {}) {
  for (const old of container.querySelectorAll('audio')) if (old.src.startsWith('blob:')) URL.revokeObjectURL(old.src);
  clear(container);
  if (!podcast.audio.length) {
    let note = 'player.text_only';
    if (podcast.status !== 'completed' && podcast.output_format !== 'text') {
      note = podcast.status === 'failed' ? 'player.failed' : 'player.later';
    }
    container.append(el('p', { class: 'hint' }, t(note)));
    return [];
  }
  const audios = [];
  for (const track of podcast.audio) {
    const lang = track.language;
    const base = `audio-${podcast.id}-${lang}`;
    const audio = el('audio', {
      id: base, controls: true, preload: 'metadata', 'data-language': lang,
      'aria-labelledby': `${base}-label`, 'aria-describedby': `${base}-note`,
    });
    const note = el('p', { class: 'hint', id: `${base}-note` });
    const player = el('div', { class: 'player' },
      el(`h${headingLevel}`, { id: `${base}-label` }, t('player.heading', { language: languageName(lang) })),
      audio, note);
    container.append(player);
    addTranscript(player, audio, podcast.id, lang).catch(() => {}); // the player works without it
    const stopsCount = podcast.questions.filter((q) => q.times && q.times[lang]).length;
    loadAudio(audio, track.url, note, () => t(onStop && stopsCount ? 'player.loaded_stops' : 'player.loaded',
      { duration: formatDuration(track.duration_seconds), voice: track.voice }));
    if (onStop) addQuestionStops(audio, podcast.questions, lang, (questionId) => onStop(questionId, audio));
    audios.push(audio);
  }
  oneAtATime(audios);
  return audios;
}

function paragraphs(text) {
  return String(text).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

function scriptDetails(lang, text, { open, summary }) {
  return el('details', { class: 'script', open, 'data-language': lang },
    el('summary', {}, summary),
    el('div', { class: 'script-text', lang }, paragraphs(text).map((p) => el('p', {}, p))));
}

// An audio-only podcast keeps its script out of sight (the seed's format), but anyone who cannot
// hear it may open the transcript: fetched only when asked for.
function renderTranscriptOffer(container, podcast) {
  const box = el('div', { class: 'transcript-text' });
  const button = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, t('transcript.show'));
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-expanded') === 'true') {
      button.setAttribute('aria-expanded', 'false');
      button.textContent = t('transcript.show');
      clear(box);
      return;
    }
    button.disabled = true;
    try {
      const { scripts } = await api(`/api/podcasts/${podcast.id}/transcript/`);
      box.replaceChildren(...languagesOf(podcast).filter((lang) => scripts[lang]).map((lang) => scriptDetails(
        lang, scripts[lang], { open: true, summary: t('transcript.in', { language: languageName(lang) }) })));
      button.setAttribute('aria-expanded', 'true');
      button.textContent = t('transcript.hide');
    } catch (err) {
      showError(box, err);
    } finally {
      button.disabled = false;
    }
  });
  container.append(el('div', { class: 'script-transcript' }, el('p', { class: 'hint' }, t('transcript.hidden')), el('p', {}, button), box));
}

export function renderScripts(container, podcast, { open = false } = {}) {
  clear(container);
  if (podcast.output_format === 'audio') {
    if (podcast.status === 'completed') renderTranscriptOffer(container, podcast);
    else container.append(el('p', { class: 'hint' }, t('script.later')));
    return;
  }
  const languages = languagesOf(podcast).filter((lang) => podcast.scripts[lang]);
  if (!languages.length) {
    container.append(el('p', { class: 'hint' }, t('script.later')));
    return;
  }
  for (const lang of languages) {
    container.append(scriptDetails(lang, podcast.scripts[lang], {
      open: open || podcast.output_format === 'text', summary: t('script.in', { language: languageName(lang) }),
    }));
  }
}
