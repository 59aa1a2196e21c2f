// The sign-in page's `next`: followed only to a path of this site, never off-site, however it is
// spelt. Browsers read "/\evil.example" as "//evil.example", and drop tabs and newlines in URLs.
//
//   BASE_URL=http://127.0.0.1:8000 node --test tests/browser/

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, newPage, signIn } from './lib.mjs';

const ORIGIN = new URL(BASE_URL).origin;
const HOSTILE = [
  '/%5Cevil.example', // "/\evil.example"
  '/%5C/evil.example', // "/\/evil.example"
  '/%5C%5Cevil.example',
  '//evil.example',
  '%2F%2Fevil.example',
  '/%09/evil.example', // a tab, which URL parsing removes: "//evil.example"
  '/%0A/evil.example',
  '/.//evil.example',
  'https://evil.example',
  'https:evil.example',
  'HTTPS://evil.example/podcasts/',
  `${ORIGIN}@evil.example/`,
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '%20/evil.example',
  'evil.example',
];

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// A page on which any other site answers "evil" (so a redirect there lands instead of failing).
async function guardedPage() {
  const page = await newPage(browser);
  page.offsite = [];
  await page.context().route((url) => url.origin !== ORIGIN, (route) => {
    page.offsite.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil</h1>' });
  });
  page.on('dialog', (dialog) => {
    page.offsite.push(`dialog: ${dialog.message()}`);
    return dialog.dismiss();
  });
  return page;
}

test('a hostile next after signing in lands on the app\'s own page', async () => {
  const page = await guardedPage();
  for (const next of HOSTILE) {
    await page.goto(`/signin/?next=${next}`);
    await page.locator('button[data-user-id="1"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin/'));
    await page.locator('#site-nav ul').waitFor(); // the page's module has run (after its catalogue loaded)
    const landed = new URL(page.url());
    assert.equal(landed.origin, ORIGIN, `next=${next} went to ${page.url()}`);
    assert.equal(landed.pathname, '/podcasts/', `next=${next}`);
    await page.evaluate(() => sessionStorage.clear()); // signed out for the next round
  }
  assert.deepEqual(page.offsite, []);
});

test('a signed-in visitor\'s Continue link never leaves the site', async () => {
  const page = await guardedPage();
  await signIn(page, 'staff');
  for (const next of HOSTILE) {
    await page.goto(`/signin/?next=${next}`);
    const link = page.locator('#continue-link');
    await link.waitFor();
    const href = await link.evaluate((a) => a.href); // as the browser resolves it
    assert.equal(new URL(href).origin, ORIGIN, `next=${next} links to ${href}`);
    assert.equal(new URL(href).pathname, '/admin/dailycast/', `next=${next}`);
  }
  assert.deepEqual(page.offsite, []);
});

test('a next on this site is followed, with its query and fragment', async () => {
  const page = await guardedPage();
  await page.goto(`/signin/?next=${encodeURIComponent('/podcasts/1')}`);
  await page.locator('button[data-user-id="1"]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/podcasts/1'));
  assert.equal(new URL(page.url()).origin, ORIGIN);

  await page.locator('#site-nav ul').waitFor(); // its module has run: clearing now signs it out for good
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`/signin/?next=${encodeURIComponent('/progress/?from=mail#chart')}`);
  await page.locator('button[data-user-id="2"]').click();
  await page.waitForURL((url) => url.pathname === '/progress/');
  const landed = new URL(page.url());
  assert.equal(`${landed.origin}${landed.search}${landed.hash}`, `${ORIGIN}?from=mail#chart`);
  assert.deepEqual(page.offsite, []);
});
