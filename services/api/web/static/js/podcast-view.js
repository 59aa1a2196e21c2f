// Parts of a podcast both the student's page and the admin page show: players and scripts.

import { languageName } from './languages.js';
import { addQuestionStops, loadAudio, oneAtATime } from './player.js';
import { addTranscript } from './transcript.js';
import { clear, el, formatDuration } from './ui.js';

export const languagesOf = (podcast) => [podcast.primary_language, podcast.secondary_language].filter(Boolean);

export function questionText(question, language) {
  return question.text[language] || Object.values(question.text)[0] || '';
}

// One player per language. onStop(questionId, audio) is called when a player stops at a question.
export function renderPlayers(container, podcast, { headingLevel = 3, onStop } = {}) {
  for (const old of container.querySelectorAll('audio')) if (old.src.startsWith('blob:')) URL.revokeObjectURL(old.src);
  clear(container);
  if (!podcast.audio.length) {
    let note = 'This podcast has no audio: its format is text only.';
    if (podcast.status !== 'completed' && podcast.output_format !== 'text') {
      note = podcast.status === 'failed' ? 'No audio: the podcast failed.' : 'The audio will be here once the podcast is ready.';
    }
    container.append(el('p', { class: 'hint' }, note));
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
      el(`h${headingLevel}`, { id: `${base}-label` }, `${languageName(lang)} audio`),
      audio, note);
    container.append(player);
    addTranscript(player, audio, podcast.id, lang).catch(() => {}); // the player works without it
    const stopsCount = podcast.questions.filter((q) => q.times && q.times[lang]).length;
    loadAudio(audio, track.url, note, () => `${formatDuration(track.duration_seconds)}, voice ${track.voice}`
      + (onStop && stopsCount ? `. It stops after each of the ${stopsCount} questions so you can answer.` : '.'));
    if (onStop) addQuestionStops(audio, podcast.questions, lang, (questionId) => onStop(questionId, audio));
    audios.push(audio);
  }
  oneAtATime(audios);
  return audios;
}

function paragraphs(text) {
  return String(text).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

export function renderScripts(container, podcast, { open = false } = {}) {
  clear(container);
  if (podcast.output_format === 'audio') {
    container.append(el('p', { class: 'hint' }, 'This podcast is audio only: its script is not shown.'));
    return;
  }
  const languages = languagesOf(podcast).filter((lang) => podcast.scripts[lang]);
  if (!languages.length) {
    container.append(el('p', { class: 'hint' }, 'The script will be here once the podcast is ready.'));
    return;
  }
  for (const lang of languages) {
    container.append(el('details', { class: 'script', open: open || podcast.output_format === 'text' },
      el('summary', {}, `Script in ${languageName(lang)}`),
      el('div', { class: 'script-text', lang }, paragraphs(podcast.scripts[lang]).map((p) => el('p', {}, p)))));
  }
}
