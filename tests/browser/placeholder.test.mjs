// The foundation's browser checks: the widget's placeholder shows the version
// that came out of the wasm module, on the demo page and under a strict CSP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../node/support/core.mjs';
import { launchBrowser, openPage, startTestServer } from './support/browser.mjs';

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let browser;
let server;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function versionShownOn(path) {
  const { page, problems } = await openPage(browser, server.url + path);
  const placeholder = page.locator('.vouch-placeholder[data-vouch-version]');
  await placeholder.waitFor({ timeout: 15000 });
  const text = await placeholder.textContent();
  await page.close();
  return { text, problems };
}

test('demo page shows the version from the wasm core, with no console error', async () => {
  const { text, problems } = await versionShownOn('/');
  assert.match(text, new RegExp(`Vouch ${version.replaceAll('.', '\\.')}`));
  assert.deepEqual(problems, []);
});

test("strict CSP (script-src 'self' 'wasm-unsafe-eval', trusted types) still runs the core", async () => {
  const { text, problems } = await versionShownOn('/test-pages/strict-csp.html');
  assert.match(text, new RegExp(`Vouch ${version.replaceAll('.', '\\.')}`));
  assert.deepEqual(problems, []);
});

test("CSP without 'wasm-unsafe-eval' gets a readable fallback and a vouch:error event", async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__vouchErrors = [];
    document.addEventListener('vouch:error', (event) => window.__vouchErrors.push(event.detail.code));
  });
  await page.goto(server.url + '/test-pages/no-wasm-csp.html');
  const fallback = page.locator('.vouch-fallback');
  await fallback.waitFor({ timeout: 15000 });
  assert.match(await fallback.textContent(), /cannot be shown/);
  assert.deepEqual(await page.evaluate(() => window.__vouchErrors), ['wasm_failed']);
  await page.close();
});
