// A small bar chart drawn as inline SVG, with a table of the same numbers for screen readers.

import { formatPercent, t } from './i18n.js';
import { el } from './ui.js';

// points: [{label, value (0-100), detail}]; returns a <figure>.
export function barChart(points, { title, description, valueLabel = formatPercent }) {
  const width = 640;
  const height = 240;
  const pad = { top: 16, right: 12, bottom: 40, left: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(points.length, 1);
  const barW = Math.min(48, slot * 0.7);
  const y = (v) => pad.top + plotH - (plotH * Math.max(0, Math.min(100, v))) / 100;

  const grid = [0, 25, 50, 75, 100].map((v) => el('g', { class: 'grid' },
    el('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }),
    el('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, formatPercent(v))));
  const every = Math.ceil(points.length / 10); // at most ~10 labels on the axis
  const bars = points.map((p, i) => {
    const x = pad.left + slot * i + (slot - barW) / 2;
    const top = y(p.value);
    return el('g', { class: 'bar' },
      el('title', {}, `${p.label}: ${valueLabel(p.value)}${p.detail ? ` (${p.detail})` : ''}`),
      el('rect', { x, y: top, width: barW, height: Math.max(pad.top + plotH - top, p.value > 0 ? 0 : 1.5), rx: 3 }),
      i % every === 0 ? el('text', { class: 'axis-label', x: x + barW / 2, y: height - pad.bottom + 18, 'text-anchor': 'middle' }, p.label) : null);
  });
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'bar-chart',
    preserveAspectRatio: 'xMidYMid meet',
  }, el('title', { id: 'chart-title' }, title), el('desc', { id: 'chart-desc' }, description), grid, bars);
  const table = el('table', { class: 'visually-hidden' },
    el('caption', {}, title),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('progress.col_day')), el('th', { scope: 'col' }, t('podcast.answered_label')))),
    el('tbody', {}, points.map((p) => el('tr', {}, el('th', { scope: 'row' }, p.label),
      el('td', {}, `${valueLabel(p.value)}${p.detail ? ` (${p.detail})` : ''}`)))));
  return el('figure', { class: 'chart-figure' }, svg, table);
}
