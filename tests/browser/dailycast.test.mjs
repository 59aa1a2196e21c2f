// Dailycast in a real browser: Debian's Chromium, headless, driven by playwright-core against a
// running system (BASE_URL). Starts nothing itself: tests/e2e/test_browser.py starts the system.
//
//   BASE_URL=http://127.0.0.1:8000 node --test tests/browser/

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  BASE_URL, DESKTOP, PHONE, accessibilityViolations, launch, newPage, screenshot, signIn, until,
} from './lib.mjs';

let browser;
const pages = [];
const shared = {}; // what one scenario leaves for the next (ids)

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function open(viewport, options) {
  const page = await newPage(browser, viewport, options);
  pages.push(page);
  return page;
}

// Press Tab until `selector` has the focus: it is reached by the keyboard alone.
async function tabTo(page, selector, most = 80) {
  for (let i = 0; i < most; i += 1) {
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached with ${most} presses of Tab on ${page.url()}`);
}

function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], `the page reported errors on ${page.url()}`);
}

// A well-formed token signed with a secret the server does not know.
function forgedToken(userId) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: String(userId), exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${body}.${createHmac('sha256', 'not-the-secret').update(body).digest('base64url')}`;
}

test('the sign-in page offers the demo learners and staff, and explains a refused token', async () => {
  const page = await open();
  await page.goto('/podcasts/');
  await page.waitForURL(/\/signin\/\?next=/); // not signed in: sent to sign in
  await page.locator('#dev-signin').waitFor();
  assert.equal(await page.locator('#dev-users button').count(), 4); // 3 demo learners + staff
  // Every control has a label.
  assert.equal(await page.getByLabel('Platform token', { exact: true }).count(), 1);
  await screenshot(page, 'signin');

  await page.getByLabel('Platform token', { exact: true }).fill(forgedToken(1));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const error = page.locator('#token-error');
  await error.filter({ hasText: 'refused' }).waitFor();
  assert.match(await error.textContent(), /The server refused this token \(Invalid token: .+\)/);
  assert.equal(await page.getByLabel('Platform token', { exact: true }).getAttribute('aria-invalid'), 'true');

  // Keyboard only: tab to Aiko's button and press Enter.
  await page.locator('button[data-user-id="1"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE_URL}/podcasts/`);
  assertNoProblems(page);
});

test('a student requests a podcast, answers all three questions where the audio stops, and sees 100 %', async () => {
  const page = await open();
  await signIn(page, 1);
  assert.equal(new URL(page.url()).pathname, '/podcasts/');
  await page.locator('#request-form').waitFor();
  await page.getByLabel('Language', { exact: true }).selectOption('en');
  // The second language can never be the first one.
  assert.equal(await page.locator('#secondary option[value="en"]').isDisabled(), true);
  await page.getByLabel('Second language (optional)').selectOption('es');
  await page.getByLabel('Text and audio').check();
  assert.equal(await page.getByLabel('Duration').inputValue(), ''); // the daily preferences' length
  await page.getByLabel('Duration').selectOption('3');
  const before = await page.locator('.podcast-item').evaluateAll((items) => items.map((i) => i.dataset.podcastId));
  await page.getByRole('button', { name: 'Make my podcast' }).click();

  // The list updates by itself: pending, then ready, without a reload.
  await until(page, (ids) => [...document.querySelectorAll('.podcast-item')].some((i) => !ids.includes(i.dataset.podcastId)),
    before, { what: 'the new podcast in the list', timeout: 10_000 });
  const id = await page.locator('.podcast-item').evaluateAll((items, ids) => Number(items
    .map((i) => i.dataset.podcastId).find((pid) => !ids.includes(pid))), before);
  shared.studentPodcast = id;
  const item = page.locator(`.podcast-item[data-podcast-id="${id}"]`);
  await page.locator(`.podcast-item[data-podcast-id="${id}"][data-status="completed"]`).waitFor({ timeout: 120_000 });
  assert.match(await item.textContent(), /Ready/);
  assert.match(await item.textContent(), /0 of 3 answered/);
  assert.match(await item.textContent(), /3 min/);
  await screenshot(page, 'podcasts');

  await item.locator('a').click();
  await page.waitForURL(`${BASE_URL}/podcasts/${id}/`);
  await until(page, () => document.querySelectorAll('audio[data-loaded="true"]').length === 2, null,
    { what: 'both audio players loaded' });
  assert.equal(await page.locator('details.script').count(), 2); // a script per language
  assert.equal(await page.locator('form.question').count(), 3);
  const podcast = await page.evaluate(async (pid) => {
    const response = await fetch(`/api/podcasts/${pid}/`, {
      headers: { Authorization: `Bearer ${sessionStorage.getItem('dailycast.token')}` },
    });
    return response.json();
  }, id);

  // Play from just before a question's moment: the player stops there and shows its form.
  const playUpTo = async (question) => {
    const pauseAt = question.times.en.pause_at;
    await page.evaluate((at) => {
      const audio = document.querySelector('audio[data-language="en"]');
      audio.currentTime = Math.max(0, at - 0.8);
      return audio.play();
    }, pauseAt);
    await until(page, (qid) => document.querySelector(`#question-${qid}.current`)
      && document.activeElement && document.activeElement.id === `answer-${qid}`
      && document.querySelector('audio[data-language="en"]').paused, question.id,
    { what: `the player stopping at ${question.id}`, timeout: 20_000 });
    const stoppedAt = await page.evaluate(() => document.querySelector('audio[data-language="en"]').currentTime);
    assert.ok(stoppedAt >= pauseAt && stoppedAt < pauseAt + 1.5, `stopped at ${stoppedAt}, question at ${pauseAt}`);
  };
  const answer = async (question, text) => {
    await page.keyboard.type(text); // the cursor is already in the stopped question's answer
    await page.locator(`#question-${question.id} button[type="submit"]`).click();
    await page.locator(`#answer-${question.id}-state`).filter({ hasText: 'Saved.' }).waitFor();
  };

  const [q1, q2, q3] = podcast.questions;
  await playUpTo(q1);
  assert.match(await page.locator('#question-status').textContent(), /stopped at question 1 of 3/);
  await answer(q1, 'I would start with models, views and templates.');
  // Saving the stopped question's answer lets the audio go on.
  await until(page, () => !document.querySelector('audio[data-language="en"]').paused, null,
    { what: 'the audio going on after the answer', timeout: 10_000 });
  await playUpTo(q2);
  await screenshot(page, 'podcast');
  await answer(q2, 'Draw the schema of a small library database.');
  await playUpTo(q3);
  await answer(q3, 'Good table design makes my Python code simpler.');
  await page.evaluate(() => document.querySelector('audio[data-language="en"]').pause());

  // The rolling transcript: a tap on a sentence plays from there, and that sentence is highlighted.
  const cues = page.locator('.player:has(audio[data-language="en"]) .transcript button.cue');
  assert.ok(await cues.count() > 10, 'a transcript sentence per sentence of the script');
  const cue = cues.nth(4);
  const start = Number(await cue.getAttribute('data-start'));
  await cue.click();
  await until(page, (s) => {
    const audio = document.querySelector('audio[data-language="en"]');
    const current = document.querySelector('.player:has(audio[data-language="en"]) .cue[aria-current="true"]');
    return !audio.paused && audio.currentTime >= s && current && Number(current.dataset.start) === s;
  }, start, { what: 'the tapped sentence playing and highlighted', timeout: 10_000 });
  await page.evaluate(() => document.querySelector('audio[data-language="en"]').pause());
  assert.equal(await page.locator('.player:has(audio[data-language="es"]) .transcript[lang="es"]').count(), 1);

  assert.equal(await page.locator('#completion-text').textContent(), '3 of 3 answered: 100%');
  assert.equal(await page.locator('#completion-bar').getAttribute('value'), '100');

  // Each answer is graded through the events: its score, its key points covered or not, and feedback.
  for (const q of [q1, q2, q3]) {
    await page.locator(`#answer-${q.id}-state`).filter({ hasText: 'Saved and graded.' }).waitFor({ timeout: 30_000 });
  }
  const feedback = page.locator(`#feedback-${q1.id}`);
  assert.match(await feedback.locator('.feedback-score').textContent(), /^Score: \d+%$/);
  assert.ok(await feedback.locator('.key-points li').count() >= 1, 'the key points are listed');
  assert.ok((await feedback.locator('.feedback-text').textContent()).length > 10, 'there is feedback');
  assert.match(await page.locator('#score-text').textContent(), /^Score: \d+%$/);

  // Thumbs: up for the podcast, down for its first topic.
  await page.getByRole('button', { name: 'This podcast: thumb up' }).click();
  await page.locator('#rating-state').filter({ hasText: 'Thanks' }).waitFor();
  const topicRow = page.locator('.rating-row').nth(1);
  const topic = await topicRow.locator('span').first().textContent();
  await topicRow.locator('button[data-thumb="down"]').click();
  await until(page, (t) => document.querySelector(`[aria-label="${t}: thumb down"]`)?.getAttribute('aria-pressed') === 'true',
    topic, { what: 'the topic thumbed down' });

  // The answers, grades and thumbs were saved through the API: they are there after a reload.
  await page.reload();
  await page.locator('#completion-text').filter({ hasText: '100%' }).waitFor();
  assert.equal(await page.locator(`#answer-${q2.id}`).inputValue(), 'Draw the schema of a small library database.');
  await page.locator(`#feedback-${q2.id} .feedback-text`).waitFor();
  await page.locator('button[aria-label="This podcast: thumb up"][aria-pressed="true"]').waitFor();
  const rating = await page.evaluate(async (pid) => (await fetch(`/api/podcasts/${pid}/rating/`, {
    headers: { Authorization: `Bearer ${sessionStorage.getItem('dailycast.token')}` },
  })).json(), id);
  assert.equal(rating.podcast, 'up');
  assert.equal(rating.topics[topic], 'down');

  // The dashboard: this podcast at 100 %, and the chart over time.
  await page.getByRole('link', { name: 'Progress' }).click();
  await page.waitForURL(`${BASE_URL}/progress/`);
  const row = page.locator(`.progress-item[data-podcast-id="${id}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /3\/3 · 100%/);
  assert.ok(await page.locator('svg.bar-chart rect').count() >= 1, 'the chart has a bar');
  assert.match(await page.locator('#summary').textContent(), /Podcasts fully answered[1-9]/);
  await screenshot(page, 'progress');
  assertNoProblems(page);

  // Readable at phone width: nothing wider than the screen.
  const phone = await open(PHONE);
  await signIn(phone, 1);
  await phone.goto(`/podcasts/${id}/`);
  await phone.locator('#completion-text').filter({ hasText: '100%' }).waitFor();
  await until(phone, () => document.querySelectorAll('audio[data-loaded="true"]').length === 2, null,
    { what: 'both audio players loaded (phone)' });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than a phone`);
  await screenshot(phone, 'podcast-phone');
  assertNoProblems(phone);
});

test('a student finds their private feed, which a podcast app reads without a sign-in, and makes a new one', async () => {
  const page = await open();
  await signIn(page, 3);
  await page.goto('/podcasts/');
  await until(page, () => document.getElementById('feed-url').value.includes('/api/feeds/3/'), null,
    { what: 'the feed address shown' });
  const old = await page.locator('#feed-url').inputValue();
  await page.locator('#feed-copy').click();
  await page.locator('#feed-status').filter({ hasText: /Copied|Selected/ }).waitFor();
  page.once('dialog', (dialog) => dialog.accept());
  await page.locator('#feed-rotate').click();
  await page.locator('#feed-status').filter({ hasText: 'no longer works' }).waitFor();
  const fresh = await page.locator('#feed-url').inputValue();
  assert.notEqual(fresh, old);
  const statuses = await page.evaluate(async (urls) => Promise.all(urls.map(async (u) => {
    const response = await fetch(u, { credentials: 'omit' }); // as a podcast app: no token
    return [response.status, (await response.text()).includes('<rss')];
  })), [old, fresh]);
  assert.deepEqual(statuses, [[404, false], [200, true]]);
  assertNoProblems(page);
});

test('a student chooses their daily podcast, and the list shows today\'s podcast first', async () => {
  const page = await open();
  await signIn(page, 2); // Lucas, fr-FR: the defaults are French, 07:00 in Europe/Paris
  await until(page, () => document.querySelector('#pref-zone').value !== '', null, { what: 'the preferences loaded' });
  assert.equal(await page.getByLabel('Time zone').inputValue(), 'Europe/Paris');
  assert.equal(await page.getByLabel('Ready at').inputValue(), '07:00');
  assert.equal(await page.getByLabel('Daily podcast language').inputValue(), 'fr');
  assert.equal(await page.getByLabel('A podcast every day').isChecked(), true);

  await page.getByLabel('Second daily language (optional)').selectOption('en');
  await page.getByLabel('Daily format').selectOption('audio');
  await page.getByLabel('Length').selectOption('10');
  await page.getByLabel('Ready at').fill('06:30');
  await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#preferences-status').filter({ hasText: 'every day at 06:30 (Asia/Tokyo)' }).waitFor();

  await page.reload(); // saved by the API, not by the page
  await until(page, () => document.querySelector('#pref-zone').value === 'Asia/Tokyo', null, { what: 'the saved zone' });
  assert.equal(await page.getByLabel('Length').inputValue(), '10');
  assert.equal(await page.getByLabel('Second daily language (optional)').inputValue(), 'en');
  assert.equal(await page.getByLabel('Daily format').inputValue(), 'audio');
  const saved = await page.evaluate(async () => (await fetch('/api/learners/me/preferences', {
    headers: { Authorization: `Bearer ${sessionStorage.getItem('dailycast.token')}` },
  })).json());
  assert.deepEqual(saved, { user_id: 2, daily: true, languages: ['fr', 'en'], output_format: 'audio', minutes: 10,
    delivery_time: '06:30', time_zone: 'Asia/Tokyo' });

  // A podcast of today (in the learner's zone) comes first, marked, whatever else the list holds.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await page.getByRole('button', { name: 'Make my podcast' }).click();
  await page.locator('#list-status').filter({ hasText: 'Your podcast is requested' }).waitFor(); // listed again
  const items = await page.locator('.podcast-item').evaluateAll((nodes) => nodes.map((n) => n.dataset.today));
  assert.deepEqual(items, [...items].sort().reverse(), 'today\'s podcasts before the others');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const listed = await page.evaluate(async () => (await fetch('/api/podcasts/', {
    headers: { Authorization: `Bearer ${sessionStorage.getItem('dailycast.token')}` },
  })).json());
  const todays = listed.results.filter((p) => p.for_date === today).length;
  assert.equal(items.filter((t) => t === 'true').length, todays);
  if (todays) assert.match(await page.locator('.podcast-item').first().textContent(), /^Today, /);

  // Off: saved, and said so.
  await page.getByLabel('A podcast every day').uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#preferences-status').filter({ hasText: 'no daily podcast' }).waitFor();
  assertNoProblems(page);
});

test('staff generate a bilingual podcast on /admin/dailycast/ and load both audio files', async () => {
  const page = await open();
  await signIn(page, 'staff');
  assert.equal(new URL(page.url()).pathname, '/admin/dailycast/');
  await page.locator('#admin').waitFor();

  await page.getByLabel('Learner').selectOption('2');
  await page.getByLabel('Primary language').selectOption('fr');
  assert.equal(await page.locator('#secondary option[value="fr"]').isDisabled(), true);
  await page.getByLabel('Second language (optional)').selectOption('en');
  // The format radios work from the keyboard: from "Text and audio", arrow keys move the choice.
  await page.getByLabel('Text and audio').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByLabel('Audio only').isChecked(), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getByLabel('Text and audio').isChecked(), true);

  // The API enforces it too, and its refusal is shown in words next to the field: send the
  // same language twice once (the form itself does not allow it).
  let tamper = true;
  await page.route((url) => url.pathname === '/api/podcasts/', async (route) => {
    if (!tamper || route.request().method() !== 'POST') return route.continue();
    tamper = false;
    const body = JSON.parse(route.request().postData());
    return route.continue({ postData: JSON.stringify({ ...body, secondary_language: body.primary_language }) });
  });
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.locator('#generate-error').filter({ hasText: 'Second language' }).waitFor();
  assert.match(await page.locator('#secondary-error').textContent(), /^Second language: must differ from primary_language$/);
  assert.equal(await page.getByLabel('Second language (optional)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#detail').isHidden(), true);
  assert.equal(tamper, false);

  await page.getByLabel('Duration').selectOption('6');
  await page.getByRole('button', { name: 'Generate' }).click();
  const detail = page.locator('#detail');
  await detail.waitFor();
  await page.locator('#detail[data-status="completed"]').waitFor({ timeout: 120_000 });
  shared.staffPodcast = Number(await detail.getAttribute('data-podcast-id'));
  assert.match(await page.locator('#detail-heading').textContent(), /for Lucas Martin/);
  assert.match(await page.locator('#detail-meta').textContent(), /Length6 minutes/);

  // Both audio files load, and both play (time goes on).
  await until(page, () => [...document.querySelectorAll('#detail-players audio')]
    .filter((a) => a.dataset.loaded === 'true' && a.duration > 60).length === 2, null,
  { what: 'both audio files loaded', timeout: 60_000 });
  const languages = await page.locator('#detail-players audio').evaluateAll((as) => as.map((a) => a.dataset.language));
  assert.deepEqual(languages.sort(), ['en', 'fr']);
  for (const lang of ['fr', 'en']) {
    const played = await page.evaluate(async (l) => {
      const audio = document.querySelector(`#detail-players audio[data-language="${l}"]`);
      audio.currentTime = 10;
      await audio.play();
      await new Promise((resolve) => setTimeout(resolve, 700));
      audio.pause();
      return audio.currentTime - 10;
    }, lang);
    assert.ok(played > 0.2, `${lang} audio played ${played} s`);
  }

  assert.equal(await page.locator('#detail-questions li').count(), 3);
  assert.match(await page.locator('#detail-questions').textContent(), /Not answered yet/);
  await page.locator('#detail-accuracy .score').waitFor();
  assert.match(await page.locator('#detail-accuracy').textContent(), /Score \d+%.*No issues\./s);
  // What it cost: the template writer and local speech bill nothing.
  await page.locator('#detail-cost li[data-attempt="1"]').waitFor();
  assert.match(await page.locator('#detail-cost').textContent(),
    /^Attempt 1: \$0\.0000 estimated\. Script: template, \$0\.0000\. Speech: espeak, 0 characters billed, \$0\.0000\.$/);
  // Each day's costs: this podcast and the student's are among the attempts counted.
  await until(page, () => [...document.querySelectorAll('#costs-table tbody tr')]
    .reduce((sum, row) => sum + Number(row.cells[2].textContent), 0) >= 2, null, { what: 'both attempts counted' });
  assert.equal(await page.locator('#costs-table tfoot td').last().textContent(), '$0.0000');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'admin');

  // The student's answers, as staff see them.
  await page.getByLabel('Learner').selectOption('1');
  const mine = page.locator(`#recent li[data-podcast-id="${shared.studentPodcast}"] button`);
  await mine.click();
  await page.locator(`#detail[data-podcast-id="${shared.studentPodcast}"]`).waitFor();
  await page.locator('#detail-questions .answer:not(.unanswered)').nth(2).waitFor();
  assert.match(await page.locator('#detail-questions').textContent(), /Answer: Draw the schema of a small library database\./);
  assertNoProblems(page);
});

