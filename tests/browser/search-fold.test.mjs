// Traditional -> Simplified search folding on demand (web/src/han-fold.js): the
// first render makes no request for vouch-han-fold.bin; reaching for the search
// box fetches it, and then a zh-TW shopper's 質量 finds a Simplified review with
// 质量. A query in the shared link's hash fetches it at load. When the fetch is
// refused, search still works (unfolded), a vouch:error says why, and the next
// focus tries again.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsonToBinary } from '../node/support/core.mjs';
import { useFixtureServerAndBrowser } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();
const FOLD = /\/vouch-han-fold\.bin$/;
const reviews = [
  { id: 'r1', rating: 5, title: '很满意', body: '质量很好，做工精细', created: '2026-01-01T00:00:00Z' },
  { id: 'r2', rating: 4, title: 'Nice', body: 'Lovely colour, fits well', created: '2026-01-02T00:00:00Z' },
  { id: 'r3', rating: 3, title: '一般', body: '价格有点贵', created: '2026-01-03T00:00:00Z' },
];

async function open(path = '/test-pages/search-fold.html', { refuseFold = false } = {}) {
  const json = JSON.stringify({ version: 1, product: { id: 'fold-demo', name: '連衣裙', url: '', image: '' }, reviews });
  writeFileSync(join(env.server.fixturesDir, 'search-fold.bin'), await jsonToBinary(new TextEncoder().encode(json)));
  const page = await env.browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    window.vouchErrors = [];
    document.addEventListener('vouch:error', (event) => window.vouchErrors.push(event.detail));
  });
  if (refuseFold) await page.route(FOLD, (route) => route.abort('connectionrefused'));
  await page.goto(env.server.url + path);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  return { page, requests, problems };
}

const foldRequests = (requests) => requests.filter((url) => FOLD.test(url)).length;
const cardIds = (page) => page.locator('.v-card').evaluateAll((cards) => cards.map((c) => c.dataset.id));
/** Types a query, submits it and waits until the list shows `expected` ids. */
async function search(page, text, expected) {
  await page.fill('input[data-action="search-input"]', text);
  await page.press('input[data-action="search-input"]', 'Enter');
  await page.waitForFunction(
    (want) => {
      const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
      return JSON.stringify([...root.querySelectorAll('.v-card')].map((c) => c.dataset.id)) === want;
    },
    JSON.stringify(expected),
    { timeout: 10000 },
  );
  return cardIds(page);
}

test('the first render fetches no fold table; focusing search does, and 質量 finds 质量', async () => {
  const { page, requests, problems } = await open();
  assert.deepEqual(await cardIds(page), ['r3', 'r2', 'r1']);
  assert.equal(foldRequests(requests), 0, 'the first render asks for no vouch-han-fold.bin');
  const fetched = page.waitForResponse(FOLD);
  await page.focus('input[data-action="search-input"]');
  assert.equal((await fetched).status(), 200);
  assert.deepEqual(await search(page, '質量', ['r1']), ['r1']);
  assert.match(await page.locator('.v-card mark').first().textContent(), /质量/);
  assert.deepEqual(await search(page, '價格', ['r3']), ['r3']);
  assert.equal(foldRequests(requests), 1, 'fetched once');
  assert.deepEqual(await page.evaluate(() => window.vouchErrors), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a query in the hash at load fetches the table and shows folded results', async () => {
  const { page, requests } = await open(`/test-pages/search-fold.html#vouch=fold-demo&q=${encodeURIComponent('質量')}`);
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    const ids = [...root.querySelectorAll('.v-card')].map((c) => c.dataset.id);
    return ids.length === 1 && ids[0] === 'r1';
  }, null, { timeout: 10000 });
  assert.equal(foldRequests(requests), 1);
  await page.close();
});

test('a refused fetch: search still works unfolded, vouch:error says so, the next focus retries', async () => {
  const { page, requests, problems } = await open('/test-pages/search-fold.html', { refuseFold: true });
  await page.focus('input[data-action="search-input"]');
  await page.waitForFunction(() => window.vouchErrors.length > 0, null, { timeout: 10000 });
  const [error] = await page.evaluate(() => window.vouchErrors);
  assert.equal(error.code, 'search_fold_unavailable');
  assert.equal(error.product, 'fold-demo');
  assert.match(error.message, /vouch-han-fold\.bin/);
  // Search works, without Traditional -> Simplified folding.
  assert.deepEqual(await search(page, '质量', ['r1']), ['r1']);
  assert.deepEqual(await search(page, '質量', []), []);
  // The network is back: the next focus fetches again, and the shown search folds.
  await page.unroute(FOLD);
  await page.focus('select[data-action="sort"]');
  const fetched = page.waitForResponse(FOLD);
  await page.focus('input[data-action="search-input"]');
  assert.equal((await fetched).status(), 200);
  assert.deepEqual(await search(page, '質量', ['r1']), ['r1']);
  assert.equal(foldRequests(requests), 2, 'one refused, one retried');
  assert.equal((await page.evaluate(() => window.vouchErrors)).length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});
