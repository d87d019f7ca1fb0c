// The console's Review requests page on the real server with a real SMTP relay
// on loopback, in Chromium: the mail templates (live preview through the
// preview route, the server's errors next to the field they name, save, back to
// the default, a test-send that reaches the relay), the orders list (search by
// order id and address, paging, each order's request status from what the
// server lists: scheduled, sent, not sent (cap), unsubscribed, reviewed), a
// test order from the page, the funnel panel against the analytics API, and
// hostile text everywhere it can go in. axe-core: 0 violations at 1280 and
// 375 px, in English and Simplified Chinese.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { sharedDataPath } from '../node/support/core.mjs';
import { launchBrowser, runAxe } from './support/browser.mjs';
import { consolePage, login, screenshot, startConsoleServer } from './support/console.mjs';
import { startRelay } from '../support/smtp-relay.mjs';

const OWNER = ['olivia', 'owner-password-0123'];
const AGENT = ['arthur', 'agent-password-0123'];
const OWNER_EMAIL = 'owner@fern.example';
const HOSTILE = '<img src=x onerror="window.__pwned=1">"\'&amp;</td>';
let server;
let browser;
let relay;

function order(id, email, { name = 'Mia', products = ['linen-wrap-dress'], fulfilled = Math.floor(Date.now() / 1000) } = {}) {
  return {
    order_id: id,
    customer: { name, email, locale: 'en' },
    items: products.map((product) => ({ product, name: `Product ${product}`, url: `https://shop.example/products/${product}`, image: '' })),
    fulfilled_at: fulfilled,
  };
}

