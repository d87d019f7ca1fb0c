// The view is updated in place (web/src/regions.js): an action re-creates only
// the parts of the widget whose markup changed, and a card still on screen is
// the same element (keyed by review id), so its images, focus and "read more"
// state are not rebuilt. Elements are marked with an expando before the action
// and checked after it: a kept element still carries its mark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsParsed, openPage, useFixtureServerAndBrowser } from './support/browser.mjs';

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

/** Which of them are still the marked elements (once every card is parsed). */
const kept = async (page) => {
  await cardsParsed(page);
  return page.evaluate(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    const one = (selector) => Boolean(root.querySelector(selector).vouchTestMark);
    return {
      summary: one('.v-summary'),
      controls: one('.v-controls'),
      status: one('.v-status'),
      cards: [...root.querySelectorAll('.v-card')].map((card) => ({ id: card.dataset.id, kept: Boolean(card.vouchTestMark) })),
    };
  });
};

test('a page turn keeps the summary and the controls and renders new cards', async () => {
  const { page, problems } = await openWidget();
  await mark(page);
  await page.click('[data-action="page"][data-value="1"]');
  await page.locator('.v-status', { hasText: 'Showing 6–10 of 48' }).waitFor();
  const after = await kept(page);
  assert.equal(after.summary, true, 'the summary did not change: same element');
  assert.equal(after.controls, true, 'the controls did not change: same element');
  // The status line is patched in place: the focus a page turn gives it stays, and the
  // page button the shopper pressed was not removed with the focus in it.
  assert.equal(after.status, true, 'the status line is the same element, patched');
  assert.equal(await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement?.className), 'v-status');
  assert.equal(after.cards.length, 5);
  assert.deepEqual(after.cards.filter((card) => card.kept), [], 'none of page 2 was on page 1');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a filter keeps the cards still shown (by review id) and patches the changed summary in place', async () => {
  const { page, problems } = await openWidget();
  const before = await page.locator('.v-card').evaluateAll((cards) => cards.map((c) => ({ id: c.dataset.id, stars: c.querySelector('.v-stars').getAttribute('aria-label') })));
  const fiveStar = before.filter((card) => card.stars.startsWith('5')).map((card) => card.id);
  assert.ok(fiveStar.length > 0, 'the fixture shows a 5-star review on page 1');
  // Expanded text stays expanded in a card that is kept.
  await mark(page);
  // A card that stays is left where it is, not moved: a move is a removal (and the
  // card styled and laid out again), which a MutationObserver sees.
  await page.evaluate(() => {
    const list = document.querySelector('[data-vouch-reviews]').shadowRoot.querySelector('.v-list');
    window.movedCards = [];
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.removedNodes) if (node.querySelector?.('.v-card')?.vouchTestMark && node.isConnected) window.movedCards.push(node.querySelector('.v-card').dataset.id);
    }).observe(list, { childList: true });
  });
  await page.click('[data-action="stars"][data-value="5"]');
  await page.locator('[data-action="stars"][data-value="5"][aria-pressed="true"]').waitFor();
  const after = await kept(page);
  assert.deepEqual(await page.evaluate(() => window.movedCards), [], 'kept cards were not moved');
  // The pressed histogram row changed the summary: patched in place (morph.js), the same element.
  assert.equal(after.summary, true, 'the summary is the same element, patched');
  assert.equal(await page.locator('.v-summary [data-action="stars"][data-value="5"]').getAttribute('aria-pressed'), 'true');
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

/**
 * widget.html with 20 cards a page in a short window: most new cards of a view
 * are below the screen. In the page: what the list holds at the moment the
 * widget says the view is done (vouch:query), and the layout shifts after it.
 */
async function openLongList() {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 700 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.route('**/test-pages/widget.html', async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: (await response.text()).replace('data-page-size="5"', 'data-page-size="20"') });
  });
  await page.goto(`${env.server.url}/test-pages/widget.html`);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  await page.evaluate(() => {
    const host = document.querySelector('[data-vouch-reviews]');
    window.atQuery = [];
    host.addEventListener('vouch:query', () => {
      const items = [...host.shadowRoot.querySelectorAll('.v-list > li')];
      const slots = items.filter((item) => !item.children.length);
      window.atQuery.push({
        items: items.length,
        slots: slots.length,
        firstSlotTop: slots.length ? Math.min(...slots.map((slot) => slot.getBoundingClientRect().top)) : null,
        screen: window.innerHeight,
      });
    });
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
    }).observe({ type: 'layout-shift' });
  });
  return { page, problems };
}

