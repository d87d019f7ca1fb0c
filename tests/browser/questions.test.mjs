// The widget's Questions section (issue 17) in Chromium, against a static
// questions file (data-questions) beside the fixture snapshot, with data-api
// set so the forms are offered: the Q&A module loads only when the section
// nears the viewport; search highlights answers; the three sorts; the ask
// form's errors come from the core's validator in the browser; the answer
// form opens from a signed answer link; axe-core finds nothing with the
// section and a form open; naughty strings as questions and answers execute
// nothing. The POST paths against a real vouch-server (a buyer's answer link,
// refused tokens, moderation, badges): questions-server.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openPage, runAxe, useFixtureServerAndBrowser } from './support/browser.mjs';
import { sharedDataPath } from '../node/support/core.mjs';

const env = useFixtureServerAndBrowser();

const answer = (id, text, helpful, badge, created = '2026-11-02T10:00:00Z') => ({ id, text, author: 'Ana', badge, created, helpful });
const question = (id, text, created, answers) => ({ id, text, author: 'Bo', created, url: `/q/${id}`, answers });

function writeQuestions(name, questions) {
  writeFileSync(join(env.server.fixturesDir, name), JSON.stringify({ version: 1, product_id: 'demo-linen-dress', count: questions.length, questions }));
}

