// The Questions section against a real vouch-server (SQLite in a temp folder,
// loopback; issue 17), end to end: a buyer who arrives with the signed answer
// link the console lists for their order answers in the widget, the owner
// approves, and the widget shows the answer with the "Verified buyer" badge;
// a forged, expired or foreign token gives the form's clear error and stores
// nothing; axe-core finds nothing with the section open (section and tab
// modes, desktop and 375 px); naughty strings asked and answered in the
// widget's forms and through the routes execute nothing and show as text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sharedDataOrSkip } from '../node/support/core.mjs';
import { distDir, launchBrowser, runAxe } from './support/browser.mjs';
import { findServerBinary, SERVER_CANDIDATES, startVouchServer } from '../../scripts/lib/server-process.mjs';

const serverBinary = findServerBinary();
const PRODUCT = 'qa-dress';
const SECRET = 'questions-e2e-secret-0123456789abcdef';
const ADMIN = 'questions-e2e-admin-token-0123456789abcdef';
const VERIFIED_REQUIRED = 'Only buyers with an answer link from the store can answer.';

let browser;
let server;
let dir;
let config;

before(async () => {
  assert.ok(serverBinary, `vouch-server not built (looked in ${SERVER_CANDIDATES.join(', ')})`);
  dir = mkdtempSync(join(tmpdir(), 'vouch-qa-e2e-'));
  config = join(dir, 'config.json');
  // Every request of this file comes from 127.0.0.1: the per-address limits
  // would stop the naughty-string loop long before its end.
  writeFileSync(config, JSON.stringify({
    store_name: 'Q&A test store', hmac_secret: SECRET, admin_token: ADMIN, moderation: 'all',
    limits: { submissions_per_ip: 100000, submissions_per_product: 100000 },
  }));
  for (const [name, extra] of [['qa.html', ''], ['qa-tab.html', 'data-qa="tab"']]) {
    writeFileSync(join(dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Questions on vouch-server</title></head>
<body><main><h1>Wrap dress</h1><h2>Customer reviews</h2><div data-vouch-reviews></div></main>
<script src="/dist/vouch.js" data-product="${PRODUCT}" data-api="/" data-hash-state="false" ${extra} async></script>
</body></html>`);
  }
  server = await startVouchServer({
    binary: serverBinary,
    args: ['--db', join(dir, 'qa.db'), '--config', config, '--mount', `/dist/=${distDir}`, '--mount', `/pages/=${dir}`],
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function api(method, path, body, { admin = false, expected } = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (admin) headers.Authorization = `Bearer ${ADMIN}`;
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (expected !== undefined) assert.equal(response.status, expected, `${method} ${path}: ${text}`);
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const asked = (text, author = 'Asker') => ({ text, author, consent: true, elapsed_ms: 30000 });

/** The signed review link of `order` (vouch-server sign-link), as an order's mail carries it. */
function reviewLink(order) {
  const run = spawnSync(serverBinary, ['sign-link', '--config', config, '--product', PRODUCT, '--order', order], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

/** A buyer of `order` reviews through their link (the order becomes a verified one); the review is approved. */
async function verifiedBuyer(order, author) {
  await publishedReview(PRODUCT, author, reviewLink(order));
}

async function publishedReview(product, author, token) {
  const { body } = await api('POST', `/api/v1/products/${product}/reviews`, {
    rating: 4, title: 'Good dress', body: 'Soft linen, and the wrap is easy to adjust at the waist.', author,
    email: 'buyer@example.com', consent: true, language: 'en', elapsed_ms: 60000, ...(token ? { token } : {}),
  }, { expected: 201 });
  await api('POST', `/api/v1/admin/reviews/${body.id}/approve`, {}, { admin: true, expected: 200 });
}

/** A question the store answered (so it is shown), with its id. */
async function answeredQuestion(text, answer = 'Yes, it does; see the size guide.') {
  const { body } = await api('POST', `/api/v1/products/${PRODUCT}/questions`, asked(text), { expected: 201 });
  await api('POST', `/api/v1/admin/questions/${body.id}/answers`, { text: answer }, { admin: true, expected: 201 });
  return body.id;
}

/** The answer link the console lists for `order` on question `id`. */
async function inviteToken(id, order) {
  const { body } = await api('GET', `/api/v1/admin/questions/${id}/invites`, undefined, { admin: true, expected: 200 });
  const invite = body.invites.find((i) => i.order_id === order);
  assert.ok(invite, `an invite for ${order}: ${JSON.stringify(body.invites)}`);
  return invite.token;
}

const answersOf = async (id) => (await api('GET', `/api/v1/admin/questions/${id}`, undefined, { admin: true, expected: 200 })).body.question.answers;

async function openSection(path, viewport = { width: 1000, height: 900 }, { scroll = true } = {}) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.goto(`${server.url}${path}`);
  // (a tab's panel is hidden until its tab is chosen: nothing to scroll to)
  if (scroll) await page.locator('[data-vouch-reviews] >> [data-region="questions"]').scrollIntoViewIfNeeded({ timeout: 20000 });
  return { page, problems };
}

const inWidget = (page, selector) => page.locator(`[data-vouch-reviews] >> ${selector}`);

/** Fills and sends the open answer form of question `id`. */
async function answerInForm(page, id, text, author = 'Buyer Bea') {
  const form = inWidget(page, `form.v-qa-form[data-question="${id}"]`);
  await form.waitFor({ timeout: 20000 });
  await form.locator('textarea[name="text"]').fill(text);
  await form.locator('input[name="author"]').fill(author);
  await form.locator('input[name="consent"]').check();
  await form.locator('button[type="submit"]').click();
  return form;
}

test('a buyer with a signed answer link answers; once approved the widget shows "Verified buyer"', async () => {
  await verifiedBuyer('order-100', 'Bea');
  const id = await answeredQuestion('Does the dress run true to size?');
  const token = await inviteToken(id, 'order-100');

  const { page, problems } = await openSection(`/pages/qa.html?vouch_answer=${encodeURIComponent(token)}#vouch-answer=${id}`);
  const submitted = page.evaluate(() => new Promise((resolve) => document.addEventListener('vouch:answer-submitted', (e) => resolve(e.detail), { once: true })));
  const form = await answerInForm(page, id, 'I took my usual size and it fits well, with room at the waist.');
  const detail = await submitted;
  await form.waitFor({ state: 'detached' });
  assert.equal(await inWidget(page, '[data-region="questions"] .v-notice').textContent(), 'Thank you! It was received and will appear after it is checked.');
  await page.close();

  // Stored as the buyer's, held for moderation (the store holds everything), not shown yet.
  const held = (await answersOf(id)).find((a) => a.id === detail.id);
  assert.deepEqual({ status: held.status, badge: held.badge, author: held.author }, { status: 'pending', badge: 'verified_buyer', author: 'Buyer Bea' });
  const before = await openSection('/pages/qa.html');
  await inWidget(before.page, `.v-question[data-question="${id}"]`).waitFor({ timeout: 20000 });
  assert.equal(await inWidget(before.page, '.v-qa .v-badge-verified').count(), 0, 'a pending answer is not shown');
  await before.page.close();

  await api('POST', `/api/v1/admin/answers/${detail.id}/approve`, {}, { admin: true, expected: 200 });
  const after = await openSection('/pages/qa.html');
  const question = inWidget(after.page, `.v-question[data-question="${id}"]`);
  await question.waitFor({ timeout: 20000 });
  const answer = question.locator('.v-answer', { hasText: 'I took my usual size' });
  assert.equal(await answer.locator('.v-badge-verified').textContent(), 'Verified buyer');
  assert.match(await answer.textContent(), /Buyer Bea/);
  assert.equal(await question.locator('.v-badge-store').textContent(), 'Store answer');
  assert.deepEqual([...problems, ...after.problems], []);
  await after.page.close();

  // The link answers once: a second answer with it is refused in the form.
  const again = await openSection(`/pages/qa.html?vouch_answer=${encodeURIComponent(token)}#vouch-answer=${id}`);
  await answerInForm(again.page, id, 'A second answer through the same link.');
  await inWidget(again.page, '.v-qa-form .v-form-error:not([hidden])').waitFor();
  assert.equal(await inWidget(again.page, '.v-qa-form .v-form-error').textContent(), VERIFIED_REQUIRED);
  assert.equal((await answersOf(id)).length, 2, 'the store\'s answer and the buyer\'s, nothing more');
  await again.page.close();
});

/** base64url(JSON) "." base64url(HMAC-SHA256(secret, base64url(JSON))): docs/questions.md's answer link. */
function signedAnswerLink(payload, secret = SECRET) {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${createHmac('sha256', secret).update(encoded).digest('base64url')}`;
}

test('a forged, expired or foreign answer token: a clear error in the form, nothing stored', async () => {
  await verifiedBuyer('order-200', 'Cy');
  const id = await answeredQuestion('Is the linen lined at the skirt?');
  const other = await answeredQuestion('Does it come in a longer length?');
  const token = await inviteToken(id, 'order-200');
  const [payload, signature] = token.split('.');
  const now = Math.floor(Date.now() / 1000);
  const tokens = {
    'a changed signature': `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
    'a payload signed with another secret': signedAnswerLink({ k: 'a', q: id, p: PRODUCT, o: 'order-200', e: now + 86400 }, 'not-the-store-secret-0123456789abcdef'),
    'an expired link': signedAnswerLink({ k: 'a', q: id, p: PRODUCT, o: 'order-200', e: now - 60 }),
    'the link of another question': await inviteToken(other, 'order-200'),
    'a review link, not an answer link': reviewLink('order-200'),
    'not a token at all': '<script>alert(1)</script>',
  };
  for (const [what, bad] of Object.entries(tokens)) {
    const { page, problems } = await openSection(`/pages/qa.html?vouch_answer=${encodeURIComponent(bad)}#vouch-answer=${id}`);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/questions/${id}/answers`));
    const form = await answerInForm(page, id, `An answer sent with ${what}.`);
    assert.equal((await refused).status(), 403, what);
    const error = form.locator('.v-form-error');
    await error.waitFor();
    assert.equal(await error.textContent(), VERIFIED_REQUIRED, what);
    assert.equal(await form.locator('textarea[name="text"]').inputValue(), `An answer sent with ${what}.`, `${what}: the text is kept`);
    assert.deepEqual(problems, [], what);
    await page.close();
  }
  assert.deepEqual((await answersOf(id)).map((a) => a.badge), ['store'], 'only the store\'s answer is stored');
});

test('axe-core: nothing with the section open, section and tab modes, desktop and 375 px', async () => {
  await verifiedBuyer('order-300', 'Di');
  const id = await answeredQuestion('Can I wash it at 40 degrees?', 'Please wash it at 30 degrees, inside out.');
  const { body } = await api('POST', `/api/v1/questions/${id}/answers`, { text: 'I wash mine at 30 and it is fine.', author: 'Di', consent: true, elapsed_ms: 30000, token: await inviteToken(id, 'order-300') }, { expected: 201 });
  await api('POST', `/api/v1/admin/answers/${body.id}/approve`, {}, { admin: true, expected: 200 });
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
    const section = await openSection('/pages/qa.html', viewport);
    await inWidget(section.page, '.v-qa .v-badge-verified').first().waitFor({ timeout: 20000 });
    await inWidget(section.page, '[data-action="qa-ask"]').click();
    await inWidget(section.page, 'form.v-qa-form').waitFor();
    assert.deepEqual(await runAxe(section.page), [], `section mode, ${viewport.width} px, ask form open`);
    const overflow = await section.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${viewport.width} px: no sideways scrolling`);
    await section.page.close();

    const tab = await openSection('/pages/qa-tab.html', viewport, { scroll: false });
    const tabs = inWidget(tab.page, '[role="tab"]');
    await tabs.nth(1).waitFor({ timeout: 20000 });
    await tabs.nth(1).click();
    assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
    await inWidget(tab.page, '.v-qa .v-badge-verified').first().waitFor();
    assert.deepEqual(await runAxe(tab.page), [], `tab mode, ${viewport.width} px, questions tab selected`);
    await tab.page.close();
  }
});

