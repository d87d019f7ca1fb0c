// The console's Outbox and Webhooks pages on the real server, a real SMTP
// relay and a webhook receiver on loopback, in Chromium: the owner sends a
// test mail and reads it as sent; a refused mail shows its reason and Retry
// sends it; a private message to a reviewer is queued in the outbox and
// arrives; an endpoint's secret is shown once and the delivery log shows the
// attempt with its status. axe-core: 0 violations on both pages at 1280 and
// 375 px, in English and Simplified Chinese.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { launchBrowser, runAxe } from './support/browser.mjs';
import { consolePage, login, screenshot, startConsoleServer } from './support/console.mjs';
import { startRelay } from '../support/smtp-relay.mjs';

const OWNER = ['olivia', 'owner-password-0123'];
let server;
let browser;
let relay;
let receiver;
let refuse = true;
const hooks = [];
let reviewId;

before(async () => {
  relay = await startRelay({ refuse: (address) => (refuse && address === 'bounce@example.com' ? 550 : 0) });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { hooks.push({ headers: req.headers, body }); res.writeHead(204).end(); });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  server = await startConsoleServer({
    config: { mail: { smtp_url: `smtp://127.0.0.1:${relay.port}`, starttls: 'off', from: 'reviews@fern.example', from_name: 'Fern & Thread' } },
  });
  server.userAdd(OWNER[0], 'owner', OWNER[1]);
  const review = await server.submit({
    product_id: 'linen-wrap-dress', rating: 2, title: 'Seam torn',
    body: 'The seam at the shoulder was torn when the dress arrived; the fabric is lovely.',
    author: 'Maria Keller', email: 'maria@example.com', language: 'en', consent: true,
  });
  reviewId = review.id ?? review.review?.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stopAll();
  await relay?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()));
});

/** Reloads the page until `selector` is there (the outbox page shows a moment in time). */
async function reloadUntil(page, selector) {
  for (let i = 0; i < 100; i += 1) {
    if (await page.locator(selector).count()) return;
    await page.waitForTimeout(200);
    await page.reload();
    await page.locator('main h1').waitFor();
  }
  throw new Error(`${selector} never appeared`);
}

test('outbox: a test mail is sent and readable; a refused one shows why and Retry sends it; a private message arrives', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.click('nav a[href="#/outbox"]');
  await page.locator('h1', { hasText: 'Outbox' }).waitFor();
  assert.equal(await page.locator('[data-sending]').getAttribute('data-sending'), 'on');
  await page.fill('#test-to', 'owner@example.com');
  await page.click('button[type="submit"]');
  await reloadUntil(page, 'tr[data-mail][data-state="sent"]');
  await page.locator('tr[data-mail][data-state="sent"] button').first().click();
  await page.locator('.mail-text').waitFor();
  assert.match(await page.locator('.mail-text').textContent(), /If it reached you, the outbox can send mail\./);
  assert.match(await page.locator('[data-mail] code').textContent(), /^<[0-9a-f]{32}@vouch\.outbox>$/);
  assert.equal(relay.messages.filter((m) => m.to[0] === 'owner@example.com').length, 1);
  await screenshot(page, 'outbox');

  await page.fill('#test-to', 'bounce@example.com');
  await page.click('button[type="submit"]');
  await reloadUntil(page, 'tr[data-state="failed"]');
  assert.match(await page.locator('tr[data-state="failed"] .error-text').textContent(), /refused: .*SMTP 550/);
  await page.click('a[data-filter="failed"]');
  await page.locator('tr[data-state="failed"]').waitFor();
  refuse = false;
  await page.click('tr[data-state="failed"] button[data-action="retry"]');
  await page.locator('tr[data-state="failed"]').waitFor({ state: 'detached' });
  for (let i = 0; i < 100 && !relay.messages.some((m) => m.to[0] === 'bounce@example.com'); i += 1) await page.waitForTimeout(100);
  assert.ok(relay.messages.some((m) => m.to[0] === 'bounce@example.com'), 'the retried mail arrived');

  // A private message from the review's page goes through the outbox.
  await page.goto(`${server.url}/admin/#/item/${encodeURIComponent(reviewId)}`);
  await page.fill('#message-text', 'We are sorry about the seam; a replacement is on its way.');
  await page.locator('.panel-notes button', { hasText: 'Prepare e-mail' }).click();
  await page.locator('.panel-notes a[data-outbox]').waitFor();
  for (let i = 0; i < 100 && !relay.messages.some((m) => m.to[0] === 'maria@example.com'); i += 1) await page.waitForTimeout(100);
  const message = relay.messages.find((m) => m.to[0] === 'maria@example.com');
  assert.ok(message, 'the private message arrived');
  assert.match(message.text, /a replacement is on its way/);
  assert.deepEqual(problems, []);
});

test('webhooks: the secret is shown once; the delivery log shows the attempt and its status', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.click('nav a[href="#/webhooks"]');
  await page.fill('#hook-url', `http://127.0.0.1:${receiver.address().port}/hook`);
  await page.check('input[value="review.created"]');
  await page.fill('#hook-description', 'loyalty points');
  await page.click('button[type="submit"].primary');
  const secret = (await page.locator('[data-secret]').textContent()).trim();
  assert.match(secret, /^whsec_[0-9a-f]{48}$/);
  await page.reload();
  await page.locator('tr[data-endpoint]').waitFor();
  assert.equal(await page.locator('[data-secret]').count(), 0, 'shown once only');
  assert.ok(!(await page.content()).includes(secret));
  await server.submit({ product_id: 'merino-cardigan', rating: 5, title: 'Warm', body: 'Soft merino and true to size; I wear it every day this winter.', author: 'Ben', email: 'ben@example.com', language: 'en', consent: true });
  await reloadUntil(page, 'tr[data-delivery][data-state="delivered"]');
  assert.match(await page.locator('tr[data-delivery] ol.attempts li').first().textContent(), /HTTP 204 in \d+ ms/);
  assert.equal(hooks.length, 1);
  assert.ok(!hooks[0].body.includes('ben@example.com'), 'no e-mail address without the opt-in');
  await screenshot(page, 'webhooks');
  assert.deepEqual(problems, []);
});

for (const locale of ['en-US', 'zh-CN']) {
  for (const width of [1280, 375]) {
    test(`axe: outbox and webhooks pages at ${width} px, ${locale}`, async () => {
      await server.admin('POST', 'outbox/test', { to: `axe-${width}@example.com` });
      const { page, context } = await consolePage(browser, `${server.url}/admin/`, { viewport: { width, height: 800 }, locale, bypassCSP: true });
      await login(page, ...OWNER);
      await page.goto(`${server.url}/admin/#/outbox`);
      await page.locator('tr[data-mail]').first().waitFor();
      await page.locator('tr[data-mail] button').first().click();
      await page.locator('.mail-text').waitFor();
      assert.deepEqual(await runAxe(page), [], 'outbox');
      await page.goto(`${server.url}/admin/#/webhooks`);
      await page.locator('#hook-url').waitFor();
      assert.deepEqual(await runAxe(page), [], 'webhooks');
      await context.close();
    });
  }
}
