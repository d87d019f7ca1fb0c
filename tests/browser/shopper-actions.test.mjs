// What a shopper does after reading, against the real vouch-server (SQLite in a
// temp folder, loopback): the form keeps its errors after a failed submit and
// keeps keyboard focus (the 375 px phone: demo-store.test.mjs); a vote shows the server's count; a
// report asks for a reason and confirms; a published review shows at once (a
// store that publishes without checking), a held one says it is not shown yet.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from '../node/support/core.mjs';
import { distDir, launchBrowser, runAxe } from './support/browser.mjs';
import { findServerBinary, SERVER_CANDIDATES, startVouchServer } from '../../scripts/lib/server-process.mjs';

const serverBinary = findServerBinary();
const PRODUCT = 'server-product';
let browser;
const servers = {};

/** A server whose store publishes at once ("none") or holds every review ("all"). */
async function startServer(moderation) {
  const dir = mkdtempSync(join(tmpdir(), `vouch-shopper-${moderation}-`));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ store_name: 'Shopper test store', hmac_secret: 'shopper-test-secret-0123456789abcdef', moderation }));
  return startVouchServer({
    binary: serverBinary,
    args: ['--db', join(dir, 'reviews.db'), '--config', join(dir, 'config.json'),
      '--mount', `/dist/=${distDir}`, '--mount', `/test-pages/=${join(root, 'tests/browser/pages')}`],
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function postReview(server, title, body) {
  const response = await fetch(`${server.url}/api/v1/products/${PRODUCT}/reviews`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rating: 4, title, body, author: 'Seed Shopper', email: 'seed@example.com', consent: true, language: 'en', elapsed_ms: 60000 }),
  });
  assert.equal(response.status, 201, await response.text());
}

before(async () => {
  assert.ok(serverBinary, `vouch-server not built (looked in ${SERVER_CANDIDATES.join(', ')})`);
  servers.none = await startServer('none');
  servers.all = await startServer('all');
  await postReview(servers.none, 'Seeded for votes', 'A review to vote on and to report: the linen is soft and the fit is true to size.');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) server.stop();
});

async function openPage(server) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`${server.url}/test-pages/server.html`);
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  return page;
}

/** The focused element inside the widget's shadow root, described. */
function focused(page) {
  return page.evaluate(() => {
    const active = document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement;
    if (!active) return `outside the widget: ${document.activeElement && document.activeElement.localName}`;
    return `${active.localName}${active.dataset.action ? `[data-action=${active.dataset.action}]` : ''}${active.name ? `[name=${active.name}]` : ''} ${active.textContent.trim()}`.trim();
  });
}

async function openForm(page) {
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
}

async function fillForm(page, title, body) {
  await page.click('.v-star-input label[for$="-rating-4"]');
  await page.fill('input[name="title"]', title);
  await page.fill('textarea[name="body"]', body);
  await page.fill('input[name="author"]', 'Ana Tester');
  await page.fill('input[name="email"]', 'ana@example.com');
  await page.check('input[name="consent"]');
}

test('after a failed submit, typing in one field and leaving it keeps the other fields\' errors', async () => {
  const page = await openPage(servers.all);
  await openForm(page);
  await page.click('form.v-form button[type="submit"]');
  await page.locator('[data-error-for="consent"]').filter({ hasText: /\S/ }).waitFor();
  const before = await page.locator('[data-error-for]').evaluateAll((slots) => slots.filter((s) => s.textContent).map((s) => s.dataset.errorFor));
  assert.ok(before.includes('rating') && before.includes('body') && before.includes('consent'), before.join(','));
  // Type too little in the body and Tab away: the body's message changes (the
  // debounced check ran), the untouched, still empty fields keep theirs.
  await page.fill('textarea[name="body"]', 'Too short');
  await page.press('textarea[name="body"]', 'Tab');
  await page.locator('[data-error-for="body"]').filter({ hasText: /10/ }).waitFor();
  const after = await page.locator('[data-error-for]').evaluateAll((slots) => slots.filter((s) => s.textContent).map((s) => s.dataset.errorFor));
  assert.deepEqual(after.sort(), before.sort());
  assert.equal(await page.getAttribute('input[name="consent"]', 'aria-invalid'), 'true');
  assert.equal(await page.locator('input[name="rating"][aria-invalid="true"]').count(), 5);
  await page.close();
});

test('a vote shows the server\'s count and keeps keyboard focus on the button', async () => {
  const page = await openPage(servers.none);
  const yes = page.locator('.v-card [data-action="vote"][data-value="up"]').first();
  assert.equal(await yes.textContent(), 'Yes (0)');
  await yes.focus();
  const answer = page.waitForResponse((r) => r.url().endsWith('/votes'));
  await page.keyboard.press('Enter');
  assert.equal((await (await answer).json()).helpful_up, 1);
  await page.locator('.v-card [data-action="vote"][data-value="up"]', { hasText: 'Yes (1)' }).waitFor();
  assert.equal(await yes.getAttribute('aria-pressed'), 'true');
  assert.equal(await focused(page), 'button[data-action=vote] Yes (1)');
  // A re-render (sort by another order and back) keeps what the server said.
  await page.selectOption('select[data-action="sort"]', 'oldest');
  await page.selectOption('select[data-action="sort"]', 'newest');
  const again = page.locator('.v-card [data-action="vote"][data-value="up"]').first();
  assert.equal(await again.textContent(), 'Yes (1)');
  assert.equal(await again.getAttribute('aria-pressed'), 'true');
  await page.close();
});