// Strings that would run script if any path put them into the page as markup.
const INLINE_NAUGHTY = [
  '<script>window.__executed = (window.__executed || 0) + 1</script> does it fit?',
  '<img src=x onerror="window.__executed = 1"> is the hem lined?',
  '"><svg onload="window.__executed = 1"> what about sizing?',
  "'><iframe srcdoc=\"<script>parent.__executed = 1</script>\"></iframe> care?",
  '{{constructor.constructor("window.__executed = 1")()}} fabric?',
  '&lt;b&gt;bold&lt;/b&gt; &amp; <b>bold</b> &#x3C;i&#x3E; entities',
];

/** Executes-nothing checks on a page that shows the strings: no dialogs, no markup from them. */
async function assertInert(page, problems) {
  assert.equal(await page.evaluate(() => window.__executed), undefined, 'nothing ran');
  const injected = await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot
    .querySelectorAll('.v-qa script, .v-qa img, .v-qa iframe, .v-qa svg, .v-qa b, .v-qa i, .v-qa [onerror], .v-qa [onload]').length);
  assert.equal(injected, 0, 'no element came from a question or an answer');
  assert.deepEqual(problems, []);
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();

test('naughty strings asked and answered in the widget\'s forms execute nothing and show as text', async () => {
  const id = await answeredQuestion('Where is the dress made?', 'In Portugal, in a small family workshop.');
  const orders = INLINE_NAUGHTY.map((_, i) => `order-naughty-${i}`);
  for (const order of orders) await verifiedBuyer(order, 'Naughty Buyer');
  for (const [i, text] of INLINE_NAUGHTY.entries()) {
    // Asked in the ask form…
    const ask = await openSection('/pages/qa.html');
    await assertInert(ask.page, ask.problems);
    await inWidget(ask.page, '[data-action="qa-ask"]').click();
    const form = inWidget(ask.page, 'form.v-qa-form:not([data-question])');
    await form.locator('textarea[name="text"]').fill(text);
    await form.locator('input[name="author"]').fill('Naughty Asker');
    await form.locator('input[name="consent"]').check();
    const sent = ask.page.waitForResponse((r) => r.url().endsWith(`/api/v1/products/${PRODUCT}/questions`) && r.request().method() === 'POST');
    await form.locator('button[type="submit"]').click();
    assert.equal((await sent).status(), 201, text);
    await ask.page.close();
    // …and answered by a buyer with a link.
    const link = await openSection(`/pages/qa.html?vouch_answer=${encodeURIComponent(await inviteToken(id, orders[i]))}#vouch-answer=${id}`);
    const answered = link.page.waitForResponse((r) => r.url().endsWith(`/api/v1/questions/${id}/answers`));
    await answerInForm(link.page, id, text, 'Naughty Buyer');
    assert.equal((await answered).status(), 201, text);
    await assertInert(link.page, link.problems);
    await link.page.close();
  }
  // The owner publishes all of it; the store answers each asked question with its own text.
  const listed = (await api('GET', `/api/v1/admin/questions?product=${PRODUCT}&status=pending&limit=200`, undefined, { admin: true, expected: 200 })).body.questions;
  const naughtyQuestions = listed.filter((q) => q.author === 'Naughty Asker');
  assert.equal(naughtyQuestions.length, INLINE_NAUGHTY.length);
  for (const q of naughtyQuestions) await api('POST', `/api/v1/admin/questions/${q.id}/answers`, { text: q.text }, { admin: true, expected: 201 });
  for (const a of await answersOf(id)) if (a.status === 'pending') await api('POST', `/api/v1/admin/answers/${a.id}/approve`, {}, { admin: true, expected: 200 });

  const shown = await openSection('/pages/qa.html');
  await inWidget(shown.page, `.v-question[data-question="${naughtyQuestions[0].id}"]`).waitFor({ timeout: 20000 });
  await assertInert(shown.page, shown.problems);
  const questionTexts = await inWidget(shown.page, '.v-q-text').allTextContents();
  const answerTexts = await inWidget(shown.page, '.v-answer').allTextContents();
  for (const q of naughtyQuestions) {
    assert.ok(questionTexts.some((t) => squash(t).includes(squash(q.text))), `question shown as text: ${q.text}`);
    assert.ok(answerTexts.filter((t) => squash(t).includes(squash(q.text))).length >= 2, `as the store's and a buyer's answer: ${q.text}`);
  }
  await shown.page.close();
});