/** Polls the admin API until `check(orders)` holds (the scheduler runs twice a second). */
async function ordersUntil(check, q = '') {
  for (let i = 0; i < 100; i += 1) {
    const listed = await server.admin('GET', `orders?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    if (check(listed.orders)) return listed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the orders never reached the expected state');
}

async function mailTo(address) {
  for (let i = 0; i < 100; i += 1) {
    const found = relay.messages.find((m) => m.to.includes(address));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${address} reached the relay`);
}

before(async () => {
  relay = await startRelay();
  server = await startConsoleServer({
    config: {
      public_url: 'https://reviews.fern.example',
      mail: { smtp_url: `smtp://127.0.0.1:${relay.port}`, starttls: 'off', from: 'reviews@fern.example', from_name: 'Fern & Thread' },
      requests: { delay_days: 0, cap_per_30_days: 1, owner_email: OWNER_EMAIL },
    },
  });
  server.userAdd(OWNER[0], 'owner', OWNER[1]);
  server.userAdd(AGENT[0], 'responder', AGENT[1]);
  // Orders in every state the page shows: sent, not sent (cap: the same address
  // again within 30 days), unsubscribed, reviewed, and one still scheduled
  // (a delay of 0 days from a fulfilment a day ahead).
  await server.admin('POST', 'orders', order('A-1001', 'mia@example.com'));
  await ordersUntil((orders) => orders.some((o) => o.order_id === 'A-1001' && o.requests[0]?.state === 'queued'));
  await server.admin('POST', 'orders', order('A-1002', 'MIA@example.com'));
  await server.admin('POST', 'orders', order('B-2001', 'ben@example.org', { name: HOSTILE }));
  await server.admin('POST', 'orders', order('C-3001', 'cy@example.net', { fulfilled: Math.floor(Date.now() / 1000) + 20 * 3600 }));
  await ordersUntil((orders) => orders.filter((o) => o.requests[0]?.state !== 'scheduled').length === 3);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stopAll();
  await relay?.close();
});

test('orders: each order\'s request status, search by order id or address, hostile text stays text', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.click('nav a[href="#/requests"]');
  await page.locator('h1', { hasText: 'Review requests' }).waitFor();
  const status = (id) => page.locator(`tr[data-order="${id}"] [data-status]`).getAttribute('data-status');
  assert.equal(await status('A-1001'), 'sent');
  assert.equal(await status('A-1002'), 'skipped');
  assert.equal(await page.locator('tr[data-order="A-1002"] [data-status]').getAttribute('data-reason'), 'cap');
  assert.match(await page.locator('tr[data-order="A-1002"] [data-status]').textContent(), /not sent: mail cap reached/);
  assert.equal(await status('C-3001'), 'scheduled');
  // The hostile customer name is shown as written, never run as markup.
  assert.ok((await page.locator('tr[data-order="B-2001"]').textContent()).includes(HOSTILE));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Search: part of an order id; an address case-folded; nothing found says so.
  await page.fill('#orders-q', 'A-100');
  await page.click('form[role="search"] button');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-order]').length === 2);
  assert.match(await page.locator('[data-range]').textContent(), /1–2 of 2/);
  await page.fill('#orders-q', 'BEN@EXAMPLE');
  await page.click('form[role="search"] button');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-order]').length === 1 && document.querySelector('tr[data-order="B-2001"]'));
  await page.fill('#orders-q', HOSTILE);
  await page.click('form[role="search"] button');
  await page.locator('tbody td', { hasText: 'No order matches' }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Unsubscribed and reviewed come from the server's read-only facts.
  const unsubscribe = /\/api\/v1\/unsubscribe\/([^\s>"]+)/.exec((await mailTo('ben@example.org')).text)[1];
  const posted = await fetch(`${server.url}/api/v1/unsubscribe/${unsubscribe}`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click',
  });
  assert.equal(posted.status, 200);
  const mail = await mailTo('mia@example.com');
  const link = /https:\/\/reviews\.fern\.example(\/api\/v1\/requests\/[^\s"<>]+rating=5[^\s"<>]*)/.exec(mail.text)[1];
  const click = await fetch(`${server.url}${link.replace(/&amp;/g, '&')}`, { redirect: 'manual' });
  assert.equal(click.status, 303);
  const token = new URL(click.headers.get('location')).searchParams.get('review_token');
  await server.submit({
    product_id: 'linen-wrap-dress', rating: 5, title: 'Lovely', token,
    body: 'The linen is soft and the wrap closes well; it fits as the size chart says.',
    author: 'Mia', email: 'mia@example.com', language: 'en', consent: true,
  });
  await page.fill('#orders-q', '');
  await page.click('form[role="search"] button');
  await page.waitForFunction(() => document.querySelectorAll('tr[data-order]').length === 4);
  assert.equal(await status('A-1001'), 'reviewed');
  assert.equal((await page.locator('tr[data-order="A-1001"] [data-verified]').textContent()).trim(), '1 / 1');
  assert.equal((await page.locator('tr[data-order="A-1001"] [data-clicks]').textContent()).trim(), '1');
  assert.equal(await status('B-2001'), 'unsubscribed');

  // The funnel panel shows the analytics API's figures (the same member, reused).
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 83 * 86400000).toISOString().slice(0, 10);
  const analytics = await server.admin('GET', `analytics?from=${from}&to=${today}&period=week`);
  await page.reload();
  await page.locator('[data-panel="requests"]').waitFor();
  for (const key of ['sent', 'opened', 'reviews_from_requests']) {
    assert.equal((await page.locator(`[data-total="${key}"] dd`).textContent()).trim(), String(analytics.requests.total[key]), key);
  }
  assert.ok(analytics.requests.total.sent >= 2 && analytics.requests.total.opened >= 1 && analytics.requests.total.reviews_from_requests >= 1);
  await screenshot(page, 'requests');
  assert.deepEqual(problems, []);
});

test('orders: paging keeps the search; hostile searches are refused or find nothing', async () => {
  for (let i = 0; i < 23; i += 1) await server.admin('POST', 'orders', order(`P-${String(i).padStart(3, '0')}`, `page${i}@example.com`));
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.goto(`${server.url}/admin/#/requests?q=P-`);
  await page.locator('[data-range]', { hasText: '1–20 of 23' }).waitFor();
  await page.click('a[data-page="older"]');
  await page.locator('[data-range]', { hasText: '21–23 of 23' }).waitFor();
  assert.equal(await page.locator('tr[data-order]').count(), 3);
  await page.click('a[data-page="newer"]');
  await page.locator('[data-range]', { hasText: '1–20 of 23' }).waitFor();
  const path = sharedDataPath('conformance/naughty_strings/blns.json');
  let strings = ['%', '_', '\\', "' OR 1=1 --", '\u0000', '\uFFFD', '\uD83D', HOSTILE, 'x'.repeat(201)];
  try {
    strings = strings.concat(JSON.parse(readFileSync(path, 'utf8')).filter((s) => typeof s === 'string').slice(0, 200));
  } catch {
    if (process.env.CI === 'true') throw new Error(`missing ${path}`);
  }
  for (const q of strings) {
    // URLSearchParams writes a lone surrogate as U+FFFD, as a browser would.
    const search = new URLSearchParams({ q });
    const sent = search.get('q');
    const response = await fetch(`${server.url}/api/v1/admin/orders?${search}`, { headers: { Authorization: 'Bearer console-browser-test-token-0123456789' } });
    const body = await response.json();
    if (Buffer.byteLength(sent) > 200) {
      assert.equal(response.status, 400, JSON.stringify(q));
      assert.equal(body.error.code, 'invalid_parameter');
    } else {
      assert.equal(response.status, 200, JSON.stringify(q));
      assert.ok(Array.isArray(body.orders) && body.total === body.orders.length, JSON.stringify(q));
    }
  }
  // One of them through the page: the hash carries it, the page shows it as text.
  await page.goto(`${server.url}/admin/#/requests?q=${encodeURIComponent(HOSTILE)}`);
  await page.locator('tbody td', { hasText: 'No order matches' }).waitFor();
  assert.equal(await page.inputValue('#orders-q'), HOSTILE);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
});