test('staff regenerate a podcast from /admin/dailycast/: its next attempt replaces it', async () => {
  assert.ok(shared.staffPodcast, 'the staff scenario made a podcast');
  const page = await open();
  await signIn(page, 'staff');
  await page.locator('#admin').waitFor();
  await page.getByLabel('Learner').selectOption('2');
  await page.locator(`#recent li[data-podcast-id="${shared.staffPodcast}"] button`).click();
  await page.locator(`#detail[data-podcast-id="${shared.staffPodcast}"][data-status="completed"]`).waitFor();
  assert.match(await page.locator('#detail-meta').textContent(), /Attempt1/);

  await page.getByLabel("Use today's courses and level").check();
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await page.locator('#detail-meta').filter({ hasText: 'Attempt2' }).waitFor();
  await page.locator('#detail[data-status="completed"]').waitFor({ timeout: 120_000 });
  assert.equal(await page.locator(`#recent li[data-podcast-id="${shared.staffPodcast}"]`).count(), 1);
  assert.equal(await page.locator('#regenerate-error').textContent(), '');
  await page.locator('#detail-cost li[data-attempt="2"]').waitFor();
  assert.equal(await page.locator('#detail-cost li').count(), 2); // what the first attempt cost stays
  await until(page, () => [...document.querySelectorAll('#detail-players audio')]
    .filter((a) => a.dataset.loaded === 'true' && a.duration > 60).length === 2, null,
  { what: "the new attempt's audio loaded", timeout: 60_000 });
  assertNoProblems(page);
});