test('a report asks for a reason, sends that reason, confirms, and keeps focus', async () => {
  const page = await openPage(servers.none);
  const sent = [];
  page.on('request', (r) => r.url().endsWith('/reports') && sent.push(r.postDataJSON()));
  await page.locator('.v-card [data-action="report"]').first().click();
  const picker = page.locator('form[data-report-form]');
  await picker.waitFor();
  assert.match(await focused(page), /^select\[name=reason\]/);
  const reasons = await picker.locator('option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(reasons, ['', 'spam', 'off_topic', 'offensive', 'personal_data', 'fake', 'other']);
  // No reason chosen: nothing is sent, the picker says why.
  await picker.locator('button[type="submit"]').click();
  await picker.locator('[data-report-error]', { hasText: /Choose a reason/ }).waitFor();
  assert.deepEqual(sent, []);
  await picker.locator('select').selectOption('fake');
  const answer = page.waitForResponse((r) => r.url().endsWith('/reports'));
  await picker.locator('button[type="submit"]').click();
  assert.equal((await answer).status(), 201);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].reason, 'fake');
  await page.locator('.v-report-done', { hasText: 'We will check this review' }).waitFor();
  assert.match(await focused(page), /^p We will check|^p Thank you/);
  await page.close();
});

test('the report picker speaks the page\'s language (German)', async () => {
  const page = await browser.newPage();
  await page.goto(`${servers.none.url}/test-pages/server-de.html`);
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  await page.locator('.v-card [data-action="report"]').first().click();
  const picker = page.locator('form[data-report-form]');
  await picker.waitFor();
  assert.match(await picker.textContent(), /Warum melden Sie diese Bewertung\?.*Gefälscht oder irreführend.*Meldung senden/s);
  await page.close();
});

test('a published review shows at once, first in the list; focus goes to the answer', async () => {
  const page = await openPage(servers.none);
  await openForm(page);
  const title = `Published at once ${Date.now()}`;
  await fillForm(page, title, 'The wrap closes well, the linen softened after one wash, and the length is right.');
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/v1/products/${PRODUCT}/reviews`) && r.request().method() === 'POST');
  await page.locator('form.v-form button[type="submit"]').click();
  assert.equal((await (await response).json()).status, 'published');
  const status = page.locator('[data-form-status]');
  await status.filter({ hasText: /published/ }).waitFor();
  assert.doesNotMatch(await status.textContent(), /after it is checked/);
  assert.match(await focused(page), /^p Thank you! Your review is published\./);
  // Without a reload: the widget fetched the snapshot past the caches.
  const own = page.locator('.v-card.v-own', { hasText: title });
  await own.waitFor();
  assert.equal(await page.locator('.v-card').first().textContent().then((text) => text.includes(title)), true);
  await page.close();
});

test('a review held for checking says clearly that it is not shown yet', async () => {
  const page = await openPage(servers.all);
  await openForm(page);
  await fillForm(page, 'Held for checking', 'The cardigan is warm, the buttons are sewn on well, and the sleeves are long enough.');
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/v1/products/${PRODUCT}/reviews`) && r.request().method() === 'POST');
  await page.locator('form.v-form button[type="submit"]').click();
  assert.equal((await (await response).json()).status, 'pending');
  const status = page.locator('[data-form-status]');
  await status.filter({ hasText: /not shown yet/ }).waitFor();
  assert.match(await focused(page), /^p Thank you!/);
  assert.equal(await page.locator('.v-card', { hasText: 'Held for checking' }).count(), 0);
  await page.close();
});

/** axe's findings about the widget (server.html is a bare test page: no landmarks, no h1). */
async function widgetViolations(page) {
  const pageRules = ['landmark-one-main', 'page-has-heading-one', 'region'];
  return (await runAxe(page)).filter((finding) => !pageRules.some((rule) => finding.startsWith(`${rule}:`)));
}

test('axe: a pressed vote, an open report picker and its answer have no violations', async () => {
  const page = await openPage(servers.none);
  const card = page.locator('.v-card').last();
  const answer = page.waitForResponse((r) => r.url().endsWith('/votes'));
  await card.locator('[data-action="vote"][data-value="down"]').click();
  await answer;
  await card.locator('[data-action="vote"][aria-pressed="true"]').waitFor();
  await card.locator('[data-action="report"]').click();
  await page.locator('form[data-report-form]').waitFor();
  assert.deepEqual(await widgetViolations(page), []);
  await page.locator('form[data-report-form] select').selectOption('spam');
  await page.locator('form[data-report-form] button[type="submit"]').click();
  await page.locator('.v-report-done').waitFor();
  assert.deepEqual(await widgetViolations(page), []);
  await page.close();
});
