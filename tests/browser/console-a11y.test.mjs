// axe-core over the console's pages on the real server: login, inbox, item
// detail, templates, team and the keyboard help dialog, at 1280 and 375 px,
// in English and Simplified Chinese (chosen by the browser's language): 0 violations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, runAxe } from './support/browser.mjs';
import { consolePage, login, startConsoleServer } from './support/console.mjs';

const OWNER = ['olivia', 'owner-password-0123'];
let server;
let browser;
let reviewId;

before(async () => {
  server = await startConsoleServer();
  server.userAdd(OWNER[0], 'owner', OWNER[1]);
  const review = await server.submit({
    product_id: 'linen-wrap-dress', rating: 2, title: 'Arrived late, seam torn',
    body: 'The parcel arrived a week late and the seam was torn. I asked for a refund.',
    author: 'Maria Keller', email: 'maria@example.com', language: 'en', consent: true,
  });
  reviewId = review.id ?? review.review?.id;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stopAll();
});

for (const locale of ['en-US', 'zh-CN']) {
  for (const width of [1280, 375]) {
    test(`axe: console pages at ${width} px, ${locale}`, async () => {
      const { page, context } = await consolePage(browser, `${server.url}/admin/`, { viewport: { width, height: 800 }, locale, bypassCSP: true });
      await page.locator('#login-name').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), locale === 'zh-CN' ? 'zh-CN' : 'en');
      assert.deepEqual(await runAxe(page), [], 'login');
      await login(page, ...OWNER);
      await page.locator('.rows li.row').first().waitFor();
      if (width === 375) await page.click('.sidebar-toggle'); // the filters too
      assert.deepEqual(await runAxe(page), [], 'inbox');
      await page.locator('main h1').click();
      await page.keyboard.press('?');
      await page.locator('dialog.help[open]').waitFor();
      assert.deepEqual(await runAxe(page), [], 'help dialog');
      await page.keyboard.press('Escape');
      await page.goto(`${server.url}/admin/#/item/${encodeURIComponent(reviewId)}`);
      await page.locator('article.item').waitFor();
      assert.deepEqual(await runAxe(page), [], 'item detail');
      await page.goto(`${server.url}/admin/#/templates`);
      await page.locator('.template-list a').first().waitFor();
      await page.locator('.template-list a').first().click();
      await page.locator('#template-body').waitFor();
      assert.deepEqual(await runAxe(page), [], 'templates');
      await page.goto(`${server.url}/admin/#/team`);
      await page.locator('table.team').waitFor();
      assert.deepEqual(await runAxe(page), [], 'team');
      // The skip link moves focus to the page and leaves the route alone.
      await page.focus('.skip');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => [document.activeElement.id, location.hash].join(' ')), 'main #/team');
      await context.close();
    });
  }
}