test("a learner cannot open another learner's podcast, its audio, or the admin page", async () => {
  assert.ok(shared.studentPodcast, 'the student scenario made a podcast');
  const page = await open();
  await signIn(page, 2); // Lucas; the podcast is Aiko's
  await page.goto(`/podcasts/${shared.studentPodcast}/`);
  await page.locator('#page-error').filter({ hasText: 'Not found' }).waitFor();
  assert.equal(await page.locator('#title').textContent(), 'Podcast not found');
  assert.equal(await page.locator('#podcast').isHidden(), true);
  assert.equal(await page.locator('audio').count(), 0);
  assert.equal(await page.locator('form.question').count(), 0);

  const statuses = await page.evaluate(async (pid) => {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem('dailycast.token')}` };
    const get = async (path) => (await fetch(path, { headers })).status;
    return [await get(`/api/podcasts/${pid}/`), await get(`/api/podcasts/${pid}/audio/en`),
      await get(`/api/podcasts/${pid}/answers/`), await get(`/api/podcasts/${pid}/costs/`), await get('/api/costs/')];
  }, shared.studentPodcast);
  assert.deepEqual(statuses, [404, 404, 404, 403, 403]); // costs are for staff, whoever's the podcast

  await page.goto('/podcasts/');
  await until(page, () => !document.getElementById('list-empty').hidden || document.querySelector('.podcast-item'),
    null, { what: 'the list of podcasts' });
  assert.equal(await page.locator(`.podcast-item[data-podcast-id="${shared.studentPodcast}"]`).count(), 0);

  await page.goto('/admin/dailycast/');
  await page.locator('#page-error').filter({ hasText: 'This page is for staff' }).waitFor();
  assert.equal(await page.locator('#admin').isHidden(), true);
  assertNoProblems(page);
});

test("Aiko's locale (ja-JP) picks Japanese; the header's switch changes the language and is remembered", async () => {
  assert.ok(shared.studentPodcast, 'the student scenario made a podcast');
  const page = await open(DESKTOP, { language: null }); // nothing chosen yet; the browser says en-US
  await signIn(page, 1);
  await page.locator('.podcast-item').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.equal(await page.locator('#page-title').textContent(), 'マイポッドキャスト');
  assert.equal(await page.getByRole('button', { name: 'ポッドキャストを作る' }).count(), 1);
  assert.equal(await page.locator('#primary').inputValue(), 'ja'); // she asks in her language
  assert.equal(await page.locator('#primary option[value="fr"]').textContent(), 'フランス語'); // Intl's names
  assert.equal(await page.title(), 'マイポッドキャスト · Dailycast');
  await screenshot(page, 'podcasts-ja');

  await page.goto(`/podcasts/${shared.studentPodcast}/`);
  await page.locator('#completion-text').filter({ hasText: '100%' }).waitFor();
  // Dates from Intl: "2026年12月2日(水) のポッドキャスト"
  assert.match(await page.locator('#title').textContent(), /^\d{4}年\d{1,2}月\d{1,2}日\(.\) のポッドキャスト$/);
  assert.equal(await page.locator('#completion-text').textContent(), '3 問中 3 問回答：100%');
  assert.equal(await page.locator('#questions-heading').textContent(), 'あなたへの 3 つの質問');
  await until(page, () => document.querySelectorAll('audio[data-loaded="true"]').length === 2, null,
    { what: 'both audio players loaded' });
  await screenshot(page, 'podcast-ja');

  // The switch: English, and it stays English on the next page and after a reload.
  await page.getByLabel('表示言語').selectOption('en');
  await page.locator('html[lang="en"]').waitFor();
  await page.locator('#questions-heading').filter({ hasText: 'Your three questions' }).waitFor();
  await page.goto('/progress/');
  await page.locator('#dashboard').waitFor();
  assert.equal(await page.locator('h1').textContent(), 'My progress');
  await page.reload();
  await page.locator('#dashboard').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByLabel('Display language').selectOption('ja');
  await page.locator('h1').filter({ hasText: '学習の進み具合' }).waitFor();
  await screenshot(page, 'progress-ja');

  const phone = await open(PHONE, { language: 'ja' });
  await signIn(phone, 1);
  await phone.goto(`/podcasts/${shared.studentPodcast}/`);
  await phone.locator('#completion-text').filter({ hasText: '100%' }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the Japanese page is ${overflow} px wider than a phone`);
  await screenshot(phone, 'podcast-ja-phone');
  assertNoProblems(page);
  assertNoProblems(phone);
});

