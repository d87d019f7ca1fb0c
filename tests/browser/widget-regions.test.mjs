// The view is updated in place (web/src/regions.js): an action re-creates only
// the parts of the widget whose markup changed, and a card still on screen is
// the same element (keyed by review id), so its images, focus and "read more"
// state are not rebuilt. Elements are marked with an expando before the action
// and checked after it: a kept element still carries its mark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useFixtureServerAndBrowser } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

async function openWidget() {
  const { page, problems } = await openPage(env.browser, `${env.server.url}/test-pages/widget.html`);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  return { page, problems };
}

/** Marks the summary, the controls, the status line and every card. */
const mark = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    for (const element of root.querySelectorAll('.v-summary, .v-controls, .v-status, .v-card')) element.vouchTestMark = true;
  });

/** Which of them are still the marked elements. */
const kept = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    const one = (selector) => Boolean(root.querySelector(selector).vouchTestMark);
    return {
      summary: one('.v-summary'),
      controls: one('.v-controls'),
      status: one('.v-status'),
      cards: [...root.querySelectorAll('.v-card')].map((card) => ({ id: card.dataset.id, kept: Boolean(card.vouchTestMark) })),
    };
  });

test('a page turn keeps the summary and the controls and renders new cards', async () => {
  const { page, problems } = await openWidget();
  await mark(page);
  await page.click('[data-action="page"][data-value="1"]');
  await page.locator('.v-status', { hasText: 'Showing 6–10 of 48' }).waitFor();
  const after = await kept(page);
  assert.equal(after.summary, true, 'the summary did not change: same element');
  assert.equal(after.controls, true, 'the controls did not change: same element');
  assert.equal(after.status, false, 'the status line is new');
  assert.equal(after.cards.length, 5);
  assert.deepEqual(after.cards.filter((card) => card.kept), [], 'none of page 2 was on page 1');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a filter keeps the cards still shown (by review id) and re-creates the changed summary', async () => {
  const { page, problems } = await openWidget();
  const before = await page.locator('.v-card').evaluateAll((cards) => cards.map((c) => ({ id: c.dataset.id, stars: c.querySelector('.v-stars').getAttribute('aria-label') })));
  const fiveStar = before.filter((card) => card.stars.startsWith('5')).map((card) => card.id);
  assert.ok(fiveStar.length > 0, 'the fixture shows a 5-star review on page 1');
  // Expanded text stays expanded in a card that is kept.
  await mark(page);
  await page.click('[data-action="stars"][data-value="5"]');
  await page.locator('[data-action="stars"][data-value="5"][aria-pressed="true"]').waitFor();
  const after = await kept(page);
  assert.equal(after.summary, false, 'the pressed histogram row changed the summary');
  for (const card of after.cards) assert.equal(card.kept, fiveStar.includes(card.id), `card ${card.id}`);
  // Back: the 5-star cards are still the same elements; the others are new.
  await page.click('[data-action="stars"][data-value="5"]');
  await page.locator('[data-action="stars"][data-value="5"][aria-pressed="false"]').waitFor();
  const back = await kept(page);
  assert.deepEqual(back.cards.map((card) => card.id), before.map((card) => card.id), 'the same first page');
  for (const card of back.cards) assert.equal(card.kept, fiveStar.includes(card.id), `card ${card.id} after clearing`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('cards are compared by the hash the core stamps on them, never by serialising the DOM; a changed card gets a new hash', async () => {
  const { page, problems } = await openWidget();
  const hashes = () => page.locator('.v-list > li').evaluateAll((items) => items.map((li) => [li.firstElementChild.dataset.id, li.dataset.hash]));
  const before = await hashes();
  assert.ok(before.every(([, hash]) => /^[0-9a-f]{16}$/.test(hash)), `every card is stamped: ${JSON.stringify(before)}`);
  // Count outerHTML reads from here on (the widget's own code runs in the page's realm).
  await page.evaluate(() => {
    const property = Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML');
    window.outerHTMLReads = 0;
    Object.defineProperty(Element.prototype, 'outerHTML', { ...property, get() { window.outerHTMLReads += 1; return property.get.call(this); } });
  });
  await page.click('[data-action="stars"][data-value="5"]');
  await page.locator('[data-action="stars"][data-value="5"][aria-pressed="true"]').waitFor();
  await page.click('[data-action="stars"][data-value="5"]');
  await page.locator('[data-action="stars"][data-value="5"][aria-pressed="false"]').waitFor();
  await page.click('[data-action="page"][data-value="1"]');
  await page.locator('.v-status', { hasText: 'Showing 6–10 of 48' }).waitFor();
  const reads = await page.evaluate(() => window.outerHTMLReads);
  // The status line, "clear filters" and the pager are not stamped (always replaced): a handful of reads, no card.
  assert.ok(reads <= 3 * 3, `outerHTML read ${reads} times over three actions`);
  // A search marks the matched words: the same review, new markup, a new hash.
  await page.click('[data-action="page"][data-value="0"]');
  await page.locator('.v-status', { hasText: 'Showing 1–5 of 48' }).waitFor();
  const [firstId, firstHash] = (await hashes())[0];
  const title = await page.locator('.v-card').first().locator('.v-title').textContent();
  const word = title.split(/\s+/).find((w) => /^\p{L}{3,}$/u.test(w));
  assert.ok(word, `a word to search for in "${title}"`);
  await page.fill('[data-action="search-input"]', word);
  await page.press('[data-action="search-input"]', 'Enter');
  await page.locator(`.v-card[data-id="${firstId}"] mark`).first().waitFor();
  const [, markedHash] = (await hashes()).find(([id]) => id === firstId);
  assert.notEqual(markedHash, firstHash, 'the marked card is new markup');
  assert.deepEqual(problems, []);
  await page.close();
});