test('templates: live preview, errors next to the field, save, back to the default, test-send to the owner', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.goto(`${server.url}/admin/#/requests?kind=reminder&locale=de`);
  await page.locator('[data-editor="reminder/de"]').waitFor();
  assert.equal(await page.locator('a[data-template="reminder/de"]').getAttribute('aria-current'), 'true');
  assert.equal(await page.locator('a[data-template]').count(), 14);
  const defaults = (await server.admin('GET', 'request-templates')).templates.find((tpl) => tpl.kind === 'reminder' && tpl.locale === 'de');
  assert.equal(await page.inputValue('#tpl-subject'), defaults.subject);
  await page.locator('[data-preview-subject]').waitFor();

  // Live preview: typing renders the sample mail through the preview route.
  const previewed = page.waitForResponse((r) => r.url().endsWith('/request-templates/preview') && r.status() === 200);
  await page.fill('#tpl-subject', 'Wie war es, {customer_name}?');
  await previewed;
  await page.locator('[data-preview-subject]', { hasText: 'Wie war es, Alex?' }).waitFor();
  // An unknown placeholder: the preview's 422, shown under the subject, not the intro.
  await page.fill('#tpl-subject', 'Your {rating} for {store_name}');
  await page.locator('[data-error-for="subject"] [data-error]').waitFor();
  assert.equal(await page.getAttribute('#tpl-subject', 'aria-invalid'), 'true');
  assert.equal(await page.locator('[data-error-for="intro"]').textContent(), '');
  // Saving it is refused the same way; focus goes to the field, at the offset.
  const refused = page.waitForResponse((r) => r.url().includes('/request-templates/reminder/de') && r.request().method() === 'PUT');
  await page.click('[data-action="save-request-template"]');
  assert.equal((await refused).status(), 422);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tpl-subject');
  assert.equal(await page.evaluate(() => document.activeElement.selectionStart), 'Your '.length);
  assert.equal((await server.admin('GET', 'request-templates')).templates.find((tpl) => tpl.kind === 'reminder' && tpl.locale === 'de').custom, false);

  // A placeholder button inserts at the caret of the field last used; hostile text is text.
  await page.fill('#tpl-subject', 'Kurz gefragt: ');
  await page.click('button[data-placeholder="store_name"]');
  assert.equal(await page.inputValue('#tpl-subject'), 'Kurz gefragt: {store_name}');
  await page.click('[role="tab"][data-preview-part="text"]'); // the plain-text part
  await page.fill('#tpl-intro', `Hallo! ${HOSTILE}`);
  await page.locator('[data-preview-text]', { hasText: 'onerror' }).waitFor();
  assert.equal(await page.locator('[data-error-for="subject"]').textContent(), '');
  assert.equal(await page.getAttribute('#tpl-subject', 'aria-invalid'), null);
  await page.click('[data-action="save-request-template"]');
  await page.locator('a[data-template="reminder/de"] + .meta', { hasText: 'edited' }).waitFor();
  const saved = (await server.admin('GET', 'request-templates')).templates.find((tpl) => tpl.kind === 'reminder' && tpl.locale === 'de');
  assert.equal(saved.subject, 'Kurz gefragt: {store_name}');
  assert.equal(saved.intro, `Hallo! ${HOSTILE}`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Test-send: the rendered sample reaches the owner's address through the relay.
  await page.click('[data-action="test-send"]');
  await page.locator('[data-editor] .status', { hasText: OWNER_EMAIL }).waitFor();
  const test = await mailTo(OWNER_EMAIL);
  assert.equal(test.subject, '[test] Kurz gefragt: Fern & Thread');
  assert.ok(test.text.includes(`Hallo! ${HOSTILE}`));
  assert.ok(!test.html.includes('<img src=x'), 'the intro is escaped in the HTML part');

  // Back to the default.
  await page.click('[data-action="reset-request-template"]');
  await page.locator('a[data-template="reminder/de"] + .meta', { hasText: 'default' }).waitFor();
  assert.equal(await page.inputValue('#tpl-subject'), defaults.subject);
  assert.deepEqual(problems, []);
});