test('with the keyboard alone, a student asks for an audio-only podcast, reads its transcript and answers its questions', async () => {
  const page = await open();
  await signIn(page, 1);
  await page.locator('#request-form').waitFor();
  await tabTo(page, '#format-both');
  await page.keyboard.press('ArrowRight'); // Audio only
  assert.equal(await page.locator('#format-audio').isChecked(), true);
  await tabTo(page, '#minutes');
  await page.keyboard.press('ArrowDown'); // 3 minutes
  assert.equal(await page.locator('#minutes').inputValue(), '3');
  const before = await page.locator('.podcast-item').count();
  await tabTo(page, '#request-button');
  await page.keyboard.press('Enter');
  await until(page, (n) => document.querySelectorAll('.podcast-item').length > n, before, { what: 'the new podcast listed' });
  await page.locator('.podcast-item').first().and(page.locator('[data-status="completed"]')).waitFor({ timeout: 120_000 });
  const id = Number(await page.locator('.podcast-item').first().getAttribute('data-podcast-id'));
  await tabTo(page, `.podcast-item[data-podcast-id="${id}"] a`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE_URL}/podcasts/${id}/`);
  shared.audioOnlyPodcast = id;

  // The script stays hidden until asked for.
  await page.locator('.script-transcript').waitFor({ state: 'attached' });
  assert.equal(await page.locator('.script-transcript details').count(), 0);
  await tabTo(page, 'button[aria-expanded]');
  await page.keyboard.press('Enter');
  await page.locator('.script-transcript details[data-language="en"]').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Hide transcript' }).getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator('.script-transcript').textContent(), /Transcript in English/);

  for (const [i, text] of ['Cells divide.', 'By mitosis.', 'DNA copies itself first.'].entries()) {
    const qid = `q${i + 1}`;
    await tabTo(page, `#answer-${qid}`);
    await page.keyboard.type(text);
    await page.keyboard.press('Tab'); // to its Save button
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Save answer');
    await page.keyboard.press('Enter');
    await page.locator(`#answer-${qid}-state`).filter({ hasText: 'Saved.' }).waitFor();
  }
  assert.equal(await page.locator('#completion-text').textContent(), '3 of 3 answered: 100%');
  assertNoProblems(page);
});

