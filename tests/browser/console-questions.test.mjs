// Questions and answers end to end in Chromium (issue 17, the owner's side):
// a shopper asks through the widget on a product page the real vouch-server
// serves (a static mount beside the API: same origin) -> the question is
// pending and waits in the console inbox with its due time -> the owner opens
// it, answers from a reply template -> the shopper's widget, loaded again,
// shows the answer with the "Store answer" badge. Also: a verified buyer's
// signed answer link is listed to copy, "E-mail the buyers" is disabled until
// the question is published and reports the counts (or the refusal); axe-core finds nothing on the question
// item at 1280 and 375 px; naughty strings as question text stay inert text
// in the console (no script runs, no element is injected).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distDir, launchBrowser, runAxe } from './support/browser.mjs';
import { consolePage, login, startConsoleServer } from './support/console.mjs';
import { sharedDataPath } from '../node/support/core.mjs';
import { startRelay } from '../support/smtp-relay.mjs';

const OWNER = ['olivia', 'owner-password-0123'];
const PRODUCT = 'linen-wrap-dress';
const HMAC = 'console-test-hmac-secret-0123456789abcdef'; // startConsoleServer's hmac_secret
let server;
let browser;

const b64url = (text) => Buffer.from(text).toString('base64url');
/** A signed review link as the store's order mail carries it (src/server/signed_payload.hpp). */
function reviewLink(product, order) {
  const body = b64url(JSON.stringify({ p: product, o: order, e: Math.floor(Date.now() / 1000) + 86400 }));
  return `${body}.${createHmac('sha256', HMAC).update(body).digest('base64url')}`;
}

