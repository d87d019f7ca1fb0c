// Strict CSP with Trusted Types, CSP without WebAssembly, and the Big List of
// Naughty Strings rendered as title, body, author and reply: nothing executes
// and every string comes back as the same text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sharedDataOrSkip } from '../node/support/core.mjs';
import { writeNaughtyFixture } from './support/fixtures.mjs';
import { launchBrowser, openPage, startFixtureServer, cardsParsed } from './support/browser.mjs';

let browser;
let server;
let fixturesDir;

before(async () => {
  server = await startFixtureServer();
  fixturesDir = server.fixturesDir;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("strict CSP (script-src 'self' 'wasm-unsafe-eval', Trusted Types required) runs with no error", async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/test-pages/strict-csp.html`);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  // Interact: every re-render goes through the Trusted Types policy.
  await page.click('[data-action="stars"][data-value="4"]');
  await page.click('[data-action="write"]');
  await page.locator('form.v-form').waitFor({ state: 'visible' });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  // Trusted Types are really enforced on this page (a raw string in an HTML sink throws),
  // so the rendered markup can only have come through the widget's policy.
  const rawSink = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>raw</b>';
      return 'accepted';
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(rawSink, 'TypeError');
  await cardsParsed(page);
  assert.ok((await page.locator('.v-card').count()) > 0);
  await page.close();
});

test("CSP without 'wasm-unsafe-eval' gets a readable fallback with a link and a vouch:error event", async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__vouchErrors = [];
    document.addEventListener('vouch:error', (event) => window.__vouchErrors.push(event.detail.code));
  });
  await page.goto(`${server.url}/test-pages/no-wasm-csp.html`);
  const fallback = page.locator('.vouch-fallback');
  await fallback.waitFor({ timeout: 20000 });
  assert.match(await fallback.textContent(), /Reviews cannot be shown in this browser right now\./);
  assert.equal(await fallback.locator('a').getAttribute('href'), `${server.url}/reviews/demo-linen-dress.html`);
  assert.deepEqual(await page.evaluate(() => window.__vouchErrors), ['wasm_failed']);
  await page.close();
});

test("CSP without 'wasm-unsafe-eval' after a first render: the reviews stay readable, the controls that need the engine go, a link takes their place", async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__vouchErrors = [];
    document.addEventListener('vouch:error', (event) => window.__vouchErrors.push(event.detail.code));
  });
  await page.goto(`${server.url}/test-pages/no-wasm-csp-first.html`);
  const link = page.locator('.vouch-fallback a');
  await link.waitFor({ timeout: 20000 });
  assert.equal(await link.textContent(), 'Read the reviews');
  assert.equal(await link.getAttribute('href'), `${server.url}/reviews/demo-linen-dress.html`);
  await cardsParsed(page);
  assert.equal(await page.locator('.v-card').count(), 10);
  assert.equal(await page.locator('.v-controls').isVisible(), false);
  assert.equal(await page.locator('[data-action="vote"]').first().isVisible(), false);
  assert.deepEqual(await page.evaluate(() => window.__vouchErrors), ['wasm_failed']);
  await page.close();
});

test('naughty strings as title, body, author and reply execute nothing and round-trip as text', async (t) => {
  const blns = sharedDataOrSkip(t, 'conformance/naughty_strings/blns.json');
  if (!blns) return;
  const strings = await writeNaughtyFixture(fixturesDir, blns, `${server.url}/fixtures`);
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__executed = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => window.__executed.push(`${name}(${args.join(',')})`);
    }
    document.addEventListener('securitypolicyviolation', (event) => window.__executed.push(`csp ${event.violatedDirective}`));
  });
  page.on('dialog', (dialog) => {
    page.evaluate((m) => window.__executed.push(`dialog ${m}`), dialog.message()).catch(() => {});
    dialog.dismiss().catch(() => {});
  });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.url}/test-pages/naughty.html`);
  await page.locator('.v-card').first().waitFor({ timeout: 20000 });
  await page.selectOption('select[data-action="sort"]', 'oldest'); // index order: n0, n1, ...
  const seen = [];
  for (let pageNo = 0; seen.length < strings.length; pageNo += 1) {
    if (pageNo > 0) await page.click(`.v-pager [data-action="page"][data-value="${pageNo}"]`);
    const cards = await page.locator('.v-card').evaluateAll((nodes) => nodes.map((card) => {
      const full = card.querySelector('[data-part="full"]') || card.querySelector('.v-body .v-text');
      return {
        id: card.dataset.id,
        title: card.querySelector('.v-title')?.textContent ?? '',
        body: full.textContent,
        author: card.querySelector('.v-author').textContent,
        reply: card.querySelector('.v-reply .v-text').textContent,
      };
    }));
    assert.ok(cards.length > 0, `page ${pageNo} is empty`);
    seen.push(...cards);
  }
  // Let anything that would fire late (onerror of a broken image, timers) fire.
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__executed), []);
  assert.deepEqual(problems, []);
  const byId = new Map(seen.map((card) => [card.id, card]));
  let compared = 0;
  strings.forEach((text, i) => {
    const card = byId.get(`n${i}`);
    assert.ok(card, `n${i} not shown`);
    // NUL cannot survive HTML parsing; the renderer shows it as U+FFFD on purpose.
    const expected = text.replace(/\0/g, '\uFFFD');
    assert.deepEqual(
      { title: card.title, body: card.body, author: card.author, reply: card.reply },
      { title: expected, body: expected, author: expected, reply: expected },
      `string ${i}: ${JSON.stringify(text)}`,
    );
    compared += 1;
  });
  assert.equal(compared, strings.length);
  await page.close();
});
