// The audio player: one <audio controls> per language, loaded with the token, that stops at
// each question's moment (the question's `pause_at` in that language's audio).

import { audioUrl } from './api.js';
import { t } from './i18n.js';

// Stop `audio` when playback crosses a question's pause_at; onStop(questionId) shows its form.
// A stop is made once per pass: seeking back before a question arms it again; seeking past
// one skips it.
export function addQuestionStops(audio, questions, language, onStop) {
  const stops = questions
    .map((q) => ({ id: q.id, at: q.times && q.times[language] ? Number(q.times[language].pause_at) : NaN }))
    .filter((s) => Number.isFinite(s.at))
    .sort((a, b) => a.at - b.at);
  const made = new Set();
  let last = 0;
  audio.addEventListener('seeked', () => {
    last = audio.currentTime;
    for (const s of stops) if (s.at > last) made.delete(s.id);
  });
  audio.addEventListener('timeupdate', () => {
    const now = audio.currentTime;
    if (!audio.seeking && !audio.paused) {
      const stop = stops.find((s) => !made.has(s.id) && last < s.at && s.at <= now);
      if (stop) {
        made.add(stop.id);
        audio.pause();
        onStop(stop.id);
      }
    }
    last = now;
  });
  audio.addEventListener('ended', () => made.clear());
  return stops;
}

// Load the audio through the API (see api.audioUrl) and say how it went in `note`.
export async function loadAudio(audio, url, note, describeLoaded) {
  note.textContent = t('player.loading');
  try {
    const src = await audioUrl(url);
    await new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(t('player.cannot_play'))), { once: true });
      audio.src = src;
      audio.load();
    });
    note.textContent = describeLoaded();
    audio.dataset.loaded = 'true';
  } catch (err) {
    note.textContent = t('player.load_failed', { reason: err.message });
    note.classList.add('error');
    audio.dataset.loaded = 'error';
  }
}

// Only one language plays at a time.
export function oneAtATime(audios) {
  for (const audio of audios) {
    audio.addEventListener('play', () => {
      for (const other of audios) if (other !== audio && !other.paused) other.pause();
    });
  }
}
