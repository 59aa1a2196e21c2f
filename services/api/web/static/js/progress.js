// The progress dashboard: completion per podcast, and over time as a chart.

import { allPages, api } from './api.js';
import { barChart } from './chart.js';
import { formatDate, formatPercent, shortDate, t } from './i18n.js';
import { languageName } from './languages.js';
import { requireUser } from './session.js';
import { $, clear, completion, el, showError } from './ui.js';

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
    detail: t('progress.day_detail', { answered: d.answered, total: d.total }),
  }));
}

function render(podcasts) {
  const finished = podcasts.filter((p) => p.status === 'completed' && p.questions.length);
  const totals = finished.map(completion);
  const answered = totals.reduce((n, c) => n + c.answered, 0);
  const questions = totals.reduce((n, c) => n + c.total, 0);
  const done = totals.filter((c) => c.total && c.answered === c.total).length;
  $('summary').replaceChildren(
    stat(t('progress.ready'), String(finished.length)),
    stat(t('progress.fully_answered'), String(done)),
    stat(t('progress.questions_answered'), t('progress.of', { answered, total: questions })),
    stat(t('progress.overall'), formatPercent(questions ? (100 * answered) / questions : 0)),
  );

  const chart = clear($('chart'));
  const points = byDay(finished);
  if (points.length) {
    chart.append(barChart(points, {
      title: t('progress.chart_title'),
      description: points.map((p) => `${p.label}: ${formatPercent(p.value)}`).join(', '),
    }));
  } else {
    chart.append(el('p', { class: 'hint' }, t('progress.chart_later')));
  }

  const list = $('per-podcast');
  list.replaceChildren(...finished.map((p) => {
    const c = completion(p);
    const id = `progress-${p.id}`;
    const languages = [p.primary_language, p.secondary_language].filter(Boolean).map(languageName).join(' + ');
    return el('li', { class: 'progress-item', 'data-podcast-id': p.id },
      el('label', { for: id }, el('a', { href: `/podcasts/${p.id}/` }, t('podcasts.item_title', { date: formatDate(p.for_date), languages }))),
      el('progress', { id, max: 100, value: c.percent, 'aria-valuetext': t('podcast.answered_of', { answered: c.answered, total: c.total }) }),
      el('span', { class: 'progress-value nowrap' }, `${c.answered}/${c.total} · ${formatPercent(c.percent)}`));
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
  $('page-title').textContent = t('nav.progress');
  try {
    const learners = await api('/api/learners/');
    const select = $('learner');
    select.replaceChildren(...learners.map((l) => el('option', { value: l.id }, t('common.learner_option', { name: l.name, id: l.id }))));
    select.addEventListener('change', () => show(Number(select.value)));
    $('learner-picker').hidden = false;
    if (learners.length) await show(learners[0].id);
  } catch (err) {
    showError($('page-error'), err);
  }
}

start();