test('a responder reads the page but cannot edit templates, send tests or post orders', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...AGENT);
  await page.goto(`${server.url}/admin/#/requests`);
  await page.locator('[data-editor="request/en"]').waitFor();
  assert.equal(await page.locator('[data-action="save-request-template"]').count(), 0);
  assert.equal(await page.locator('[data-action="test-send"]').count(), 0);
  assert.equal(await page.locator('[data-panel="sample-order"]').count(), 0);
  assert.equal(await page.locator('[data-action="send-now"]').count(), 0);
  assert.equal(await page.getAttribute('#tpl-subject', 'readonly'), '');
  assert.ok(await page.locator('tr[data-order]').count() > 0);
  assert.deepEqual(problems, []);
});

test('a test order from the page is stored and its mail reaches the relay; the server\'s refusal shows per field', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.goto(`${server.url}/admin/#/requests`);
  await page.locator('[data-panel="sample-order"]').waitFor();
  // The product URL the page suggests is this server's demo product page.
  assert.equal(await page.inputValue('#sample-url'), `${server.url}/products/linen-wrap-dress.html`);
  await page.fill('#sample-email', 'sample@example.com');
  await page.fill('#sample-name', HOSTILE);
  await page.click('[data-action="sample-order"]');
  await page.locator('[data-panel="sample-order"] .status', { hasText: 'stored' }).waitFor();
  const mail = await mailTo('sample@example.com');
  assert.match(mail.text, /\/api\/v1\/requests\/\d+\/click\?product=demo-linen-dress&rating=1&token=/);
  assert.ok(mail.text.startsWith(`Hello ${HOSTILE},`), 'the name as written, in the text part');
  await page.locator('tr[data-order^="test-"]').first().waitFor();
  // The server refuses a bad product id and URL: each error names its field.
  await page.fill('#sample-email', 'sample2@example.com');
  await page.fill('#sample-product', 'bad"id<>');
  await page.fill('#sample-url', 'ftp://example.com/x');
  await page.click('[data-action="sample-order"]');
  await page.locator('#sample-errors li[data-field="items[0].product"]').waitFor();
  assert.equal(await page.locator('#sample-errors li[data-field="items[0].url"]').count(), 1);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
});

test('templates: the HTML part in a sandboxed frame (product rows, star links, the mail\'s own styles, no script); tabs by keyboard', async () => {
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.goto(`${server.url}/admin/#/requests?kind=request&locale=en`);
  const frameElement = page.locator('iframe[data-preview-html]');
  await frameElement.waitFor();
  // Sandboxed: no allow-scripts, no allow-same-origin (an opaque origin).
  assert.equal(await frameElement.getAttribute('sandbox'), '');
  assert.ok((await frameElement.getAttribute('title')).length > 0);
  assert.match(await frameElement.getAttribute('src'), /^\/api\/v1\/admin\/request-templates\/preview\.html\?kind=request&locale=en&subject=/);
  const frame = page.frameLocator('iframe[data-preview-html]');
  await frame.locator('text=Stoneware mug').waitFor();
  await frame.locator('text=Wool scarf').waitFor();
  // Two products, five star links each, to the product page with the rating.
  const stars = frame.locator('a[data-vouch-rating]');
  assert.equal(await stars.count(), 10);
  for (let i = 0; i < 10; i += 1) assert.match(await stars.nth(i).getAttribute('href'), new RegExp(`[?&]vouch_rating=${(i % 5) + 1}$`));
  // The mail's inline styles apply (the frame's own CSP allows them; the console's would not).
  assert.equal(await stars.first().evaluate((el) => getComputedStyle(el).color), 'rgb(245, 158, 11)');

  // Hostile text in the intro arrives as text in the frame; nothing runs.
  await page.fill('#tpl-intro', `Hallo! ${HOSTILE}`);
  await frame.locator('text=onerror').waitFor();
  assert.equal(await frame.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Tabs: HTML first; arrow keys move to the plain text and back; Home / End.
  const tab = (part) => page.locator(`[role="tab"][data-preview-part="${part}"]`);
  assert.equal(await tab('html').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('[data-preview-text]').isVisible(), false);
  await tab('html').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await tab('text').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.previewPart), 'text');
  assert.equal(await frameElement.isVisible(), false);
  await page.locator('[data-preview-text]', { hasText: 'onerror' }).waitFor();
  // The choice survives the next preview.
  await page.fill('#tpl-intro', 'Thanks for shopping with {store_name}.');
  await page.locator('[data-preview-text]', { hasText: 'Thanks for shopping with Fern & Thread.' }).waitFor();
  assert.equal(await tab('text').getAttribute('aria-selected'), 'true');
  await tab('text').focus();
  await page.keyboard.press('Home');
  assert.equal(await tab('html').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('End');
  assert.equal(await tab('text').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tab('html').getAttribute('aria-selected'), 'true');
  await frame.locator('text=Thanks for shopping with Fern & Thread.').waitFor();
  assert.deepEqual(problems, []);
});