test('with the keyboard alone, staff generate a podcast', async () => {
  const page = await open();
  await signIn(page, 'staff');
  await page.locator('#admin').waitFor();
  await tabTo(page, '#learner');
  await page.keyboard.press('ArrowDown'); // the second learner
  await tabTo(page, '#format-both');
  await page.keyboard.press('ArrowLeft'); // Text only (the radios wrap around)
  assert.equal(await page.locator('#format-text').isChecked(), true);
  await tabTo(page, '#generate-button');
  await page.keyboard.press('Enter');
  await page.locator('#detail[data-status="completed"]').waitFor({ timeout: 120_000 });
  // The new podcast's heading has the focus, so a screen reader says where the result is.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-heading');
  assertNoProblems(page);
});

test('every page passes axe-core\'s WCAG 2.2 A and AA rules, in English and Japanese, on desktop and phone', async () => {
  assert.ok(shared.studentPodcast && shared.audioOnlyPodcast, 'the earlier scenarios made podcasts');
  const learnerPages = [
    ['/signin/', '#dev-signin:not([hidden])'],
    ['/podcasts/', '.podcast-item'],
    [`/podcasts/${shared.studentPodcast}/`, 'audio[data-loaded="true"]'],
    [`/podcasts/${shared.audioOnlyPodcast}/`, '.script-transcript button'],
    ['/progress/', '#dashboard:not([hidden])'],
  ];
  const found = [];
  for (const language of ['en', 'ja']) {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(viewport, { language });
      await signIn(page, 1);
      for (const [path, ready] of learnerPages) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        await page.locator(`html[lang="${language}"]`).waitFor();
        found.push(...(await accessibilityViolations(page)).map((v) => `${language} ${viewport.width}px ${path}: ${v}`));
      }
      const staff = await open(viewport, { language });
      await signIn(staff, 'staff');
      await staff.locator('#admin:not([hidden])').waitFor();
      await staff.getByLabel(language === 'ja' ? '学習者' : 'Learner').selectOption('1');
      await staff.locator(`#recent li[data-podcast-id="${shared.studentPodcast}"] button`).click();
      await staff.locator('#detail-accuracy .score').waitFor();
      found.push(...(await accessibilityViolations(staff)).map((v) => `${language} ${viewport.width}px admin: ${v}`));
      if (language === 'ja' && viewport === PHONE) await screenshot(staff, 'admin-ja-phone');
      assertNoProblems(page);
      assertNoProblems(staff);
      await page.context().close(); // twenty pages open at once would slow the rest down
      await staff.context().close();
    }
  }
  assert.deepEqual(found, []);
});

