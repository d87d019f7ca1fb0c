// The widget on a hostile host page (Bootstrap 5 + rules written to break
// embeds) looks exactly as on a blank page, and the host page looks the same
// with and without the widget outside the widget's box.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { openPage, useFixtureServerAndBrowser } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

const KEY_ELEMENTS = ['.vouch', '.v-average-number', '.v-hist-row', '.v-chip', 'select[data-action="sort"]',
  'input[data-action="search-input"]', '.v-card', '.v-title', '.v-text', '.v-badge', '.v-primary', '.v-page', 'mark'];
const PROPERTIES = ['color', 'background-color', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing',
  'display', 'visibility', 'padding-top', 'padding-left', 'margin-top', 'border-top-width', 'border-top-style', 'width', 'height', 'filter'];

async function widgetPage(path) {
  const { page, problems } = await openPage(env.browser, env.server.url + path);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  // Same view on both pages, with a search match so <mark> is styled too.
  await page.fill('input[data-action="search-input"]', 'fabric');
  await page.press('input[data-action="search-input"]', 'Enter');
  await page.locator('.v-card mark').first().waitFor();
  await page.evaluate(() => document.activeElement.blur());
  await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.activeElement?.blur());
  return { page, problems };
}

function styles(page) {
  return page.evaluate(({ selectors, properties }) => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    const out = {};
    for (const selector of selectors) {
      const el = root.querySelector(selector);
      if (!el) {
        out[selector] = 'missing';
        continue;
      }
      const computed = getComputedStyle(el);
      out[selector] = Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)]));
    }
    return out;
  }, { selectors: KEY_ELEMENTS, properties: PROPERTIES });
}

function diffPixels(a, b) {
  const left = PNG.sync.read(a);
  const right = PNG.sync.read(b);
  assert.deepEqual([left.width, left.height], [right.width, right.height], 'screenshots differ in size');
  return pixelmatch(left.data, right.data, null, left.width, left.height, { threshold: 0.05 });
}

test('the widget looks the same on a hostile Bootstrap page as on a blank page', async () => {
  const { page: blank } = await widgetPage('/test-pages/widget.html');
  const { page: hostile, problems } = await widgetPage('/test-pages/hostile.html');
  const blankStyles = await styles(blank);
  assert.ok(Object.values(blankStyles).every((s) => s !== 'missing'), JSON.stringify(blankStyles));
  assert.deepEqual(await styles(hostile), blankStyles);
  const shotBlank = await blank.locator('[data-vouch-reviews]').screenshot();
  const shotHostile = await hostile.locator('[data-vouch-reviews]').screenshot();
  assert.equal(diffPixels(shotBlank, shotHostile), 0);
  assert.deepEqual(problems, []);
  await blank.close();
  await hostile.close();
});

test('the host page looks the same with and without the widget, outside its box', async () => {
  const { page: withWidget } = await widgetPage('/test-pages/hostile.html');
  const { page: without } = await openPage(env.browser, `${env.server.url}/test-pages/hostile-no-widget.html`);
  const hostStyles = (page) => page.evaluate(() => Object.fromEntries(['#host-title', '#host-lead', '#host-button', '#host-after', 'body'].map((s) => {
    const c = getComputedStyle(document.querySelector(s));
    return [s, ['color', 'font-family', 'font-size', 'display', 'margin-top', 'padding-top', 'letter-spacing', 'background-color'].map((p) => c.getPropertyValue(p)).join(';')];
  })));
  assert.deepEqual(await hostStyles(withWidget), await hostStyles(without));
  // Pixels above the widget's box are identical (both pages at the top: filling the search box scrolled one).
  for (const page of [withWidget, without]) await page.evaluate(() => window.scrollTo(0, 0));
  const box = await withWidget.locator('[data-vouch-reviews]').boundingBox();
  const clip = { x: 0, y: 0, width: 800, height: Math.floor(box.y) };
  assert.ok(clip.height > 50);
  assert.equal(diffPixels(await withWidget.screenshot({ clip }), await without.screenshot({ clip })), 0);
  // Below the box the host content is only moved, not restyled. The widget's height is
  // fractional, so the same move is made on the page without it (an empty block of that
  // height in its place) and the content is then compared pixel for pixel at the same place.
  const height = await withWidget.locator('[data-vouch-reviews]').evaluate((el) => el.getBoundingClientRect().height);
  await without.locator('[data-vouch-reviews]').evaluate((el, h) => { el.style.cssText = `display: block; margin: 0; padding: 0; height: ${h}px`; }, height);
  const [afterBox, afterBoxWithout] = await Promise.all([withWidget, without].map((page) => page.locator('#host-after').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [r.left + scrollX, r.top + scrollY, r.width, r.height];
  })));
  assert.deepEqual(afterBox, afterBoxWithout);
  // Whole pixel rows only: the row the widget's fractional bottom edge shares is inside its box.
  const [left, top, width, heightAfter] = afterBox;
  const rows = { x: Math.ceil(left), y: Math.ceil(top), width: Math.floor(width), height: Math.floor(top + heightAfter) - Math.ceil(top) };
  assert.ok(rows.height > 5);
  const after = await withWidget.screenshot({ clip: rows, fullPage: true });
  const afterWithout = await without.screenshot({ clip: rows, fullPage: true });
  assert.equal(diffPixels(after, afterWithout), 0);
  await withWidget.close();
  await without.close();
});
