// The console's main path, end to end on the real server (with --test-clock)
// and Chromium: the owner (made with `vouch-server user add`) adds a responder
// on the team page; the responder filters "needs response", opens a 1★ review
// about a late parcel (tag logistics, priority high), replies from a template
// whose placeholders are filled, resolves with a follow-up in 7 days; 7 days
// later the review is under "follow-up due"; the outcome "satisfied" moves the
// follow-up satisfaction figure. Screenshots with VOUCH_WRITE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { consolePage, login, screenshot, startConsoleServer } from './support/console.mjs';

const OWNER = ['olivia', 'owner-password-0123'];
const RESPONDER = ['rafael', 'responder-password-0123'];
let server;
let browser;
let lateParcel;

before(async () => {
  server = await startConsoleServer({ testClock: true });
  server.userAdd(OWNER[0], 'owner', OWNER[1]);
  lateParcel = await server.submit({
    product_id: 'linen-wrap-dress',
    rating: 1,
    title: 'Parcel three weeks late',
    body: 'My parcel arrived three weeks late and the belt was missing. The delivery was a mess and nobody answered my emails.',
    author: 'Maria Keller',
    email: 'maria@example.com',
    language: 'en',
    consent: true,
  });
  await server.submit({ product_id: 'merino-cardigan', rating: 5, title: 'Lovely and warm', body: 'Soft merino, true to size, I wear it every day this winter.', author: 'Ben', email: 'ben@example.com', language: 'en', consent: true });
  await server.submit({ product_id: 'merino-cardigan', rating: 4, title: 'Nice colour', body: 'The colour is exactly like the photos and the knit feels solid.', author: 'Chen', email: 'chen@example.com', language: 'en', consent: true });
  await server.admin('POST', 'templates', {
    name: 'Late delivery apology',
    locale: 'en',
    tags: ['logistics'],
    body: 'Dear {reviewer_first_name}, we are sorry your {product_name} arrived late. We have sent the missing belt today. {store_name}',
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stopAll();
});

const reviewId = () => lateParcel.id ?? lateParcel.review?.id;

test('owner adds a responder; the responder replies, resolves, follows up; the metric moves', async () => {
  // The owner adds a responder on the team page.
  const owner = await consolePage(browser, `${server.url}/admin/`);
  await owner.page.locator('#login-name').waitFor();
  await screenshot(owner.page, 'login');
  await login(owner.page, ...OWNER);
  await owner.page.click('nav a[href="#/team"]');
  await owner.page.fill('#new-user-name', RESPONDER[0]);
  await owner.page.selectOption('#new-user-role', 'responder');
  await owner.page.fill('#new-user-password', RESPONDER[1]);
  await owner.page.click('button[type="submit"].primary');
  await owner.page.locator(`tr[data-user="${RESPONDER[0]}"]`).waitFor();
  assert.equal(await owner.page.locator(`tr[data-user="${RESPONDER[0]}"] select`).inputValue(), 'responder');
  assert.deepEqual(owner.problems, []);

  // The responder: needs response → the late parcel, tagged and prioritised.
  const responder = await consolePage(browser, `${server.url}/admin/`);
  const { page } = responder;
  await login(page, ...RESPONDER);
  await page.click('a[data-filter="view:needs_response"]');
  await page.locator('h1', { hasText: 'Needs response' }).waitFor();
  const row = page.locator(`li.row[data-id="${reviewId()}"]`);
  await row.waitFor();
  assert.equal(await row.locator('[data-tag="logistics"]').textContent(), 'Shipping & delivery');
  assert.equal(await row.locator('[data-priority]').getAttribute('data-priority'), 'high');
  assert.equal(await row.locator('.stars').getAttribute('aria-label'), '1 of 5 stars');
  assert.ok(Number(await page.locator('[data-count="view:needs_response"]').textContent()) >= 1);
  await screenshot(page, 'inbox');

  // Keyboard: j/k move the current row, o opens it; typing in a field is left alone.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const rows = await page.locator('li.row').evaluateAll((els) => els.map((el) => [el.dataset.id, el.classList.contains('current')]));
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map(([, current]) => current), [true, false, false]);
  await page.fill('#inbox-q', 'o');
  assert.equal(await page.locator('article.item').count(), 0, 'o typed in the search box opens nothing');
  await page.locator('li.row.current .row-link').focus();
  await page.keyboard.press('o');
  await page.locator(`article.item[data-id="${rows[0][0]}"]`).waitFor();
  await page.goto(`${server.url}/admin/#/item/${encodeURIComponent(reviewId())}`);
  await page.locator(`article.item[data-id="${reviewId()}"]`).waitFor();

  // Reply from the template: the preview fills the placeholders.
  await page.locator('#template-picker option', { hasText: 'Late delivery apology' }).waitFor({ state: 'attached' });
  const value = await page.locator('#template-picker option', { hasText: 'Late delivery apology' }).getAttribute('value');
  await page.selectOption('#template-picker', value);
  await page.waitForFunction(() => document.querySelector('#reply-text').value.startsWith('Dear'));
  const reply = await page.inputValue('#reply-text');
  assert.match(reply, /^Dear Maria, we are sorry your .+ arrived late\. .* Fern & Thread$/);
  assert.doesNotMatch(reply, /[{}]/);
  await page.click('[data-action="publish-reply"]');
  // The reply check may warn first; the button then says so and publishes on a second click.
  const published = page.locator('.current-reply');
  await Promise.race([published.waitFor(), page.locator('[data-action="publish-reply"]', { hasText: 'Publish anyway' }).waitFor()]);
  if (!(await published.count())) await page.click('[data-action="publish-reply"]');
  await published.waitFor();
  assert.equal(await page.locator('[data-state-badge]').first().getAttribute('data-state-badge'), 'replied');
  await screenshot(page, 'item-reply');

  // Resolve with the default follow-up (7 days); the FTC sentence is there.
  assert.equal(await page.inputValue('#follow-up-days'), '7');
  assert.match(await page.locator('.panel-resolve .legal').textContent(), /never asks the reviewer to change .* 16 CFR 465/);
  await page.click('[data-action="resolve"]');
  await page.locator('[data-state-badge="resolved"]').first().waitFor();

  // Seven days later: under "follow-up due".
  await page.goto(`${server.url}/admin/#/inbox?view=follow_up_due`);
  await page.locator('.rows').waitFor();
  assert.equal(await page.locator(`li.row[data-id="${reviewId()}"]`).count(), 0, 'not due yet');
  await server.admin('POST', 'test/clock', { advance_seconds: 7 * 86400 + 60 });
  await page.reload();
  // A week without activity ends the session (idle expiry): the console asks to log in again.
  await login(page, ...RESPONDER);
  await page.locator(`li.row[data-id="${reviewId()}"]`).waitFor();
  assert.equal(await page.locator('[data-count="view:follow_up_due"]').textContent(), '1');
  await screenshot(page, 'follow-up-due');

  // The outcome moves the satisfaction figure.
  const before = await page.locator('[data-metric="satisfaction"] dd').textContent();
  await page.click(`li.row[data-id="${reviewId()}"] .row-link`);
  await page.click('[data-outcome="satisfied"]');
  await page.locator('[data-follow-up-outcome="satisfied"]').waitFor();
  await page.goto(`${server.url}/admin/#/inbox`);
  await page.locator('[data-metric="satisfaction"] dd').waitFor();
  const afterText = await page.locator('[data-metric="satisfaction"] dd').textContent();
  assert.notEqual(afterText, before);
  assert.equal(afterText, '100% (1/1)');
  await page.click('.metrics-head button[aria-controls="metrics-details"]');
  await page.locator('#metrics-details table').first().waitFor();
  assert.match(await page.locator('#metrics-details').textContent(), new RegExp(RESPONDER[0]));
  await screenshot(page, 'metrics');
  await page.click('.metrics-head button[aria-controls="metrics-details"]'); // tables closed again
  await page.locator('#metrics-details[hidden]').waitFor({ state: 'attached' });
  assert.deepEqual(responder.problems, []);

  // zh-CN through the language switch, and the 375 px layout.
  await page.selectOption('#language', 'zh-CN');
  await page.locator('h1', { hasText: '全部评价' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await screenshot(page, 'inbox-zh-CN');
  await page.selectOption('#language', 'en');
  await page.setViewportSize({ width: 375, height: 800 });
  await page.locator('h1', { hasText: 'All reviews' }).waitFor();
  assert.equal(await page.locator('.sidebar').isVisible(), false, 'the sidebar is collapsed');
  await page.click('.sidebar-toggle');
  assert.equal(await page.locator('.sidebar').isVisible(), true);
  await page.click('.sidebar-toggle');
  await screenshot(page, 'mobile');
  await owner.context.close();
  await responder.context.close();
});

test('bulk actions on selected rows; the owner exports and imports on the settings page with the result shown', async () => {
  const { page, problems, context } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  await page.locator('li.row').first().waitFor();
  const count = await page.locator('li.row').count();
  assert.equal(count, 3);
  await page.check('#select-all');
  await page.click('[data-bulk="unread"]');
  await page.locator('.list .status', { hasText: '3 done, 0 failed.' }).waitFor();
  // The followed-up review keeps its state; the other two are unread again.
  const unread = page.locator('li.row[data-state="unread"]');
  assert.equal(await unread.count(), 2);
  await unread.nth(0).locator('.row-select input').check();
  await unread.nth(1).locator('.row-select input').check();
  await page.click('[data-bulk="read"]');
  await page.locator('.list .status', { hasText: '2 done, 0 failed.' }).waitFor();
  assert.equal(await page.locator('li.row[data-state="unread"]').count(), 0);

  await page.click('nav a[href="#/settings"]');
  await page.selectOption('#export-format', 'json');
  await page.click('form:has(#export-format) button[type="submit"]');
  await page.locator('#export-status [data-download]').waitFor();
  const exported = await server.admin('GET', 'export?format=json');
  const copy = { ...exported.reviews[0], id: 'imported-in-console', title: 'Brought over from the old shop', body: 'Imported through the console settings page, a fine dress with good seams.' };
  await page.setInputFiles('#import-file', { name: 'old-shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'vouch-export', version: 1, reviews: [copy] })) });
  await page.click('form:has(#import-file) button[type="submit"]');
  await page.locator('#import-status:not([aria-busy])', { hasText: 'Imported 1 reviews' }).waitFor();

  // The template editor shows the API's refusal of an unknown placeholder at the text.
  await page.click('nav a[href="#/templates"]');
  await page.click('[data-action="new-template"]');
  await page.fill('#template-name', 'Broken one');
  await page.fill('#template-body', 'Hello {reviewer_first_name}, thanks from {shop_nickname}.');
  await page.click('[data-action="save-template"]');
  await page.locator('#template-errors li').first().waitFor();
  assert.match(await page.locator('#template-errors').textContent(), /shop_nickname/);
  assert.match(await page.locator('#template-errors').textContent(), /at character \d+/);
  assert.equal(await page.getAttribute('#template-body', 'aria-invalid'), 'true');
  await page.fill('#template-body', 'Hello {reviewer_first_name}, thanks from {store_name}.');
  await page.click('[data-action="save-template"]');
  await page.locator('.template-list a', { hasText: 'Broken one' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('item work: note, private message (mailto), no reply needed, tag and priority correction, assign, star', async () => {
  const review = await server.submit({
    product_id: 'silk-button-blouse', rating: 3, title: 'Pretty but small',
    body: 'The silk is pretty but the size runs small, I had to exchange it.', author: 'Ines Duarte',
    email: 'ines@example.com', language: 'en', consent: true,
  });
  const id = review.id ?? review.review?.id;
  const { page, problems, context } = await consolePage(browser, `${server.url}/admin/#/item/${encodeURIComponent(id)}`);
  await login(page, ...OWNER);
  await page.locator(`article.item[data-id="${id}"]`).waitFor();
  const history = page.locator('.history li');

  await page.fill('#note-text', 'Offered a free exchange by phone.');
  await page.locator('.panel-notes button', { hasText: 'Add note' }).click();
  await page.locator('.history li[data-kind="note"]', { hasText: 'Offered a free exchange by phone.' }).waitFor();

  await page.fill('#message-text', 'Hello Ines, we have sent the larger size today.');
  await page.locator('.panel-notes button', { hasText: 'Prepare e-mail' }).click();
  const mailto = page.locator('.panel-notes a[data-mailto]');
  await mailto.waitFor();
  assert.match(await mailto.getAttribute('href'), /^mailto:ines@example\.com\?/);

  await page.locator('.panel-triage label', { hasText: 'Suggestion' }).click();
  await page.selectOption('#priority-select', 'urgent');
  await page.click('[data-action="save-triage"]');
  await page.locator('.item-head [data-priority="urgent"]').waitFor();
  assert.equal(await page.locator('.item-head [data-tag="suggestion"]').count(), 1);

  await page.locator('.panel-triage button', { hasText: 'Assign to me' }).click();
  await page.locator('.item-head .badge-assignee', { hasText: OWNER[0] }).waitFor();
  await page.click('[data-action="star"]');
  await page.locator('[data-action="star"][aria-pressed="true"]').waitFor();

  await page.fill('#no-reply-reason', 'Solved by phone');
  await page.locator('.panel-no_reply button', { hasText: 'No reply needed' }).click();
  await page.locator('.panel-no_reply', { hasText: 'No reply needed: Solved by phone' }).waitFor();
  assert.ok(await history.count() >= 3);

  // Resolve with a chosen follow-up day instead of the number of days.
  const { now } = await server.admin('GET', 'inbox?limit=1');
  const day = new Date(Date.parse(now) + 10 * 86400 * 1000).toISOString().slice(0, 10);
  await page.fill('#follow-up-date', day);
  await page.click('[data-action="resolve"]');
  await page.locator('[data-state-badge="resolved"]').first().waitFor();
  const stored = (await server.admin('GET', `inbox/${encodeURIComponent(id)}`)).item;
  assert.equal(stored.priority, 'urgent');
  assert.equal(stored.priority_corrected, true);
  assert.equal(stored.assignee, OWNER[0]);
  assert.equal(stored.starred, true);
  assert.equal(stored.no_reply.reason, 'Solved by phone');
  assert.equal(stored.follow_up.due_at.slice(0, 10), day);
  assert.deepEqual(problems, []);
  await context.close();
});
