// What a shopper does with the widget: read, sort, filter, search, page, share
// a link to the same view, read more, open photos, all from the keyboard too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useFixtureServerAndBrowser, cardsParsed } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

async function openWidget(path = '/test-pages/widget.html') {
  const { page, problems } = await openPage(env.browser, env.server.url + path);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  return { page, problems };
}

const status = (page) => page.locator('.v-status').textContent();
const cardIds = (page) => page.locator('.v-card').evaluateAll((cards) => cards.map((c) => c.dataset.id));

test('summary, list and pager render from the snapshot; the histogram filters', async () => {
  const { page, problems } = await openWidget();
  await cardsParsed(page);
  assert.equal(await page.locator('.v-card').count(), 5);
  assert.equal(await status(page), 'Showing 1–5 of 48');
  assert.match(await page.locator('.v-summary .v-count').textContent(), /^48 reviews$/);
  const fiveStarCount = Number((await page.locator('[data-action="stars"][data-value="5"] .v-hist-pct').textContent()).match(/\((\d+)\)/)[1]);
  await page.click('[data-action="stars"][data-value="5"]');
  assert.equal(await page.getAttribute('[data-action="stars"][data-value="5"]', 'aria-pressed'), 'true');
  assert.equal(await status(page), `Showing 1–5 of ${fiveStarCount}`);
  const labels = await page.locator('.v-card .v-card-head .v-stars').evaluateAll((stars) => stars.map((s) => s.getAttribute('aria-label')));
  assert.deepEqual(new Set(labels), new Set(['5 out of 5 stars']));
  assert.match(await page.evaluate(() => location.hash), /stars=5/);
  // Clicking again removes the filter.
  await page.click('[data-action="stars"][data-value="5"]');
  assert.equal(await status(page), 'Showing 1–5 of 48');
  assert.deepEqual(problems, []);
  await page.close();
});

test('every sort of the core is offered and orders the list', async () => {
  const { page } = await openWidget();
  const options = await page.locator('select[data-action="sort"] option').evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(options, ['newest', 'oldest', 'highest', 'lowest', 'most_helpful', 'media_first', 'featured_first']);
  const dates = () => page.locator('.v-card time').evaluateAll((t) => t.filter((x) => !x.closest('.v-reply')).map((x) => x.getAttribute('datetime')));
  const newest = await dates();
  assert.deepEqual(newest, [...newest].sort().reverse());
  await page.selectOption('select[data-action="sort"]', 'oldest');
  const oldest = await dates();
  assert.deepEqual(oldest, [...oldest].sort());
  assert.equal(oldest[0], '2025-01-01');
  await page.selectOption('select[data-action="sort"]', 'lowest');
  const ratings = await page.locator('.v-card .v-card-head .v-stars').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
  const numbers = ratings.map((label) => Number(label[0]));
  assert.equal(numbers[0], 1);
  assert.deepEqual(numbers, [...numbers].sort());
  await page.focus('select[data-action="sort"]');
  await page.selectOption('select[data-action="sort"]', 'featured_first');
  assert.equal((await cardIds(page))[0], 'r0006');
  // Focus stays on the menu after the re-render (keyboard users keep their place).
  assert.equal(await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement?.dataset.action), 'sort');
  await page.close();
});