test('the naughty strings corpus through the routes: refused with a clear error or stored and shown as text', async (t) => {
  const path = sharedDataOrSkip(t, 'conformance/naughty_strings/blns.json');
  if (!path) return;
  const strings = [...new Set(JSON.parse(readFileSync(path, 'utf8')).filter((s) => typeof s === 'string' && s.trim().length))];
  const product = 'qa-naughty';
  await publishedReview(product, 'Corpus Reviewer');
  const stored = [];
  for (const text of strings) {
    const response = await api('POST', `/api/v1/products/${product}/questions`, asked(text, 'Corpus Asker'));
    if (response.status === 201) {
      const answer = await api('POST', `/api/v1/admin/questions/${response.body.id}/answers`, { text }, { admin: true });
      assert.ok([201, 400, 422].includes(answer.status), `answer ${JSON.stringify(text)}: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (answer.status === 201) stored.push(response.body.id);
      else assert.equal(typeof answer.body.error.code, 'string', 'a refusal has a code');
    } else {
      assert.ok([400, 422].includes(response.status), `question ${JSON.stringify(text)}: ${response.status} ${JSON.stringify(response.body)}`);
      assert.equal(typeof response.body.error.code, 'string', 'a refusal has a code');
    }
  }
  assert.ok(stored.length > 100, `${stored.length} of ${strings.length} naughty strings stored as question and answer`);
  t.diagnostic(`${stored.length} of ${strings.length} naughty strings stored as question and answer, the rest refused with a code`);
  const published = (await api('GET', `/api/v1/products/${product}/questions`, undefined, { expected: 200 })).body.questions;
  assert.equal(published.length, stored.length);

  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  writeFileSync(join(dir, 'naughty.html'), readFileSync(join(dir, 'qa.html'), 'utf8').replace(`data-product="${PRODUCT}"`, `data-product="${product}"`));
  await page.goto(`${server.url}/pages/naughty.html`);
  await page.locator('[data-vouch-reviews] >> [data-region="questions"]').scrollIntoViewIfNeeded({ timeout: 20000 });
  await page.locator('[data-vouch-reviews] >> .v-question').first().waitFor({ timeout: 20000 });
  assert.equal(await page.locator('[data-vouch-reviews] >> .v-question').count(), published.length);
  await assertInert(page, problems);
  // Each shown question's text is the stored text, character for character.
  // (the heading without its screen-reader prefix "Question: ")
  const shownTexts = await page.locator('[data-vouch-reviews] >> .v-question').evaluateAll((qs) => Object.fromEntries(qs.map((q) => [q.dataset.question,
    [...q.querySelector('.v-q-text').childNodes].filter((n) => !n.classList?.contains('v-sr')).map((n) => n.textContent).join('')])));
  for (const q of published) assert.equal(squash(shownTexts[q.id]), squash(q.text), `question ${q.id}`);
  await page.close();
});
