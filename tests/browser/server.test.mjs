// The widget against the real vouch-server (SQLite in a temp folder, loopback,
// free port): the form's submission with the server's 422 errors shown inline,
// a successful submission, one batched summaries request for many badges, and
// zero layout shift on the demo page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from '../node/support/core.mjs';
import { distDir, launchBrowser } from './support/browser.mjs';
import { findServerBinary, SERVER_CANDIDATES, startVouchServer } from '../../scripts/lib/server-process.mjs';

const serverBinary = findServerBinary();

let browser;
let server;
let baseUrl;
let configPath;

before(async () => {
  assert.ok(serverBinary, `vouch-server not built (looked in ${SERVER_CANDIDATES.join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), 'vouch-widget-server-'));
  // The server's policy is stricter than the widget's default one on purpose:
  // a body of 20 characters passes the form's check and fails the server's (422).
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ store_name: 'Widget test store', hmac_secret: 'widget-test-secret-0123456789abcdef', policy: { body: { required: true, min: 40, max: 5000 } } }));
  server = await startVouchServer({
    binary: serverBinary,
    args: ['--db', join(dir, 'reviews.db'), '--config', join(dir, 'config.json'),
      '--mount', `/dist/=${distDir}`, '--mount', `/test-pages/=${join(root, 'tests/browser/pages')}`, '--mount', `/=${join(root, 'demo')}`],
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  baseUrl = server.url;
  configPath = join(dir, 'config.json');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** The server test page, rendered; vouch:submitted details land in window.__submitted. */
async function openFormPage(query = '') {
  const page = await browser.newPage();
  await page.addInitScript(() => document.addEventListener('vouch:submitted', (event) => { window.__submitted = event.detail; }));
  await page.goto(`${baseUrl}/test-pages/server.html${query}`);
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  return page;
}

async function fillForm(page, body) {
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
  // A shopper clicks the fourth star (the label; the radio itself is visually hidden).
  await page.click('.v-star-input label[for$="-rating-4"]');
  assert.equal(await page.isChecked('input[name="rating"][value="4"]'), true);
  await page.fill('input[name="title"]', 'Good dress');
  await page.fill('textarea[name="body"]', body);
  await page.fill('input[name="author"]', 'Ana Tester');
  await page.fill('input[name="email"]', 'ana@example.com');
  await page.check('input[name="consent"]');
}

test('the form shows the core\'s messages while typing, and the server\'s 422 inline', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/test-pages/server.html`);
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  await page.click('[data-action="write"]');
  // Typing: debounced validation by the core, only for the touched field.
  await page.fill('textarea[name="body"]', 'Too short');
  const bodyError = page.locator('[data-error-for="body"]');
  await bodyError.filter({ hasText: /\S/ }).waitFor();
  assert.match(await bodyError.textContent(), /10/);
  assert.equal(await page.locator('[data-error-for="email"]').textContent(), '');
  assert.equal(await page.getAttribute('textarea[name="body"]', 'aria-invalid'), 'true');
  assert.match(await page.locator('[data-count-for="body"]').textContent(), /^9 of 5000 characters/);
  await page.click('[data-action="cancel"]');

  // 20 characters: the form's policy (min 10) accepts, the server's (min 40) refuses.
  await fillForm(page, 'Nice linen, fits ok.');
  // The debounced check runs again for the corrected body and clears its message.
  await page.waitForFunction(() => document.querySelector('[data-vouch-reviews]').shadowRoot.querySelector('[data-error-for="body"]').textContent === '');
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/products/server-product/reviews'));
  await page.click('form.v-form button[type="submit"]');
  assert.equal((await response).status(), 422);
  await bodyError.filter({ hasText: /40/ }).waitFor();
  assert.equal(await page.getAttribute('textarea[name="body"]', 'aria-invalid'), 'true');
  assert.match(await page.locator('[data-form-errors]').textContent(), /Please correct 1 field\./);
  // Focus moved to the field in error; its message is linked by aria-describedby.
  const described = await page.evaluate(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    const field = root.activeElement;
    return field.name + ' ' + field.getAttribute('aria-describedby').split(' ').map((id) => root.getElementById(id)?.textContent).join(' | ');
  });
  assert.match(described, /^body .*40/);
  await page.close();
});