test('a podcast saved for offline listening plays and takes answers with the network off; they are sent once, never over a newer one', async () => {
  assert.ok(shared.studentPodcast, 'the student scenario made a podcast');
  const id = shared.studentPodcast;
  const page = await open();
  await signIn(page, 1);
  await page.goto(`/podcasts/${id}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)); // installed, shell cached
  await page.getByRole('button', { name: 'Save for offline listening' }).click();
  await page.locator('#offline-status').filter({ hasText: 'Saved on this device' }).waitFor();
  const token = await page.evaluate(() => sessionStorage.getItem('dailycast.token'));
  const answersUrl = `${BASE_URL}/api/podcasts/${id}/answers/`;
  const saved = [];
  page.on('response', (response) => {
    if (response.request().method() === 'PUT' && response.url() === answersUrl && response.ok()) {
      saved.push(response.request().postDataJSON());
    }
  });

  await page.context().setOffline(true);
  await page.reload();
  // Really offline, the worker too: what was not saved does not load.
  assert.equal(await page.evaluate(() => fetch('/api/podcasts/?page_size=1').then(() => 'answered', () => 'offline')), 'offline');
  await until(page, () => document.querySelectorAll('audio[data-loaded="true"]').length === 2, null,
    { what: 'both saved audio tracks loaded offline' });
  const played = await page.evaluate(async () => {
    const audio = document.querySelector('audio[data-language="en"]');
    audio.currentTime = 5;
    await audio.play();
    await new Promise((resolve) => setTimeout(resolve, 700));
    audio.pause();
    return audio.currentTime - 5;
  });
  assert.ok(played > 0.2, `played ${played} s offline`);
  for (const [qid, text] of [['q1', 'Written on the bus.'], ['q2', 'An older thought, on the bus.']]) {
    await page.locator(`#answer-${qid}`).fill(text);
    await page.locator(`#question-${qid} button[type="submit"]`).click();
    await page.locator(`#answer-${qid}-state`).filter({ hasText: 'Kept on this device' }).waitFor();
  }
  // Meanwhile the laptop, online, saves a newer answer to q2.
  const put = await fetch(answersUrl, {
    method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: { q2: 'From the laptop, later.' } }),
  });
  assert.equal(put.status, 200);

  await page.context().setOffline(false);
  await page.locator('#answer-q1-state').filter({ hasText: 'Saved.' }).waitFor();
  await page.locator('#answer-q2-state').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await page.locator('#answer-q2').inputValue(), 'From the laptop, later.'); // the newer one stays
  await page.reload();
  await page.locator('#answer-q1-state').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await page.locator('#answer-q1').inputValue(), 'Written on the bus.');
  const stored = await (await fetch(answersUrl, { headers: { Authorization: `Bearer ${token}` } })).json();
  assert.equal(stored.answers.q1, 'Written on the bus.');
  assert.equal(stored.answers.q2, 'From the laptop, later.');
  assert.deepEqual(saved.map((body) => Object.keys(body.answers)).sort(), [['q1'], ['q2']]); // each sent once
  assert.equal(await page.evaluate(() => localStorage.getItem('dailycast.answer-queue')), '{}');

  // Signing out takes the learner's saved podcasts off the device.
  assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dailycast-private-'))),
    ['dailycast-private-1']);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin\//);
  assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dailycast-private-'))), []);
  assertNoProblems(page);
});