test('verified-only, photos and topic filters with counts; search highlights matches', async () => {
  const { page } = await openWidget();
  const verifiedLabel = await page.locator('[data-action="verified"]').textContent();
  const verifiedCount = Number(verifiedLabel.match(/\((\d+)\)/)[1]);
  await page.click('[data-action="verified"]');
  assert.equal(await status(page), `Showing 1–5 of ${verifiedCount}`);
  await cardsParsed(page);
  assert.equal(await page.locator('.v-card').count(), await page.locator('.v-card .v-badge-verified').count());
  await page.click('[data-action="verified"]');

  await page.click('[data-action="media"]');
  await cardsParsed(page);
  assert.equal(await page.locator('.v-card').count(), await page.locator('.v-card .v-photos').count());
  await page.click('[data-action="media"]');

  await page.click('[data-action="topic"][data-value="fabric"]');
  assert.equal(await page.getAttribute('[data-action="topic"][data-value="fabric"]', 'aria-pressed'), 'true');
  await page.click('[data-action="clear"]');
  assert.equal(await status(page), 'Showing 1–5 of 48');

  await page.fill('input[data-action="search-input"]', 'linen');
  await page.press('input[data-action="search-input"]', 'Enter');
  await page.locator('.v-card mark').first().waitFor();
  const marks = await page.locator('.v-card mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /linen/i.test(m)), marks.join('|'));
  // Relevance joins the menu while searching; the hash carries the query.
  assert.ok(await page.locator('option[value="relevance"]').count());
  assert.match(await page.evaluate(() => location.hash), /q=linen/);

  await page.fill('input[data-action="search-input"]', '面料');
  await page.press('input[data-action="search-input"]', 'Enter');
  await page.locator('.v-card mark', { hasText: '面料' }).first().waitFor();
  await page.close();
});

test('paging keeps its state in the URL hash: a shared link opens the same view', async () => {
  const { page } = await openWidget();
  await page.click('[data-action="stars"][data-value="4"]');
  await page.selectOption('select[data-action="sort"]', 'most_helpful');
  await page.click('.v-pager [data-action="page"][data-value="1"]');
  const view = { status: await status(page), ids: await cardIds(page) };
  assert.match(view.status, /^Showing 6–/);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#vouch=demo-linen-dress&stars=4&sort=most_helpful&page=2$/);
  const { page: shared } = await openWidget(`/test-pages/widget.html${hash}`);
  assert.deepEqual({ status: await status(shared), ids: await cardIds(shared) }, view);
  assert.equal(await shared.inputValue('select[data-action="sort"]'), 'most_helpful');
  await shared.close();
  // A hand-edited, invalid hash falls back to the default view instead of failing.
  const { page: edited, problems } = await openWidget('/test-pages/widget.html#vouch=demo-linen-dress&sort=bogus&page=-4');
  assert.equal(await status(edited), 'Showing 1–5 of 48');
  assert.deepEqual(problems, []);
  await edited.close();
  await page.close();
});

test('"read more" expands the text; the lightbox traps and restores focus', async () => {
  const { page } = await openWidget();
  const expand = page.locator('[data-action="expand"]').first();
  const body = expand.locator('xpath=..');
  assert.equal(await body.locator('[data-part="full"]').isVisible(), false);
  await expand.click();
  assert.equal(await expand.getAttribute('aria-expanded'), 'true');
  assert.equal(await body.locator('[data-part="full"]').isVisible(), true);
  assert.equal(await expand.textContent(), 'Show less');

  await page.click('[data-action="media"]');
  const photo = page.locator('[data-action="photo"]').first();
  await photo.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('[data-lightbox]');
  await dialog.waitFor({ state: 'visible' });
  const active = () => page.evaluate(() => {
    const el = document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement;
    return el ? `${el.dataset.action}|${Boolean(el.closest('[data-lightbox]'))}` : 'none';
  });
  assert.equal(await active(), 'lightbox-close|true');
  for (let i = 0; i < 7; i += 1) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    assert.match(await active(), /\|true$/);
  }
  assert.match(await dialog.locator('img').getAttribute('alt'), /^Photo 1 of 2 from the review by /);
  await page.keyboard.press('ArrowRight');
  assert.match(await dialog.locator('img').getAttribute('alt'), /^Photo 2 of 2/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await active(), 'photo|false');
  await page.close();
});

test('keyboard only: Tab reaches the histogram, Enter filters, focus survives the re-render', async () => {
  const { page } = await openWidget();
  let reached = '';
  for (let i = 0; i < 20 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    const action = await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement?.dataset.action || '');
    if (action === 'stars') reached = action;
  }
  assert.equal(reached, 'stars');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('[data-action="stars"][data-value="5"]', 'aria-pressed'), 'true');
  const focused = await page.evaluate(() => {
    const el = document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement;
    return `${el.dataset.action}:${el.dataset.value}`;
  });
  assert.equal(focused, 'stars:5');
  // The focus ring is visible (outline from :focus-visible).
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await page.close();
});
