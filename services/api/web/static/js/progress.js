// The progress dashboard: completion per podcast, and over time as a chart.

import { allPages, api } from './api.js';
import { barChart } from './chart.js';
import { languageName } from './languages.js';
import { requireUser } from './session.js';
import { $, clear, completion, el, formatDate, percentText, shortDate, showError } from './ui.js';

const user = requireUser();

function stat(term, value) {
  return el('div', { class: 'stat' }, el('dt', {}, term), el('dd', {}, value));
}

// Each day's share of answered questions, oldest first (the last 30 days with podcasts).
function byDay(podcasts) {
  const days = new Map();
  for (const p of podcasts) {
    const c = completion(p);
    const day = days.get(p.for_date) || { answered: 0, total: 0 };
    day.answered += c.answered;
    day.total += c.total;
    days.set(p.for_date, day);
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).slice(-30).map(([date, d]) => ({
    label: shortDate(date),
    value: d.total ? (100 * d.answered) / d.total : 0,
    detail: `${d.answered} of ${d.total} questions`,
  }));
}

function render(podcasts) {
  const finished = podcasts.filter((p) => p.status === 'completed' && p.questions.length);
  const totals = finished.map(completion);
  const answered = totals.reduce((n, c) => n + c.answered, 0);
  const questions = totals.reduce((n, c) => n + c.total, 0);
  const done = totals.filter((c) => c.total && c.answered === c.total).length;
  $('summary').replaceChildren(
    stat('Podcasts ready', String(finished.length)),
    stat('Podcasts fully answered', String(done)),
    stat('Questions answered', `${answered} of ${questions}`),
    stat('Overall', percentText(questions ? (100 * answered) / questions : 0)),
  );

  const chart = clear($('chart'));
  const points = byDay(finished);
  if (points.length) {
    chart.append(barChart(points, {
      title: 'Answered questions per day',
      description: points.map((p) => `${p.label}: ${Math.round(p.value)} %`).join(', '),
    }));
  } else {
    chart.append(el('p', { class: 'hint' }, 'The chart appears once a podcast is ready.'));
  }

  const list = $('per-podcast');
  list.replaceChildren(...finished.map((p) => {
    const c = completion(p);
    const id = `progress-${p.id}`;
    const languages = [p.primary_language, p.secondary_language].filter(Boolean).map(languageName).join(' + ');
    return el('li', { class: 'progress-item', 'data-podcast-id': p.id },
      el('label', { for: id }, el('a', { href: `/podcasts/${p.id}/` }, `${formatDate(p.for_date)}: ${languages}`)),
      el('progress', { id, max: 100, value: c.percent, 'aria-valuetext': `${c.answered} of ${c.total} answered` }),
      el('span', { class: 'progress-value nowrap' }, `${c.answered}/${c.total} · ${percentText(c.percent)}`));
  }));
  $('per-podcast-empty').hidden = finished.length > 0;
  $('dashboard').hidden = false;
}

async function show(userId) {
  clear($('page-error'));
  try {
    const query = userId ? `?user_id=${userId}&page_size=200` : '?page_size=200';
    render(await allPages(`/api/podcasts/${query}`));
  } catch (err) {
    showError($('page-error'), err);
  }
}

async function start() {
  if (!user) return;
  if (!user.staff) {
    await show(null);
    return;
  }
  // Staff choose whose progress to see.
  $('page-title').textContent = 'Progress';
  try {
    const learners = await api('/api/learners/');
    const select = $('learner');
    select.replaceChildren(...learners.map((l) => el('option', { value: l.id }, `${l.name} (learner ${l.id})`)));
    select.addEventListener('change', () => show(Number(select.value)));
    $('learner-picker').hidden = false;
    if (learners.length) await show(learners[0].id);
  } catch (err) {
    showError($('page-error'), err);
  }
}

start();
