// The rolling transcript under a player: the sentence being spoken is highlighted (and kept in
// view), and a tap on a sentence plays from there. Its cues come from the API's WebVTT.

import { apiText } from './api.js';
import { el } from './ui.js';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

function seconds(stamp) {
  const [h, m, s] = stamp.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

// The cues of a WebVTT document as the API writes it: number, timing line, one line of text.
export function parseVtt(text) {
  return text.split(/\n\n+/).slice(1).map((block) => {
    const lines = block.split('\n').filter(Boolean);
    const timing = lines.findIndex((line) => line.includes(' --> '));
    if (timing < 0) return null;
    const [start, end] = lines[timing].split(' --> ').map((t) => seconds(t.trim()));
    const cue = lines.slice(timing + 1).join(' ').replace(/&(amp|lt|gt);/g, (e) => ENTITIES[e]);
    return { start, end, text: cue };
  }).filter(Boolean);
}

export async function addTranscript(container, audio, podcastId, language) {
  const cues = parseVtt(await apiText(`/api/podcasts/${podcastId}/transcript/${language}.vtt`));
  if (!cues.length) return;
  const items = cues.map((cue) => el('li', {},
    el('button', { type: 'button', class: 'cue', 'data-start': String(cue.start) }, cue.text)));
  const list = el('ol', { class: 'transcript', lang: language, 'aria-label': 'Transcript: choose a sentence to play from there' }, items);
  container.append(el('details', { class: 'transcript-box', open: true }, el('summary', {}, 'Transcript'), list));
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.cue');
    if (!button) return;
    audio.currentTime = Number(button.dataset.start);
    audio.play().catch(() => {}); // a browser that refuses to play still seeks
  });
  let current = null;
  audio.addEventListener('timeupdate', () => {
    const now = audio.currentTime;
    const index = cues.findIndex((cue) => cue.start <= now && now < cue.end);
    const button = index >= 0 ? items[index].firstChild : null;
    if (button === current) return;
    if (current) current.removeAttribute('aria-current');
    if (button) {
      button.setAttribute('aria-current', 'true');
      button.scrollIntoView({ block: 'nearest' });
    }
    current = button;
  });
}