const allFilled = (page) =>
  page.waitForFunction(() => {
    const items = [...document.querySelector('[data-vouch-reviews]').shadowRoot.querySelectorAll('.v-list > li')];
    return items.length > 0 && items.every((item) => item.querySelector(':scope > .v-card'));
  });

test('a view parses the cards on screen at once and the rest after the paint; nothing on screen is a slot, nothing moves', async () => {
  const { page, problems } = await openLongList();
  const before = await page.locator('.v-card').evaluateAll((cards) => cards.map((card) => card.dataset.id));
  assert.equal(before.length, 20);
  await page.selectOption('[data-action="sort"]', 'lowest');
  await page.locator('[data-action="sort"] option[value="lowest"][selected]').waitFor({ state: 'attached' });
  const [sorted] = await page.evaluate(() => window.atQuery.splice(0));
  assert.equal(sorted.items, 20);
  assert.ok(sorted.slots > 0, `some new cards wait below the screen: ${JSON.stringify(sorted)}`);
  assert.ok(sorted.firstSlotTop >= sorted.screen, `no slot on screen when the view is done: ${JSON.stringify(sorted)}`);
  await allFilled(page);
  const after = await page.locator('.v-card').evaluateAll((cards) => cards.map((card) => ({ id: card.dataset.id, stars: card.querySelector('.v-stars').getAttribute('aria-label') })));
  assert.equal(after.length, 20);
  assert.ok(after[0].stars.startsWith('1 '), `lowest first: ${after[0].stars}`);
  assert.notDeepEqual(after.map((card) => card.id), before);
  // Scrolled into the middle of the list, a page turn from the pager: focus goes
  // to the status line (scrolled to), and what is on screen then is parsed.
  await page.locator('.v-pager').scrollIntoViewIfNeeded();
  await page.click('[data-action="page"][data-value="1"]');
  await page.locator('.v-status', { hasText: /21/ }).waitFor();
  const [turned] = await page.evaluate(() => window.atQuery.splice(0));
  assert.ok(turned.slots === 0 || turned.firstSlotTop >= turned.screen, `no slot on screen after the page turn: ${JSON.stringify(turned)}`);
  await allFilled(page);
  assert.equal(await page.evaluate(() => window.shifts), 0, 'no layout shift');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a changed summary or controls are patched in place: the search box keeps focus and typed words; a search applied or cleared, and the sort, show as rendered', async () => {
  const { page, problems } = await openWidget();
  await mark(page);
  const box = page.locator('[data-action="search-input"]');
  await box.focus();
  await box.pressSequentially('dress');
  // A filter while words are typed (not applied): the controls change (a pressed chip), the box is the same element.
  await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.querySelector('[data-action="verified"]').click());
  await page.locator('[data-action="verified"][aria-pressed="true"]').waitFor();
  const state = () =>
    page.evaluate(() => {
      const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
      const input = root.querySelector('[data-action="search-input"]');
      return { controls: Boolean(root.querySelector('.v-controls').vouchTestMark), focused: root.activeElement === input, value: input.value, sort: root.querySelector('[data-action="sort"]').value };
    });
  assert.deepEqual(await state(), { controls: true, focused: true, value: 'dress', sort: 'newest' });
  // Applied: the box shows the search; "clear filters" empties it (rendered with another value).
  await box.press('Enter');
  await page.locator('.v-status', { hasText: /dress|Showing|No reviews/ }).waitFor();
  assert.equal((await state()).value, 'dress');
  await page.click('[data-action="clear"]');
  await page.locator('[data-action="verified"][aria-pressed="false"]').waitFor();
  const cleared = await state();
  assert.equal(cleared.value, '', 'cleared with the filters');
  assert.equal(cleared.controls, true, 'still the same controls, patched');
  // A sort chosen, then a filter: the select shows the chosen sort.
  await page.selectOption('[data-action="sort"]', 'highest');
  await page.locator('[data-action="sort"] option[value="highest"][selected]').waitFor({ state: 'attached' });
  await page.click('[data-action="media"]');
  await page.locator('[data-action="media"][aria-pressed="true"]').waitFor();
  assert.equal((await state()).sort, 'highest');
  assert.deepEqual(problems, []);
  await page.close();
});