test('the preview page without a session is a short error page, never the console', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${server.url}/api/v1/admin/request-templates/preview.html?kind=request&locale=en`);
  assert.equal(response.status(), 401);
  assert.match(response.headers()['content-type'], /^text\/html/);
  assert.match(await page.locator('body').textContent(), /console session/);
  assert.equal(await page.locator('#login-name').count(), 0);
  await context.close();
});

test('orders: "Send now" on a scheduled request sends it at once, or says why not (the checks still apply)', async () => {
  const ahead = Math.floor(Date.now() / 1000) + 20 * 3600; // due in 20 hours (delay 0)
  await server.admin('POST', 'orders', order('D-4001', 'dee@example.com', { fulfilled: ahead }));
  // A product mia has not reviewed (the reviewed check comes before the cap).
  await server.admin('POST', 'orders', order('A-1003', 'mia@example.com', { fulfilled: ahead, products: ['stone-mug'] }));
  const { page, problems } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.goto(`${server.url}/admin/#/requests?q=D-4001`);
  const row = page.locator('tr[data-order="D-4001"]');
  await row.locator('[data-status="scheduled"]').waitFor();
  const button = row.locator('[data-action="send-now"]');
  assert.match(await button.getAttribute('aria-label'), /D-4001/);
  await button.click();
  const status = page.locator('[data-send-now-status]');
  await page.locator('[data-send-now-status][data-result="queued"]').waitFor();
  assert.match(await status.textContent(), /D-4001/);
  await row.locator('[data-status="sent"]').waitFor();
  assert.equal(await row.locator('[data-action="send-now"]').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute('data-send-now-status')), true);
  const mail = await mailTo('dee@example.com');
  assert.match(mail.text, /\/api\/v1\/requests\/\d+\/click\?product=linen-wrap-dress&rating=5&token=/);

  // The same address already got its one mail in 30 days: the cap skips it.
  await page.goto(`${server.url}/admin/#/requests?q=A-1003`);
  const capped = page.locator('tr[data-order="A-1003"]');
  await capped.locator('[data-action="send-now"]').click();
  await page.locator('[data-send-now-status][data-result="skipped"]').waitFor();
  assert.match(await status.textContent(), /mail cap reached/);
  await capped.locator('[data-status="skipped"][data-reason="cap"]').waitFor();
  assert.equal(relay.messages.filter((m) => m.to.includes('mia@example.com')).length, 1);
  assert.deepEqual(problems, []);
});

for (const locale of ['en-US', 'zh-CN']) {
  for (const width of [1280, 375]) {
    test(`axe: the Review requests page at ${width} px, ${locale}`, async () => {
      const { page, context } = await consolePage(browser, `${server.url}/admin/`, { viewport: { width, height: 800 }, locale, bypassCSP: true });
      await login(page, ...OWNER);
      await page.goto(`${server.url}/admin/#/requests?kind=request&locale=zh-CN`);
      await page.locator('[data-preview-subject]').waitFor();
      assert.deepEqual(await runAxe(page), [], 'requests page');
      // With a field in error too.
      await page.fill('#tpl-intro', 'Hallo {unknown}');
      await page.locator('[data-error-for="intro"] [data-error]').waitFor();
      assert.deepEqual(await runAxe(page), [], 'requests page with an error');
      if (width === 375) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at 375 px (${overflow} px)`);
      }
      await context.close();
    });
  }
}