function writePage(name, questionsFile, extra = '') {
  writeFileSync(join(env.server.fixturesDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Questions</title></head>
<body style="margin:0;padding:20px;width:760px"><main><h1>Linen dress</h1><h2>Customer reviews</h2><div data-vouch-reviews></div></main>
<script src="/dist/vouch.js" data-product="demo-linen-dress" data-api="/" data-snapshot="/fixtures/demo-linen-dress.json" data-questions="/fixtures/${questionsFile}" data-page-size="10" data-hash-state="false" ${extra} async></script>
</body></html>`);
}

const shadow = (page, selector) => page.locator(`[data-vouch-reviews] >> ${selector}`);

test('the section loads near the viewport; search, sorts, badges, ask form errors, answer link, axe', async () => {
  writeQuestions('qa.json', [
    question('q1', 'Is the linen thick?', '2026-11-01T00:00:00Z', [answer('a1', 'Thick and warm enough for spring.', 9, 'verified_buyer')]),
    question('q2', 'Does it run small?', '2026-11-03T00:00:00Z', [answer('a2', 'True to size.', 0, 'store')]),
    question('q3', 'Machine washable?', '2026-11-02T00:00:00Z', [answer('a3', 'Cold wash.', 1, 'none'), answer('a4', 'Yes, gentle cycle.', 0, 'none')]),
  ]);
  writePage('qa.html', 'qa.json');
  const { page } = await openPage(env.browser, `${env.server.url}/fixtures/qa.html`, { viewport: { width: 800, height: 400 } });
  const qaRequests = [];
  page.on('request', (request) => {
    if (/vouch-qa\.(js|wasm)|qa\.json/.test(request.url())) qaRequests.push(request.url());
  });
  await shadow(page, '.v-card').first().waitFor({ timeout: 20000 });
  const region = shadow(page, '[data-region="questions"]');
  await region.waitFor({ state: 'attached' });
  const distance = await region.evaluate((el) => el.getBoundingClientRect().top - innerHeight);
  assert.ok(distance > 700, `the section starts ${distance}px below the viewport: the page must be long enough for this test`);
  await page.waitForTimeout(500); // nothing may load meanwhile (not a timing assertion: a wait for absence)
  assert.deepEqual(qaRequests, [], 'the Q&A module and data load only near the viewport');
  const ready = page.evaluate(() => new Promise((resolve) => document.addEventListener('vouch:questions-ready', (e) => resolve(e.detail), { once: true })));
  await region.scrollIntoViewIfNeeded();
  assert.deepEqual(await ready, { product: 'demo-linen-dress', questions: 3 });
  assert.ok(qaRequests.some((u) => u.endsWith('vouch-qa.wasm')));

  const order = () => shadow(page, '.v-question').evaluateAll((qs) => qs.map((q) => q.dataset.question));
  assert.deepEqual(await order(), ['q1', 'q3', 'q2'], 'most helpful first');
  await shadow(page, 'select[data-action="qa-sort"]').selectOption('newest');
  assert.deepEqual(await order(), ['q2', 'q3', 'q1']);
  await shadow(page, 'select[data-action="qa-sort"]').selectOption('most_answers');
  assert.deepEqual(await order(), ['q3', 'q2', 'q1']);
  assert.equal(await shadow(page, '.v-qa .v-badge-store').textContent(), 'Store answer');
  assert.equal(await shadow(page, '.v-qa .v-badge-verified').textContent(), 'Verified buyer');

  await shadow(page, 'input[data-action="qa-search"]').fill('WARM');
  await shadow(page, '.v-answer mark').first().waitFor();
  assert.deepEqual(await order(), ['q1']);
  assert.equal(await shadow(page, '.v-answer mark').textContent(), 'warm');
  await shadow(page, 'input[data-action="qa-search"]').fill('');
  await page.waitForFunction(() => document.querySelector('[data-vouch-reviews]').shadowRoot.querySelectorAll('.v-question').length === 3);

  // No answer link: no "Answer" buttons. The ask form: errors from the core, in place.
  assert.equal(await shadow(page, '[data-action="qa-answer"]').count(), 0);
  await shadow(page, '[data-action="qa-ask"]').click();
  assert.equal(await shadow(page, '[data-action="qa-ask"]').getAttribute('aria-expanded'), 'true');
  await shadow(page, 'form.v-qa-form textarea[name="text"]').fill('Fits?');
  await shadow(page, 'form.v-qa-form input[name="email"]').fill('not-an-address');
  await shadow(page, 'form.v-qa-form button[type="submit"]').click();
  const textError = shadow(page, 'form.v-qa-form textarea[name="text"]');
  assert.equal(await textError.getAttribute('aria-invalid'), 'true');
  const errors = await shadow(page, 'form.v-qa-form .v-error:not([hidden])').allTextContents();
  assert.ok(errors.some((e) => /at least 10 characters/.test(e)), errors.join(' | '));
  assert.ok(errors.some((e) => /valid e-mail/.test(e)), errors.join(' | '));
  assert.ok(errors.some((e) => /required/i.test(e)), 'author and consent are required');
  assert.deepEqual(await runAxe(page), [], 'section open with a form in error');
  await page.close();

  // A buyer's signed answer link: "Answer" buttons, and the named question's form opens.
  const link = await openPage(env.browser, `${env.server.url}/fixtures/qa.html?vouch_answer=signed.token#vouch-answer=q3`);
  await link.page.evaluate(() => document.querySelector('[data-vouch-reviews]').scrollIntoView({ block: 'end' }));
  const form = link.page.locator('[data-vouch-reviews] >> form.v-qa-form[data-question="q3"]');
  await link.page.locator('[data-vouch-reviews] >> [data-region="questions"]').scrollIntoViewIfNeeded();
  await form.waitFor({ timeout: 20000 });
  assert.equal(await link.page.locator('[data-vouch-reviews] >> [data-action="qa-answer"]').count(), 3);
  assert.equal(await form.locator('input[name="email"]').count(), 0, 'an answer has no e-mail field');
  assert.deepEqual(await runAxe(link.page), [], 'answer form open');
  await link.page.close();
});

test('naughty strings as questions and answers execute nothing', async (t) => {
  const path = sharedDataPath('conformance/naughty_strings/blns.json');
  if (!existsSync(path)) {
    if (process.env.CI === 'true') assert.fail(`missing ${path}`);
    t.skip(`naughty strings corpus not found (${path})`);
    return;
  }
  const strings = JSON.parse(readFileSync(path, 'utf8')).filter((s) => typeof s === 'string' && s.trim().length);
  writeQuestions('naughty.json', strings.map((s, i) => question(`q${i}`, s, '2026-11-01T00:00:00Z', [answer(`a${i}`, s, 0, 'none')])));
  writePage('naughty-qa.html', 'naughty.json');
  const { page } = await openPage(env.browser, `${env.server.url}/fixtures/naughty-qa.html`);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.evaluate(() => {
    window.__executed = 0;
    window.alert = () => { window.__executed += 1; };
  });
  await page.locator('[data-vouch-reviews] >> .v-card').first().waitFor({ timeout: 20000 });
  await page.locator('[data-vouch-reviews] >> [data-region="questions"]').scrollIntoViewIfNeeded();
  await page.locator('[data-vouch-reviews] >> .v-question').first().waitFor({ timeout: 20000 });
  const shown = await page.locator('[data-vouch-reviews] >> .v-question').count();
  assert.ok(shown > 400, `${shown} naughty questions shown`);
  const injected = await page.evaluate(() => document.querySelector('[data-vouch-reviews]').shadowRoot.querySelectorAll('.v-qa script, .v-qa img, .v-qa iframe, .v-qa svg, .v-qa [onerror], .v-qa [onload]').length);
  assert.equal(injected, 0);
  assert.equal(await page.evaluate(() => window.__executed), 0);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test('data-qa="tab": a tab list "N reviews" | "Questions and answers", arrow keys, axe', async () => {
  writeQuestions('qa-tab.json', [question('q1', 'Is the linen thick?', '2026-11-01T00:00:00Z', [answer('a1', 'Thick enough.', 1, 'store')])]);
  writePage('qa-tab.html', 'qa-tab.json', 'data-qa="tab"');
  const { page } = await openPage(env.browser, `${env.server.url}/fixtures/qa-tab.html`);
  const tabs = page.locator('[data-vouch-reviews] >> [role="tab"]');
  await tabs.nth(1).waitFor({ timeout: 20000 });
  assert.match(await tabs.nth(0).textContent(), /\d+ reviews/);
  assert.equal(await tabs.nth(1).textContent(), 'Questions and answers');
  assert.equal(await tabs.nth(0).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('[data-vouch-reviews] >> .v-question').isVisible(), false);
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('[data-vouch-reviews] >> .v-question').isVisible(), true);
  assert.equal(await page.locator('[data-vouch-reviews] >> .v-card').first().isVisible(), false);
  assert.deepEqual(await runAxe(page), [], 'questions tab selected');
  await page.close();
});
