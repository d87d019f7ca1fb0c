// The three ways to embed: the script tag (other tests), the custom elements,
// and window.Vouch.mount() with update() and destroy(); options, locales,
// themes and the DOM events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, useFixtureServerAndBrowser, cardsParsed } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

test('<vouch-reviews> takes its options from attributes: page language, dark theme, "show more"', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['vouch:ready', 'vouch:query', 'vouch:error']) {
      document.addEventListener(name, (event) => window.__events.push([name, event.detail.product]));
    }
  });
  await page.goto(`${env.server.url}/test-pages/elements.html`);
  const element = page.locator('#reviews');
  await element.locator('.v-card').first().waitFor({ timeout: 20000 });
  // <html lang="de">: German labels and decimal comma.
  assert.match(await element.locator('.v-count').textContent(), /^48 Bewertungen$/);
  assert.match(await element.locator('.v-average-number').textContent(), /^\d,\d$/);
  await cardsParsed(page);
  assert.equal(await element.locator('.v-card').count(), 3);
  await element.locator('[data-action="more"]').click();
  await cardsParsed(page);
  assert.equal(await element.locator('.v-card').count(), 6);
  assert.equal(await element.locator('.v-status').textContent(), '1–6 von 48');
  const background = await element.locator('.vouch').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, 'rgb(22, 23, 26)');
  // Dates are formatted in the page's locale from the core's ISO dates.
  assert.match(await element.locator('.v-card time').first().textContent(), /^\d{1,2}\. \p{L}+ \d{4}$/u);
  // Changing an attribute updates the widget.
  await page.evaluate(() => document.querySelector('#reviews').setAttribute('locale', 'ja'));
  await element.locator('.v-count', { hasText: '48件のレビュー' }).waitFor();
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.filter(([name]) => name === 'vouch:ready'), [['vouch:ready', 'demo-linen-dress']]);
  assert.ok(events.filter(([name]) => name === 'vouch:query').length >= 3);
  assert.deepEqual(events.filter(([name]) => name === 'vouch:error'), []);
  await page.close();
});

test('Vouch.mount() returns update() and destroy(); destroy frees the store and empties the box', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}/test-pages/elements.html`);
  await page.waitForFunction(() => window.Vouch && window.Vouch.mount);
  const readyDetail = await page.evaluate(() => new Promise((resolve) => {
    const target = document.querySelector('#mount-here');
    target.addEventListener('vouch:ready', (event) => resolve(event.detail), { once: true });
    window.__handle = window.Vouch.mount(target, { product: 'demo-linen-dress', snapshot: '/fixtures/demo-linen-dress.json', locale: 'zh-TW', pageSize: 4, theme: 'light', hashState: false });
  }));
  assert.equal(readyDetail.reviews, 48);
  const mounted = page.locator('#mount-here');
  assert.match(await mounted.locator('.v-count').textContent(), /48 則評論/);
  await page.evaluate(() => window.__handle.update({ locale: 'es', pageSize: 2 }));
  await mounted.locator('.v-count', { hasText: '48 reseñas' }).waitFor();
  // Cards below the screen are parsed after the next paint (web/src/card-slots.js).
  await mounted.locator('.v-card').nth(1).waitFor();
  assert.equal(await mounted.locator('.v-card').count(), 2);
  const left = await page.evaluate(() => {
    window.__handle.destroy();
    return document.querySelector('#mount-here').shadowRoot.childElementCount;
  });
  assert.equal(left, 0);
  // Bad options: a readable error, not a crash.
  const error = await page.evaluate(() => {
    try {
      window.Vouch.mount(document.body.appendChild(document.createElement('div')), { product: 'x', snapshot: '/f.json', pageSize: 0 });
      return 'mounted';
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  });
  assert.equal(error, 'mounted'); // mount never throws for bad options: it shows the fallback and fires vouch:error
  assert.deepEqual(problems, []);
  await page.close();
});

test('a missing snapshot shows the readable fallback and fires vouch:error', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.server.url}/test-pages/elements.html`);
  await page.waitForFunction(() => window.Vouch && window.Vouch.mount);
  const detail = await page.evaluate(() => new Promise((resolve) => {
    // At the top of the page: the widget loads only near the viewport.
    const target = document.body.insertBefore(document.createElement('div'), document.body.firstChild);
    target.id = 'missing';
    target.addEventListener('vouch:error', (event) => resolve(event.detail), { once: true });
    window.Vouch.mount(target, { product: 'missing', snapshot: '/fixtures/missing.json', reviewsUrl: 'https://shop.example.com/reviews' });
  }));
  assert.equal(detail.code, 'snapshot_http');
  assert.match(detail.message, /HTTP 404/);
  const fallback = page.locator('#missing .vouch-fallback');
  // elements.html is <html lang="de">: the fallback speaks the page's language.
  assert.match(await fallback.textContent(), /^Bewertungen können in diesem Browser gerade nicht angezeigt werden\./);
  assert.equal(await fallback.locator('a').textContent(), 'Bewertungen lesen');
  assert.equal(await fallback.locator('a').getAttribute('href'), 'https://shop.example.com/reviews');
  await page.close();
});
