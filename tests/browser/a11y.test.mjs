// axe-core over the widget in its main states, light and dark: 0 violations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, runAxe, useFixtureServerAndBrowser } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

for (const colorScheme of ['light', 'dark']) {
  test(`axe: list, filtered, form with errors, lightbox (${colorScheme})`, async () => {
    const { page } = await openPage(env.browser, `${env.server.url}/test-pages/widget.html`, { colorScheme });
    await page.locator('.v-card').first().waitFor({ timeout: 20000 });
    if (colorScheme === 'dark') {
      assert.equal(await page.locator('.vouch').first().evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(22, 23, 26)');
    }
    assert.deepEqual(await runAxe(page), [], 'list');

    await page.click('[data-action="stars"][data-value="5"]');
    await page.fill('input[data-action="search-input"]', 'linen');
    await page.press('input[data-action="search-input"]', 'Enter');
    await page.locator('.v-card mark').first().waitFor();
    assert.deepEqual(await runAxe(page), [], 'filtered');

    await page.click('[data-action="write"]');
    await page.click('form.v-form button[type="submit"]');
    await page.locator('[data-form-errors]:not(:empty)').waitFor();
    assert.deepEqual(await runAxe(page), [], 'form with errors');
    await page.click('[data-action="cancel"]');

    await page.click('[data-action="clear"]');
    await page.click('[data-action="media"]');
    await page.click('[data-action="photo"]');
    await page.locator('[data-lightbox]').waitFor({ state: 'visible' });
    assert.deepEqual(await runAxe(page), [], 'lightbox');
    await page.close();
  });
}