before(async () => {
  assert.ok(existsSync(join(distDir, 'vouch.js')), `the widget bundle is missing in ${distDir} (npm run build)`);
  const shop = mkdtempSync(join(tmpdir(), 'vouch-shop-'));
  server = await startConsoleServer({
    config: {
      static: { '/dist/': distDir, '/shop/': shop },
      questions: { product_url: 'https://shop.example/products/{product}' },
    },
  });
  // The product page: the widget against this server (data-api), Q&A on.
  writeFileSync(join(shop, 'product.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Linen wrap dress</title></head>
<body><main><h1>Linen wrap dress</h1><div data-vouch-reviews></div></main>
<script src="/dist/vouch.js" data-product="${PRODUCT}" data-api="${server.url}" data-hash-state="false" async></script>
</body></html>`);
  server.userAdd(OWNER[0], 'owner', OWNER[1]);
  // A verified buyer (signed review link): invitable to answer once the question is published.
  await server.submit({
    product_id: PRODUCT, rating: 5, title: 'Lovely linen', body: 'Soft after the first wash and the wrap closes well.',
    author: 'Ana B.', email: 'ana@example.com', language: 'en', consent: true, token: reviewLink(PRODUCT, 'order-1001'),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stopAll();
});

/** The shopper's product page in its own context (own cache and cookies), scrolled to the questions. */
async function shopperPage() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/shop/product.html`);
  const region = page.locator('[data-vouch-reviews] >> [data-region="questions"]');
  await region.waitFor({ state: 'attached', timeout: 20000 });
  await region.scrollIntoViewIfNeeded();
  await page.locator('[data-vouch-reviews] >> [data-action="qa-ask"]').waitFor({ timeout: 20000 });
  return { page, context, problems };
}

test('ask in the widget -> pending in the inbox with a due time -> answer from a template -> "Store answer"', async () => {
  const question = 'Is the linen lined, or will it be see-through in bright sun?';
  const shopper = await shopperPage();
  const ask = shopper.page.locator('[data-vouch-reviews] >> [data-action="qa-ask"]');
  await ask.click();
  const form = shopper.page.locator('[data-vouch-reviews] >> form.v-qa-form');
  await form.locator('textarea[name="text"]').fill(question);
  await form.locator('input[name="author"]').fill('Mia');
  await form.locator('input[name="consent"]').check();
  await form.locator('button[type="submit"]').click();
  await shopper.page.locator('[data-vouch-reviews] >> .v-notice').waitFor();
  assert.match(await shopper.page.locator('[data-vouch-reviews] >> .v-notice').textContent(), /checked/);
  assert.deepEqual(shopper.problems, []);
  await shopper.context.close();

  // The owner's console: the question waits in the inbox, pending, with its due time.
  const { page, context, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.locator('[data-filter="kind:question"]').click();
  const row = page.locator('.rows li.row').filter({ hasText: question });
  await row.waitFor();
  assert.equal(await page.locator('.rows li.row').count(), 1, 'the kind filter lists the question only');
  assert.equal(await row.locator('[data-kind-badge="question"]').textContent(), 'Question');
  assert.match(await row.locator('.badge-due').textContent(), /^Due /);
  assert.match(await row.locator('.row-link strong').textContent(), /Mia/);
  await row.locator('.row-link').click();

  const item = page.locator('article.question-item');
  await item.waitFor();
  const id = await item.getAttribute('data-id');
  assert.match(id, /^q[0-9a-f]{24}$/);
  assert.equal(await item.locator('.question-text').textContent(), question);
  assert.equal(await item.locator('[data-status-badge]').getAttribute('data-status-badge'), 'pending');
  assert.match(await item.locator('.byline').first().textContent(), /Asked by Mia/);
  assert.ok(!(await item.textContent()).includes('@'), 'no e-mail address on the page');
  assert.equal(await item.locator('.answers').count(), 0, 'no answers yet');
  assert.match(await item.locator('.panel-invites').textContent(), /Publish the question first/);
  // Not published: "E-mail the buyers" is disabled and says why.
  const mailButton = item.locator('[data-action="mail-invites"]');
  assert.equal(await mailButton.isDisabled(), true);
  assert.match(await item.locator('#mail-invites-hint').textContent(), /Publish the question first/);

  // Answer from a template: the picker fills the text with the placeholders resolved.
  const picker = page.locator('#template-picker');
  await page.waitForFunction(() => document.querySelectorAll('#template-picker option').length > 1);
  const first = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(first);
  await page.waitForFunction(() => document.querySelector('#reply-text').value.length > 0);
  const text = await page.locator('#reply-text').inputValue();
  assert.ok(!/\{\w+\}/.test(text), `placeholders resolved: ${text}`);
  const publish = page.locator('[data-action="publish-reply"]');
  assert.equal(await publish.textContent(), 'Publish answer');
  await publish.click();
  // The reply check may ask for a second click ("Publish anyway").
  const answered = page.locator('.answers li.answer[data-status="published"]');
  await Promise.race([answered.waitFor(), page.locator('[data-action="publish-reply"]', { hasText: 'Publish anyway' }).waitFor()]);
  if (!(await answered.count())) await page.locator('[data-action="publish-reply"]').click();
  await answered.waitFor();
  assert.equal(await answered.locator('[data-badge="store"]').textContent(), 'Store answer');
  assert.equal(await page.locator('[data-status-badge]').getAttribute('data-status-badge'), 'published');
  const history = await page.locator('.panel-history').textContent();
  assert.match(history, /olivia/);

  // Published now: the verified buyer's signed answer link is listed to copy.
  const invite = page.locator('.invite-list li[data-order="order-1001"]');
  await invite.waitFor();
  assert.match(await invite.textContent(), /Ana B\./);
  const url = await invite.locator('input').inputValue();
  assert.ok(url.startsWith(`https://shop.example/products/${PRODUCT}?vouch_answer=`), url);
  assert.ok(url.endsWith(`#vouch-answer=${id}`), url);
  await invite.locator('[data-action="copy-invite"]').click();
  await page.locator('.panel-invites .status', { hasText: 'Copied.' }).waitFor();
  // This server has no mail relay: the button says so instead of pretending.
  const mail = page.locator('[data-action="mail-invites"]');
  assert.equal(await mail.isDisabled(), false);
  await mail.click();
  const refusal = page.locator('.mail-result .error[data-error="mail_not_configured"]');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /No mail relay is configured/);
  assert.deepEqual(problems, []);
  await context.close();

  // The shopper comes back: the answer, with the store's badge.
  const back = await shopperPage();
  const shown = back.page.locator('[data-vouch-reviews] >> .v-question').filter({ hasText: question });
  await shown.waitFor({ timeout: 20000 });
  assert.equal(await shown.locator('.v-answer').count(), 1);
  assert.equal(await shown.locator('.v-badge-store').textContent(), 'Store answer');
  assert.equal((await shown.locator('.v-answer').textContent()).includes(text.split('\n')[0].trim()), true);
  assert.deepEqual(back.problems, []);
  await back.context.close();
});

test('axe: the question item and the question filter at 1280 and 375 px, en and zh-CN', async () => {
  const { questions } = await server.admin('GET', 'questions?limit=1');
  assert.ok(questions.length, 'the first test asked a question');
  for (const locale of ['en-US', 'zh-CN']) {
    for (const width of [1280, 375]) {
      const { page, context } = await consolePage(browser, `${server.url}/admin/`, { viewport: { width, height: 800 }, locale, bypassCSP: true });
      await login(page, ...OWNER);
      await page.goto(`${server.url}/admin/#/inbox?kind=question`);
      await page.locator('.rows li.row [data-kind-badge]').first().waitFor();
      // Under the question filter the heading says questions, not reviews.
      assert.equal(await page.locator('.inbox-head h1').textContent(), locale === 'en-US' ? 'All questions' : '全部问题');
      assert.deepEqual(await runAxe(page), [], `inbox kind=question ${width} ${locale}`);
      await page.goto(`${server.url}/admin/#/item/${questions[0].id}`);
      await page.locator('article.question-item .invite-list, article.question-item .panel-invites .hint').first().waitFor();
      assert.deepEqual(await runAxe(page), [], `question item ${width} ${locale}`);
      await context.close();
    }
  }
});

test('naughty strings as question text are shown inert in the console', async (t) => {
  const path = sharedDataPath('conformance/naughty_strings/blns.json');
  let strings;
  if (existsSync(path)) {
    strings = JSON.parse(readFileSync(path, 'utf8')).filter((s) => typeof s === 'string' && /[<>"'&]|script|javascript:/i.test(s));
  } else {
    if (process.env.CI === 'true') assert.fail(`missing ${path}`);
    t.diagnostic(`naughty strings corpus not found (${path}); using a few inline`);
    strings = [];
  }
  strings.push('<script>alert(1)</script> is this safe?', '"><img src=x onerror=alert(2)> sizes?', '<svg onload=alert(3)> does it shrink?', '{{7*7}} ${7*7} <iframe src="javascript:alert(4)"></iframe>');
  const product = 'naughty-product';
  const asked = [];
  for (const text of strings) {
    // Long enough for the validator (10 characters at least); duplicates and bad input are refused with a 4xx.
    const body = { text: text.length >= 10 ? text : `${text} (question)`, author: 'Nia', consent: true, elapsed_ms: 9000 };
    const response = await fetch(`${server.url}/api/v1/products/${product}/questions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    if (response.status === 201) asked.push((await response.json()).id);
    else assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${JSON.stringify(text)}`);
  }
  assert.ok(asked.length >= 4, `${asked.length} naughty questions stored`);
  t.diagnostic(`${asked.length} of ${strings.length} naughty questions stored (the others refused with a 4xx)`);

  const { page, context, problems } = await consolePage(browser, `${server.url}/admin/`);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__executed = 0;
    window.alert = () => { window.__executed += 1; };
  });
  await page.reload(); // the init script runs from this load on
  await login(page, ...OWNER);
  const injected = () => page.evaluate(() => document.querySelectorAll('main script, main img, main iframe, main svg, main [onerror], main [onload]').length);
  await page.goto(`${server.url}/admin/#/inbox?kind=question&product=${product}`);
  await page.locator('.rows li.row').first().waitFor();
  assert.equal(await injected(), 0, 'inbox list');
  // Every item page (at most 40 of them: each is a full page).
  for (const id of asked.slice(-40)) {
    await page.goto(`${server.url}/admin/#/item/${id}`);
    await page.locator(`article.question-item[data-id="${id}"]`).waitFor();
    const { question } = await server.admin('GET', `questions/${id}`);
    assert.equal(await page.locator('.question-text').textContent(), question.text.split(/\n+/).join(''), id);
    assert.equal(await injected(), 0, id);
  }
  assert.equal(await page.evaluate(() => window.__executed), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"E-mail the buyers" queues the invitations and says so in plain words', async () => {
  // Its own server with a relay on loopback, so the outbox can send.
  const relay = await startRelay();
  const mailServer = await startConsoleServer({
    config: {
      public_url: 'http://127.0.0.1:9',
      questions: { product_url: 'https://shop.example/products/{product}' },
      mail: { smtp_url: `smtp://127.0.0.1:${relay.port}`, starttls: 'off', from: 'reviews@shop.example' },
    },
  });
  try {
    mailServer.userAdd(OWNER[0], 'owner', OWNER[1]);
    await mailServer.submit({
      product_id: PRODUCT, rating: 4, title: 'Nice', body: 'Soft linen, the wrap closes well and it washes fine.',
      author: 'Ana B.', email: 'ana@example.com', language: 'en', consent: true, token: reviewLink(PRODUCT, 'order-2001'),
    });
    const asked = await fetch(`${mailServer.url}/api/v1/products/${PRODUCT}/questions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Is the dress lined inside?', author: 'Mia', consent: true, elapsed_ms: 9000 }),
    });
    const { id } = await asked.json();
    await mailServer.admin('POST', `questions/${id}/approve`);
    const { page, context } = await consolePage(browser, `${mailServer.url}/admin/`, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await login(page, ...OWNER);
    await page.goto(`${mailServer.url}/admin/#/item/${id}`);
    const button = page.locator('[data-action="mail-invites"]');
    await button.waitFor();
    await button.click();
    const report = page.locator('.mail-result .mail-report[data-queued="1"]');
    await report.waitFor();
    assert.match(await report.textContent(), /Invitations queued in the outbox: 1\./);
    // Again: nobody twice, and the page says why.
    await button.click();
    const again = page.locator('.mail-result .mail-report[data-queued="0"]');
    await again.waitFor();
    assert.match(await again.textContent(), /already invited to this question: 1\./);
    assert.deepEqual(problems, []);
    await context.close();
    // The outbox worker hands it to the relay (no timed assertion: wait for it).
    while (relay.messages.length < 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(relay.messages[0].raw.toString(), /Subject: A shopper has a question about linen-wrap-dress/);
  } finally {
    mailServer.stopAll();
    await relay.close();
  }
});
