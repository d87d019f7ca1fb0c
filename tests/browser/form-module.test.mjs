// The form module (vouch-form.js + vouch-form.wasm) is not part of the first
// render: it is fetched when a shopper reaches for "Write a review", and a
// failure to fetch it is explained and can be retried.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useFixtureServerAndBrowser, cardsParsed } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

/** Opens a page, recording the path of every request from the start. */
async function openRecorded(path) {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(env.server.url + path);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  return { page, requested, problems };
}

test('the first render fetches vouch.js, vouch-core.wasm and the snapshot; the form module comes on intent', async () => {
  const { page, requested, problems } = await openRecorded('/test-pages/binary.html');
  assert.ok(requested.includes('/dist/vouch.js'));
  assert.ok(requested.includes('/dist/vouch-core.wasm'));
  assert.ok(requested.includes('/fixtures/demo-linen-dress.bin'));
  assert.deepEqual(requested.filter((p) => p.includes('vouch-form')), [], 'no form module before the shopper asks');
  // The button names the slot that the form will fill.
  const controls = await page.getAttribute('[data-action="write"]', 'aria-controls');
  assert.equal(await page.locator(`#${controls}`).getAttribute('data-form-slot'), '');

  // Hovering the button is enough to start fetching (before the click lands).
  const formWasm = page.waitForRequest((r) => r.url().endsWith('/dist/vouch-form.wasm'));
  await page.hover('[data-action="write"]');
  await formWasm;
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
  assert.equal(await page.getAttribute('[data-action="write"]', 'aria-expanded'), 'true');
  assert.equal(await page.locator('form.v-form').getAttribute('id'), controls);
  assert.equal(await page.locator('[data-form-slot]').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement.name), 'rating');
  // The validator of the form module runs as the shopper types.
  await page.fill('form.v-form textarea[name="body"]', 'Too short');
  await page.locator('form.v-form textarea[name="body"]').blur();
  await page.locator('[data-error-for="body"]:not(:empty)').waitFor();
  assert.match(await page.locator('[data-error-for="body"]').textContent(), /\d/);
  assert.match(await page.locator('[data-count-for="body"]').textContent(), /9/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('when the form module cannot be fetched the shopper is told, and the next click tries again', async () => {
  const { page } = await openPage(env.browser, `${env.server.url}/test-pages/binary.html`);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  await page.evaluate(() => {
    window.vouchErrors = [];
    document.querySelector('[data-vouch-reviews]').addEventListener('vouch:error', (event) => window.vouchErrors.push(event.detail));
  });
  await page.route('**/dist/vouch-form.js', (route) => route.abort('connectionrefused'));
  await page.click('[data-action="write"]');
  await page.locator('[data-live]').filter({ hasText: 'could not be loaded' }).waitFor();
  assert.equal(await page.locator('[data-live]').textContent(), 'The review form could not be loaded. Please try again.');
  const errors = await page.evaluate(() => window.vouchErrors);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, 'form_unavailable');
  assert.match(errors[0].message, /vouch-form\.js/);
  assert.equal(await page.getAttribute('[data-action="write"]', 'aria-expanded'), 'false');
  assert.equal(await page.locator('form.v-form').count(), 0);
  // The reviews are still usable, and the network coming back is enough.
  await cardsParsed(page);
  assert.ok((await page.locator('.v-card').count()) > 0);
  await page.unroute('**/dist/vouch-form.js');
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
  assert.equal(await page.getAttribute('[data-action="write"]', 'aria-expanded'), 'true');
  await page.close();
});

test('a JSON snapshot without the form module beside vouch.js: readable fallback and a clear vouch:error', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route('**/dist/vouch-form.js*', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto(`${env.server.url}/test-pages/elements.html`);
  await page.waitForFunction(() => window.Vouch && window.Vouch.mount);
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const target = document.body.insertBefore(document.createElement('div'), document.body.firstChild);
    target.id = 'json';
    target.addEventListener('vouch:error', (event) => resolve(event.detail), { once: true });
    // pageSize 5: not the static first response's view, so the JSON is read before anything shows.
    window.Vouch.mount(target, { product: 'demo-linen-dress', snapshot: '/fixtures/demo-linen-dress.json', pageSize: 5 });
  }));
  assert.equal(detail.code, 'json_reader_unavailable');
  assert.match(detail.message, /this snapshot is JSON, which vouch-form\.js reads/);
  assert.match(detail.message, /\.bin snapshot/);
  assert.ok(await page.locator('#json .vouch-fallback').isVisible());
  // The same page with the binary snapshot needs no form module at all.
  const ok = await page.evaluate(() => new Promise((resolve) => {
    const target = document.body.insertBefore(document.createElement('div'), document.body.firstChild);
    target.addEventListener('vouch:ready', (event) => resolve(event.detail.reviews), { once: true });
    target.addEventListener('vouch:error', (event) => resolve(event.detail.code), { once: true });
    window.Vouch.mount(target, { product: 'demo-linen-dress', snapshot: '/fixtures/demo-linen-dress.bin' });
  }));
  assert.equal(ok, 48);
  assert.deepEqual(problems, []);
  await page.close();
});

test('an update() while a JSON snapshot waits for its reader wins: the late load touches nothing', async () => {
  const page = await env.browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route('**/dist/vouch-form.js*', async (route) => {
    await held; // the JSON load stays pending until the newer load has rendered
    await route.continue();
  });
  // binary.html's own widget reads a .bin snapshot: the only JSON reader request is ours.
  await page.goto(`${env.server.url}/test-pages/binary.html`);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  const formRequested = page.waitForRequest((r) => r.url().includes('/dist/vouch-form.js'));
  await page.evaluate(() => {
    const target = document.body.insertBefore(document.createElement('div'), document.body.firstChild);
    target.id = 'race';
    window.readyCounts = [];
    target.addEventListener('vouch:ready', (event) => window.readyCounts.push(event.detail.reviews));
    // pageSize 5: no first response for this view, so the load waits for the JSON reader.
    window.raceHandle = window.Vouch.mount(target, { product: 'demo-linen-dress', snapshot: '/fixtures/demo-linen-dress.json', pageSize: 5 });
  });
  await formRequested; // the JSON load now waits for its reader
  await page.evaluate(() => window.raceHandle.update({ product: 'empty', snapshot: '/fixtures/empty.bin' }));
  await page.waitForFunction(() => window.readyCounts.length === 1);
  release();
  await page.waitForResponse((r) => r.url().includes('/dist/vouch-form.wasm'));
  await page.waitForTimeout(500); // time for the stale load to (not) land
  assert.deepEqual(await page.evaluate(() => window.readyCounts), [0]);
  // Re-render from the Store (new options, same data source): it must still hold the newer snapshot.
  await page.evaluate(() => window.raceHandle.update({ theme: 'dark' }));
  await page.locator('#race .vouch[data-theme="dark"]').waitFor();
  assert.equal(await page.locator('#race .v-card').count(), 0);
  assert.match(await page.locator('#race .v-summary').textContent(), /0 reviews|No reviews/i);
  assert.deepEqual(problems, []);
  await page.close();
});