test('a valid review is accepted: vouch:submitted fires and the thank-you is announced', async () => {
  const page = await openFormPage();
  await fillForm(page, 'The linen is soft, the wrap closes well and the colour is exactly as in the photos.');
  await page.click('form.v-form button[type="submit"]');
  await page.waitForFunction(() => window.__submitted);
  const detail = await page.evaluate(() => window.__submitted);
  assert.equal(detail.product, 'server-product');
  assert.match(detail.id, /^r/);
  assert.ok(['published', 'pending'].includes(detail.status));
  assert.match(await page.locator('[data-form-status]').textContent(), /Thank you/);
  assert.equal(await page.inputValue('textarea[name="body"]'), '');
  await page.close();
});

test('an aspect\'s stars are named by the validator\'s path: the submission carries them, the server\'s error on that path marks them', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/test-pages/server-aspects.html`);
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
  // The radios' names are the paths the validator reports ("aspects.fit"), with no other spelling.
  assert.equal(await page.locator('form.v-form input[type="radio"][name="aspects.fit"]').count(), 5);
  assert.equal(await page.locator('form.v-form input[type="radio"][name="aspects.warmth"]').count(), 5);
  assert.equal(await page.locator('form.v-form input[name^="aspect-"]').count(), 0);
  await page.click('.v-star-input label[for$="-rating-4"]');
  await page.click('.v-aspect-input label[for$="-aspects.fit-2"]');
  await page.click('.v-aspect-input label[for$="-aspects.warmth-5"]');
  await page.fill('input[name="title"]', 'Warm enough');
  await page.fill('textarea[name="body"]', 'Soft wool, warm on cold mornings, the sleeves are a little long for me.');
  await page.fill('input[name="author"]', 'Ana Tester');
  await page.fill('input[name="email"]', 'ana@example.com');
  await page.check('input[name="consent"]');
  const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/products/server-product/reviews'));
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/products/server-product/reviews'));
  await page.click('form.v-form button[type="submit"]');
  assert.deepEqual(JSON.parse((await request).postData()).aspects, { fit: 2, warmth: 5 });
  const answer = await response;
  assert.equal(answer.status(), 422);
  assert.ok((await answer.json()).errors.some((e) => e.field === 'aspects.warmth' && e.code === 'unknown_aspect'));
  // The error's field is the controls' name: its slot and its five radios, not fit's.
  await page.locator('[data-error-for="aspects.warmth"]').filter({ hasText: /\S/ }).waitFor();
  assert.equal(await page.locator('input[name="aspects.warmth"][aria-invalid="true"]').count(), 5);
  assert.equal(await page.locator('input[name="aspects.fit"][aria-invalid="true"]').count(), 0);
  assert.equal(await page.locator('[data-error-for="aspects.fit"]').textContent(), '');
  await page.close();
});

test('a shopper arriving by a signed review link (?review_token=) gets a verified-purchase review, once', async () => {
  const token = execFileSync(serverBinary, ['sign-link', '--config', configPath, '--product', 'server-product', '--order', 'A-1001'],
    { encoding: 'utf8' }).trim();
  const submitOnce = async () => {
    const page = await openFormPage(`?review_token=${encodeURIComponent(token)}`);
    await fillForm(page, 'Bought it in May: the linen softened after two washes and the wrap still closes well.');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/products/server-product/reviews'));
    await page.click('form.v-form button[type="submit"]');
    const answer = await (await response).json();
    await page.close();
    return answer;
  };
  assert.equal((await submitOnce()).verified, true);
  // The same order cannot verify a second review: accepted, but unverified, with no error leak.
  const second = await submitOnce();
  assert.equal(second.verified, false);
  assert.match(second.id, /^r/);
});

test('a lone surrogate (half an emoji from a broken paste) is not invalid_json: the review goes through with U+FFFD', async () => {
  const page = await openFormPage();
  await fillForm(page, 'replaced below');
  // Set as a paste would (typing cannot produce a lone surrogate).
  await page.locator('textarea[name="body"]').evaluate((el) => {
    el.value = 'Half an emoji \uD83D from a broken paste; otherwise the linen dress fits well.';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/products/server-product/reviews') && r.method() === 'POST');
  await page.click('form.v-form button[type="submit"]');
  assert.match((await request).postData(), /Half an emoji \uFFFD from a broken paste/);
  await page.waitForFunction(() => window.__submitted);
  assert.match((await page.evaluate(() => window.__submitted)).id, /^r/);
  assert.equal(await page.locator('[data-form-errors]').textContent(), '');
  await page.close();
});

test('many <vouch-stars> share one summaries request', async () => {
  const page = await browser.newPage();
  const summaryRequests = [];
  page.on('request', (request) => request.url().includes('/api/v1/summaries') && summaryRequests.push(request.url()));
  await page.addInitScript(() => {
    window.__badges = [];
    document.addEventListener('vouch:ready', (event) => event.target.localName === 'vouch-stars' && window.__badges.push(event.detail.product));
  });
  await page.goto(`${baseUrl}/test-pages/server.html`);
  await page.waitForFunction(() => window.__badges.length === 3, null, { timeout: 20000 });
  assert.deepEqual((await page.evaluate(() => window.__badges)).sort(), ['badge-a', 'badge-b', 'badge-c']);
  assert.equal(summaryRequests.length, 1);
  const ids = new URL(summaryRequests[0]).searchParams.get('products').split(',').sort();
  assert.deepEqual(ids, ['badge-a', 'badge-b', 'badge-c']);
  assert.match(await page.locator('vouch-stars[product="badge-a"]').evaluate((el) => el.shadowRoot.textContent), /0 reviews/);
  await page.close();
});

test('<vouch-stars> on a dark page: no box of its own, dark-theme text colours', async () => {
  const page = await browser.newPage({ colorScheme: 'dark' });
  await page.goto(`${baseUrl}/test-pages/server.html`);
  const badge = page.locator('vouch-stars[product="badge-a"] .vouch-badge');
  await badge.locator('.v-badge-stars').waitFor({ timeout: 20000 });
  const style = await badge.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color }));
  assert.equal(style.background, 'rgba(0, 0, 0, 0)');
  assert.equal(style.color, 'rgb(236, 236, 240)'); // --v-text of the dark theme
  await page.close();
});

test('the demo page: the widget loads with zero layout shift', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${baseUrl}/products/linen-wrap-dress.html`);
  // A shopper scrolls down with the wheel (scrolling is not input: shifts after it
  // still count). Jumping straight to the bottom before the core has loaded is the
  // one case that can still move the footer; see docs/embedding.md.
  for (let step = 0; step < 40; step += 1) {
    const atBottom = await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 1);
    if (atBottom) break;
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
  }
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__cls), 0);
  await page.close();
});

test('a store page on another origin: vouch.js, both .wasm files and the form module load cross-origin', async () => {
  // localhost and 127.0.0.1 are different origins for the browser: the page comes from one,
  // the widget (script, wasm, form module, API) from the other.
  const storeOrigin = baseUrl.replace('127.0.0.1', 'localhost');
  assert.notEqual(new URL(storeOrigin).origin, new URL(baseUrl).origin);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${storeOrigin}/test-pages/cross-origin.html`);
  const ready = await page.evaluate((reviewServer) => new Promise((resolve) => {
    const host = document.querySelector('[data-vouch-reviews]');
    host.addEventListener('vouch:ready', () => resolve('ready'), { once: true });
    host.addEventListener('vouch:error', (event) => resolve(`${event.detail.code}: ${event.detail.message}`), { once: true });
    const script = document.createElement('script');
    script.src = `${reviewServer}/dist/vouch.js`;
    script.dataset.product = 'server-product';
    script.dataset.api = reviewServer;
    document.body.append(script);
  }), baseUrl);
  assert.equal(ready, 'ready');
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
  assert.deepEqual(problems, []);
  await page.close();
});
