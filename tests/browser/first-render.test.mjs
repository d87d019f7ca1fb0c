// Issue 19: the first render comes from the product's small first response
// (here a static store's <snapshot>.first-<locale>.json, written by
// `vouch-server first-render`), before the wasm and the full snapshot; the
// page never moves (CLS 0.00, PerformanceObserver layout-shift) with the widget
// in the first screen, below it, and when the shopper scrolls to it before it
// loaded, throttled too; a store's reservation works; and markup that is not
// the core's is never adopted.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useFixtureServerAndBrowser } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();
const page = (query) => `${env.server.url}/test-pages/first-render.html?${query}`;

/** A fresh page; `throttle` = the mobile profile by CDP (150 ms, 1.6 Mbit/s, CPU ×4). */
async function open(query, { throttle = false, viewport } = {}) {
  const tab = await env.browser.newPage({ viewport: viewport || { width: 1000, height: 900 } });
  const problems = [];
  tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  tab.on('pageerror', (error) => problems.push(error.message));
  const requests = [];
  tab.on('request', (request) => requests.push(request.url().replace(/^.*\//, '')));
  if (throttle) {
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await tab.goto(page(query));
  await tab.waitForFunction(() => window.probe.readyAt !== null, null, { timeout: 60000 });
  await tab.waitForTimeout(throttle ? 2500 : 1000); // late shifts land here
  return { tab, problems, requests };
}

const cls = (tab) => tab.evaluate(() => window.probe.shifts.reduce((sum, value) => sum + value, 0));

test('the first render is the first response: reviews on screen before the wasm or the snapshot is fetched', async () => {
  const { tab, problems } = await open('reserve=100vh');
  const atReady = await tab.evaluate(() => window.probe.resourcesAtReady);
  assert.ok(atReady.includes('demo-linen-dress.first-en.json'), `fetched before ready: ${atReady}`);
  assert.ok(!atReady.includes('vouch-core.wasm'), `the wasm came before the first render: ${atReady}`);
  assert.ok(!atReady.includes('demo-linen-dress.bin'), `the full snapshot came before the first render: ${atReady}`);
  const host = tab.locator('[data-vouch-reviews]');
  assert.equal(await host.locator('.v-card').count(), 10);
  assert.match(await host.locator('.v-count').textContent(), /^48 reviews$/);
  const ready = await tab.evaluate(() => window.probe.ready);
  assert.equal(ready.reviews, 48);
  assert.match(ready.version, /^\d+\.\d+\.\d+/);
  // The ids are the widget's own (the served prefix renamed), so labels still point at their controls.
  assert.equal(await host.locator('label[for="vouch1-sort"]').count(), 1);
  assert.equal(await host.locator('#vouch1-sort').count(), 1);
  assert.equal(await host.locator('[aria-controls="vouch1-form"]').count(), 1);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('after the engine loads, the wasm renders the same markup the first response had', async () => {
  const { tab, problems, requests } = await open('reserve=100vh');
  const host = tab.locator('[data-vouch-reviews]');
  const adopted = await host.evaluate((el) => el.shadowRoot.querySelector('[data-region="view"]').innerHTML);
  // A filter before the snapshot is there: the widget fetches it, then filters.
  await host.locator('.v-hist-row[data-value="5"]').click();
  await tab.waitForFunction(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    return root.querySelector('[data-action="clear"]') !== null;
  });
  const cards = await host.locator('.v-card').evaluateAll((list) => list.map((card) => card.querySelector('.v-stars').getAttribute('aria-label')));
  assert.ok(cards.length > 0 && cards.every((label) => label.startsWith('5')), `5-star filter: ${cards}`);
  assert.ok(requests.includes('vouch-core.wasm') && requests.includes('demo-linen-dress.bin'), `engine requests: ${requests}`);
  await host.locator('[data-action="clear"]').click();
  await host.locator('[data-action="clear"]').waitFor({ state: 'detached' });
  const rendered = await host.evaluate((el) => el.shadowRoot.querySelector('[data-region="view"]').innerHTML);
  // ("Clear" moved focus to the status line, which the core renders focusable: the same markup.)
  assert.equal(rendered, adopted);
  assert.deepEqual(problems, []);
  await tab.close();
});

for (const [name, query, options] of [
  ['in the first screen (space reserved as docs/embedding.md says)', 'reserve=100vh', {}],
  ['below the first screen', 'below', {}],
  ['scrolled to before it loaded', 'scroll', {}],
  ['scrolled to before it loaded, throttled mobile', 'scroll', { throttle: true, viewport: { width: 412, height: 823 } }],
  ['in the first screen, throttled mobile (space reserved)', 'reserve=100vh', { throttle: true, viewport: { width: 412, height: 823 } }],
]) {
  test(`CLS 0.00 with the widget ${name}`, async () => {
    const { tab, problems } = await open(query, options);
    const shifts = await tab.evaluate(() => window.probe.shifts);
    assert.equal(await cls(tab), 0, `layout shifts: ${JSON.stringify(shifts)}`);
    assert.equal(await tab.locator('[data-vouch-reviews] .v-card').count(), 10);
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

for (const [name, query] of [['min-height on [data-vouch-reviews]', 'reserve=6000px&tail'], ['height on [data-vouch-reviews]', 'reserve-height=6000px&tail']]) {
  test(`a store's reservation works: ${name} holds the page still, then lets go off screen`, async () => {
    const { tab } = await open(query);
    const host = tab.locator('[data-vouch-reviews]');
    // Held at least as tall as reserved while on screen (the rendered widget is shorter than 6000 px here)...
    const held = await host.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(held >= 6000, `held ${held}px`);
    assert.equal(await cls(tab), 0);
    // ...and its natural height once the shopper has scrolled past it.
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tab.waitForFunction(() => document.querySelector('[data-vouch-reviews]').getBoundingClientRect().height < 6000);
    await tab.close();
  });
}

test('markup the core never writes is not adopted: the widget renders from the wasm instead', async () => {
  const dir = env.server.fixturesDir;
  copyFileSync(join(dir, 'demo-linen-dress.bin'), join(dir, 'tampered.bin'));
  const first = JSON.parse(readFileSync(join(dir, 'demo-linen-dress.first-en.json'), 'utf8'));
  first.html = first.html.replace('<ol class="v-list">', '<ol class="v-list"><img src="x" onerror="window.__pwned = 1">');
  writeFileSync(join(dir, 'tampered.first-en.json'), JSON.stringify(first));
  const { tab, problems, requests } = await open('reserve=100vh&snapshot=tampered.bin');
  assert.equal(await tab.evaluate(() => window.__pwned), undefined);
  assert.ok(requests.includes('tampered.first-en.json'));
  const atReady = await tab.evaluate(() => window.probe.resourcesAtReady);
  assert.ok(atReady.includes('vouch-core.wasm') && atReady.includes('tampered.bin'), `rendered by the wasm: ${atReady}`);
  assert.equal(await tab.locator('[data-vouch-reviews] .v-card').count(), 10);
  assert.equal(await tab.locator('[data-vouch-reviews] img[onerror]').count(), 0);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await tab.close();
});

test('a static store without first responses still works (the wasm and the snapshot first, as before)', async () => {
  const dir = env.server.fixturesDir;
  copyFileSync(join(dir, 'demo-linen-dress.bin'), join(dir, 'no-first.bin'));
  const { tab } = await open('reserve=100vh&snapshot=no-first.bin');
  assert.equal(await tab.locator('[data-vouch-reviews] .v-card').count(), 10);
  const atReady = await tab.evaluate(() => window.probe.resourcesAtReady);
  assert.ok(atReady.includes('vouch-core.wasm') && atReady.includes('no-first.bin'));
  await tab.close();
});

test('a view other than the export\'s default (page size 4) loads the engine first and renders it', async () => {
  const { tab } = await open('reserve=100vh&pagesize=4');
  assert.equal(await tab.locator('[data-vouch-reviews] .v-card').count(), 4);
  const atReady = await tab.evaluate(() => window.probe.resourcesAtReady);
  assert.ok(!atReady.some((name) => name.includes('.first-')), `no first response asked for: ${atReady}`);
  await tab.close();
});

test('actions taken while the snapshot loads run in order once it is there (a filter, then a search)', async () => {
  const { tab, problems } = await open('reserve=100vh', { throttle: true });
  const host = tab.locator('[data-vouch-reviews]');
  await host.locator('.v-hist-row[data-value="5"]').click();
  await host.locator('input[data-action="search-input"]').fill('linen');
  await host.locator('input[data-action="search-input"]').press('Enter');
  await host.locator('.v-card mark').first().waitFor({ timeout: 60000 });
  const labels = await host.locator('.v-card').evaluateAll((cards) => cards.map((card) => card.querySelector('.v-stars').getAttribute('aria-label')));
  assert.ok(labels.length > 0 && labels.every((label) => label.startsWith('5 ')), `5 stars and "linen": ${labels}`);
  assert.equal(await host.locator('input[data-action="search-input"]').inputValue(), 'linen');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('words typed while a filter waits for the snapshot stay in the search box when the filter lands', async () => {
  const { tab, problems } = await open('reserve=100vh');
  // The full snapshot is held until the shopper has typed: the filter's re-render
  // (which replaces the controls) then comes between typing and Enter.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await tab.route('**/*.bin', async (route) => { await held; await route.continue(); });
  const host = tab.locator('[data-vouch-reviews]');
  await host.locator('.v-hist-row[data-value="5"]').click();
  await host.locator('input[data-action="search-input"]').fill('linen');
  release();
  await host.locator('.v-hist-row[data-value="5"][aria-pressed="true"]').waitFor({ timeout: 30000 });
  assert.equal(await host.locator('input[data-action="search-input"]').inputValue(), 'linen', 'the typed words survive the re-render');
  await host.locator('input[data-action="search-input"]').press('Enter');
  await host.locator('.v-card mark').first().waitFor({ timeout: 30000 });
  const labels = await host.locator('.v-card').evaluateAll((cards) => cards.map((card) => card.querySelector('.v-stars').getAttribute('aria-label')));
  assert.ok(labels.length > 0 && labels.every((label) => label.startsWith('5 ')), `5 stars and "linen": ${labels}`);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('"Write a review" clicked while the core loads opens the form, though a filter re-renders the shell meanwhile', async () => {
  // This store's own facts differ from the export's: the engine re-renders the shell (and
  // its write button) when it loads. The core is held until both clicks are queued.
  const { tab, problems } = await open(`reserve=100vh&api&config=${encodeURIComponent('{"moderates_before_publishing":false}')}`);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await tab.route('**/vouch-core.wasm', async (route) => { await held; await route.continue(); });
  const host = tab.locator('[data-vouch-reviews]');
  await host.locator('[data-action="write"]').click();
  await host.locator('.v-hist-row[data-value="5"]').click();
  release();
  await host.locator('.v-hist-row[data-value="5"][aria-pressed="true"]').waitFor({ timeout: 30000 });
  await host.locator('form.v-form').waitFor({ state: 'visible', timeout: 30000 });
  assert.equal(await host.locator('[data-action="write"]').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a form the shopper is typing in survives the re-render of the shell when the engine loads', async () => {
  const { tab, problems } = await open(`reserve=100vh&api&config=${encodeURIComponent('{"moderates_before_publishing":false}')}`);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await tab.route('**/*.bin', async (route) => { await held; await route.continue(); });
  const host = tab.locator('[data-vouch-reviews]');
  await host.locator('[data-action="write"]').click();
  await host.locator('form.v-form').waitFor({ state: 'visible', timeout: 30000 });
  await host.locator('textarea[name="body"]').fill('The linen softened after two washes.');
  await host.locator('.v-hist-row[data-value="5"]').dispatchEvent('click'); // the snapshot loads; the typing goes on
  await host.locator('textarea[name="body"]').press('End');
  release();
  await host.locator('.v-hist-row[data-value="5"][aria-pressed="true"]').waitFor({ timeout: 30000 });
  assert.equal(await host.locator('form.v-form').isVisible(), true, 'the open form is still there');
  assert.equal(await host.locator('textarea[name="body"]').inputValue(), 'The linen softened after two washes.');
  assert.equal(await host.locator('[data-action="write"]').getAttribute('aria-expanded'), 'true');
  assert.equal(await tab.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement?.getAttribute('name')), 'body', 'focus stays in the field');
  assert.deepEqual(problems, []);
  await tab.close();
});
