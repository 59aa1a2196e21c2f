// Shared by the browser tests: Debian's Chromium through playwright-core, signing in, screenshots.

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/$/, '');
if (!BASE_URL) throw new Error('set BASE_URL to a running Dailycast, e.g. BASE_URL=http://127.0.0.1:8000');

// Where screenshots go (tests/e2e/test_browser.py sets it; docs/screenshots/ by hand).
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR || path.join(here, '..', '..', 'docs', 'screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

// A fresh headless Chromium (a new temporary profile each launch); no network but BASE_URL.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

// A page in its own context (its own storage), failing the test on any page error. `language`:
// the pages' language as if chosen with the header's switch (null: none chosen, so the learner's
// locale or the browser's `locale` decides).
export async function newPage(browser, viewport = DESKTOP, { language = 'en', locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, baseURL: BASE_URL, locale });
  if (language) await context.addInitScript((code) => localStorage.setItem('dailycast.language', code), language);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Failed requests we provoke (401, 404) are logged by the browser; scripts must log no errors.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
  });
  return page;
}

// The development sign-in: click the demo learner (or staff) on /signin/.
export async function signIn(page, who) {
  await page.goto('/signin/');
  const button = who === 'staff'
    ? page.locator('button[data-staff="true"]')
    : page.locator(`button[data-user-id="${who}"]`);
  await button.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin/'));
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

// Wait for a condition in the page, with a readable failure.
export async function until(page, fn, arg, { timeout = 60_000, what = 'condition' } = {}) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 100 });
  } catch (err) {
    throw new Error(`${what} not met within ${timeout / 1000} s on ${page.url()}: ${err.message.split('\n')[0]}`);
  }
}

// axe-core's rules for WCAG 2.2 A and AA (and those of 2.0 and 2.1 it builds on).
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The page's WCAG 2.2 A/AA violations, as readable lines (none: []). axe is evaluated through the
// DevTools protocol, which the pages' Content-Security-Policy does not apply to.
export async function accessibilityViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
