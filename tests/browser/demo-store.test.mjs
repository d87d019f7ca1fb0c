// The demo store as `npm start` serves it, against a real vouch-server seeded
// by scripts/seed-demo.mjs in a temp folder (the 20,000-review product
// included, so this file's setup takes a minute). The seed runs from a copy of
// scripts/ in a folder with no ../shared beside it, as in a user's fresh clone:
// the demo every clone shows is the one tested here. a shopper reads, filters by
// 1★, searches a Chinese word, switches language, submits a review (first with
// an error) and sees it pending; the demo owner logs in to the console at
// /admin/, approves and answers it, and the shopper then sees it published.
// Each product shows the seeded questions that have answers (store and
// verified buyers' badges), none of the waiting ones. Screenshots of the product page
// (light/dark × desktop/375×812) go to build/screenshots/, with zero
// horizontal overflow on mobile.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { root } from '../node/support/core.mjs';
import { distDir, launchBrowser, cardsParsed } from './support/browser.mjs';
import { downloadCsv, tableCells } from './support/tables.mjs';
import { findServerBinary, freePort, startVouchServer } from '../../scripts/lib/server-process.mjs';
import { demoQuestions } from '../../scripts/demo-data/questions.mjs';

const serverBinary = findServerBinary();
const screenshots = join(root, 'build', 'screenshots');
const PRODUCT = '/products/linen-wrap-dress.html';

let browser;
let server;
let baseUrl;
let adminToken;
let demoOwner;
const errors = [];

before(async () => {
  assert.ok(serverBinary, 'vouch-server not built');
  const dir = mkdtempSync(join(tmpdir(), 'vouch-demo-'));
  const config = join(dir, 'vouch.json');
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const seeded = seedFromFreshClone(dir, `${baseUrl}/demo-photos`, baseUrl);
  assert.ok(seeded.seeded && seeded.imported > 20000, `seeded ${seeded.imported}`);
  assert.equal(seeded.questions.seeded, true, 'the questions are seeded too');
  // A second seed keeps what is there (the markers): npm start's second run.
  const again = seedFromFreshClone(dir, `${baseUrl}/demo-photos`, baseUrl);
  assert.deepEqual([again.seeded, again.questions.seeded], [false, false]);
  // A var/ seeded before the questions existed (no questions marker) gets them
  // on its next start; what is stored already is not asked twice.
  rmSync(join(dir, 'seeded-questions'));
  const upgraded = seedFromFreshClone(dir, `${baseUrl}/demo-photos`, baseUrl);
  assert.deepEqual([upgraded.seeded, upgraded.questions.seeded, upgraded.questions.questions], [false, true, 0]);
  assert.ok(existsSync(join(dir, 'seeded-questions')));
  adminToken = JSON.parse(readFileSync(config, 'utf8')).admin_token;
  demoOwner = seeded.owner;
  assert.match(demoOwner.password, /^[A-Za-z0-9_-]{20}$/);
  assert.equal(readFileSync(join(dir, 'demo-owner.txt'), 'utf8'), `${demoOwner.name}\n${demoOwner.password}\n`);
  // The port was chosen before seeding: the seeded photo URLs name it.
  server = await startVouchServer({
    binary: serverBinary,
    port,
    args: ['--db', join(dir, 'vouch.db'), '--config', config,
      '--mount', `/dist/=${distDir}`, '--mount', `/demo-photos/=${join(dir, 'demo-photos')}`, '--mount', `/=${join(root, 'demo')}`],
  });
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});

/**
 * Runs scripts/seed-demo.mjs from a copy of scripts/ under `dir`/clone, where
 * no ../shared exists (a user's clone): the seed can only read committed files.
 */
function seedFromFreshClone(dir, photoBase, publicUrl) {
  const clone = join(dir, 'clone');
  if (!existsSync(clone)) cpSync(join(root, 'scripts'), join(clone, 'scripts'), { recursive: true });
  assert.equal(existsSync(join(clone, '..', 'shared')), false);
  const script = `import { ensureDemoConfig, ensureDemoOwner, seedDemo } from ${JSON.stringify(join(clone, 'scripts', 'seed-demo.mjs'))};
ensureDemoConfig({ publicUrl: ${JSON.stringify(publicUrl)} });
const seeded = seedDemo({ photoBase: ${JSON.stringify(photoBase)}, log: () => {} });
console.log(JSON.stringify({ ...seeded, owner: ensureDemoOwner() }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, VOUCH_VAR_DIR: dir, VOUCH_SERVER_BINARY: serverBinary },
    maxBuffer: 16 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `seed from a fresh clone failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

after(async () => {
  await browser?.close();
  server?.stop();
});

async function open(path, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${path}: ${message.text()}`));
  await page.goto(`${baseUrl}${path}`);
  return page;
}

async function widget(page) {
  await page.locator('#reviews').scrollIntoViewIfNeeded();
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  return page;
}

/**
 * Clicks "Write a review" and waits for the form; when it does not open, the
 * failure says what the widget was doing (its events, the button, the form).
 */
async function openReviewForm(page) {
  const events = await page.evaluateHandle(() => {
    const seen = [];
    for (const type of ['vouch:error', 'vouch:ready', 'vouch:query']) {
      document.addEventListener(type, (event) => seen.push(`${Math.round(performance.now())} ms ${type} ${JSON.stringify(event.detail).slice(0, 160)}`), true);
    }
    return seen;
  });
  await page.click('[data-action="write"]');
  try {
    await page.locator('form.v-form').waitFor({ state: 'visible' });
  } catch (error) {
    const state = await page.evaluate((seen) => {
      const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
      const form = root.querySelector('form.v-form');
      return {
        events: seen,
        button: root.querySelector('[data-action="write"]')?.outerHTML,
        form: form ? { hidden: form.hidden, connected: form.isConnected } : 'not mounted',
        live: root.querySelector('[data-live]')?.textContent,
        can: root.querySelector('.vouch')?.dataset.can,
      };
    }, events);
    throw new Error(`the review form did not open: ${JSON.stringify(state, null, 1)}`, { cause: error });
  }
}

const status = (page) => page.locator('.v-status').textContent();
/**
 * The status line once it matches `pattern`: the first filter of a first-render widget loads
 * the engine and the full snapshot before the list changes, so the line is polled, not read once.
 */
async function statusMatching(page, pattern) {
  await page.locator('.v-status', { hasText: pattern }).waitFor({ timeout: 60000 });
  return status(page);
}

test('collection page: a badge with a count on every product card, one summaries request', async () => {
  const requests = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => r.url().includes('/api/v1/summaries') && requests.push(r.url()));
  await page.goto(`${baseUrl}/`);
  const cards = page.locator('.card');
  assert.equal(await cards.count(), 5);
  for (let i = 0; i < 5; i += 1) await cards.nth(i).locator('vouch-stars .v-badge-stars').waitFor({ timeout: 20000 });
  assert.equal(requests.length, 1);
  assert.match(await page.locator('vouch-stars[product="demo-capsule-box"] .vouch-badge').textContent(), /20,?000/);
  // Each badge is one line in its 24 px box, inside the card, above the price:
  // whatever it draws (clipped parts aside) lies within the box, count included.
  const boxes = await cards.evaluateAll((list) => list.map((card) => {
    const host = card.querySelector('vouch-stars');
    const h = host.getBoundingClientRect();
    const drawn = [...host.shadowRoot.querySelectorAll('.vouch-badge *')]
      .filter((el) => !el.closest('.v-sr') && el.getBoundingClientRect().top < h.bottom - 0.5);
    const outside = drawn.filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > h.bottom + 0.5 || r.right > h.right + 0.5;
    });
    return {
      product: host.getAttribute('product'),
      height: h.height,
      outside: outside.map((el) => el.textContent),
      countShown: drawn.some((el) => el.children.length === 0 && /\(\S*\d/.test(el.textContent)),
      insideCard: h.right <= card.querySelector('.card-body').getBoundingClientRect().right + 0.5,
      abovePrice: card.querySelector('.price').getBoundingClientRect().top >= h.bottom - 0.5,
    };
  }));
  for (const box of boxes) {
    assert.deepEqual(box, { product: box.product, height: 24, outside: [], countShown: true, insideCard: true, abovePrice: true });
  }
  await page.close();
});

test('shopper: read, filter by 1 star, search a Chinese word, switch language', async () => {
  const page = await widget(await open(PRODUCT));
  const summary = await (await fetch(`${baseUrl}/api/v1/summaries?products=demo-linen-dress`)).json();
  const count = summary.summaries['demo-linen-dress'].count;
  assert.ok(count > 800, `linen dress has ${count} reviews`);
  assert.match(await status(page), new RegExp(`of ${count}$`));
  await cardsParsed(page);
  assert.equal(await page.locator('.v-card').count(), 10);

  const oneStar = Number((await page.locator('[data-action="stars"][data-value="1"] .v-hist-pct').textContent()).match(/\((\d+)\)/)[1]);
  await page.click('[data-action="stars"][data-value="1"]');
  assert.match(await statusMatching(page, new RegExp(`of ${oneStar}$`)), new RegExp(`of ${oneStar}$`));
  const labels = await page.locator('.v-card .v-card-head .v-stars').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
  assert.deepEqual(new Set(labels), new Set(['1 out of 5 stars']));
  await page.click('[data-action="stars"][data-value="1"]');

  await page.fill('input[data-action="search-input"]', '面料');
  await page.press('input[data-action="search-input"]', 'Enter');
  await page.locator('.v-card mark', { hasText: '面料' }).first().waitFor();
  assert.match(await status(page), /of 3$/, 'three Simplified Chinese reviews of the dress mention 面料');
  await page.close();

  // The store's language picker reloads the page in German; the widget follows <html lang>.
  const german = await widget(await open(PRODUCT));
  await german.selectOption('#lang', 'de');
  await german.waitForURL(/lang=de/);
  await widget(german);
  assert.equal(await german.evaluate(() => document.documentElement.lang), 'de');
  assert.match(await german.locator('.v-summary').textContent(), /Bewertung/);
  await german.close();
});

const TITLE = `Demo walk ${Date.now()}`;

test('shopper: a review with an error, then a correct one, is pending', async () => {
  const page = await widget(await open(`${PRODUCT}?lang=en`));
  await openReviewForm(page);
  // The star radios are visually hidden behind their labels: click the input itself.
  await page.locator('input[name="rating"][value="4"]').dispatchEvent('click');
  assert.equal(await page.locator('input[name="rating"][value="4"]').isChecked(), true);
  await page.fill('input[name="title"]', TITLE);
  await page.fill('textarea[name="body"]', 'Too short');
  await page.fill('input[name="author"]', 'Demo Shopper');
  await page.fill('input[name="email"]', 'shopper@example.com');
  await page.check('input[name="consent"]');
  await page.click('form.v-form button[type="submit"]');
  await page.locator('[data-error-for="body"]').filter({ hasText: /10/ }).waitFor();
  assert.equal(await page.getAttribute('textarea[name="body"]', 'aria-invalid'), 'true');

  await page.fill('textarea[name="body"]', 'The linen is soft and the wrap closes well; I sized down as other reviews said.');
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/products/demo-linen-dress/reviews') && r.request().method() === 'POST');
  await page.click('form.v-form button[type="submit"]');
  const answer = await (await response).json();
  assert.equal(answer.status, 'pending', 'the demo holds every review for moderation');
  assert.match(await page.locator('[data-form-status]').textContent(), /\S/);
  await page.close();
});

test('owner console: the demo owner approves the pending review and replies; the shopper then sees it', async () => {
  const page = await open('/admin/');
  await page.fill('#login-name', demoOwner.name);
  await page.fill('#login-password', 'not-the-right-password');
  await page.click('.login-form button[type="submit"]');
  await page.locator('#login-error', { hasText: 'Wrong name or password.' }).waitFor();
  await page.fill('#login-name', demoOwner.name);
  await page.fill('#login-password', demoOwner.password);
  await page.click('.login-form button[type="submit"]');
  await page.locator('header.top').waitFor();

  // The pending review, found by its title among the seed's pending ones.
  await page.goto(`${baseUrl}/admin/#/inbox?status=pending`);
  await page.locator('.rows li.row').first().waitFor();
  assert.ok(await page.locator('.rows li.row').count() >= 3, 'the seed\'s two pending demo reviews are there too');
  await page.goto(`${baseUrl}/admin/#/inbox?status=pending&q=${encodeURIComponent(TITLE)}`);
  await page.locator('.rows .row-link', { hasText: TITLE }).click();
  await page.locator('.panel-moderation').waitFor();
  await page.locator('.panel-moderation button', { hasText: 'Approve' }).click();
  await page.locator('.panel-moderation', { hasText: 'Status: Published' }).waitFor();

  // Reply to it (the reply check may ask for a second click), then reject a seeded pending review.
  await page.fill('#reply-text', 'Thank you! Glad the sizing notes helped.');
  await page.click('[data-action="publish-reply"]');
  const replied = page.locator('.current-reply');
  await Promise.race([replied.waitFor(), page.locator('[data-action="publish-reply"]', { hasText: 'Publish anyway' }).waitFor()]);
  if (!(await replied.count())) await page.click('[data-action="publish-reply"]');
  await replied.waitFor();
  await page.goto(`${baseUrl}/admin/#/inbox?status=pending&q=${encodeURIComponent('No acertaron con mi estilo')}`);
  await page.locator('.rows .row-link', { hasText: 'No acertaron con mi estilo' }).click();
  await page.fill('#moderation-reason', 'off_topic');
  await page.locator('.panel-moderation button', { hasText: 'Reject' }).click();
  await page.locator('.panel-moderation', { hasText: 'Status: Rejected' }).waitFor();
  await page.close();

  const audit = await (await fetch(`${baseUrl}/api/v1/admin/audit?limit=20`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
  const actions = audit.entries.map((entry) => `${entry.actor}:${entry.action}:${entry.reason}`).join(' ');
  assert.match(actions, new RegExp(`${demoOwner.name}:approve`));
  assert.match(actions, new RegExp(`${demoOwner.name}:reject:off_topic`));

  const shopper = await widget(await open(`${PRODUCT}?lang=en`));
  await shopper.fill('input[data-action="search-input"]', 'Demo walk');
  await shopper.press('input[data-action="search-input"]', 'Enter');
  const card = shopper.locator('.v-card', { hasText: TITLE });
  await card.waitFor();
  assert.match(await card.textContent(), /Glad the sizing notes helped/);
  await shopper.close();
});

/** Lower case without diacritics: how a reader checks that a row holds a phrase the server folded. */
const loose = (text) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

test('owner console: analytics of the demo store show the seeded weeks; a phrase opens its reviews; CSV = table', async () => {
  const page = await open('/admin/');
  await page.fill('#login-name', demoOwner.name);
  await page.fill('#login-password', demoOwner.password);
  await page.click('.login-form button[type="submit"]');
  await page.locator('header.top').waitFor();
  await page.goto(`${baseUrl}/admin/#/analytics`);
  await page.locator('main[data-charts="ready"]').waitFor({ timeout: 60000 });
  const from = await page.inputValue('#analytics-from');
  const to = await page.inputValue('#analytics-to');
  const api = await (await fetch(`${baseUrl}/api/v1/admin/analytics?from=${from}&to=${to}&period=week`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
  const points = api.trend.store;
  // Real trends: the seed spreads its reviews over the weeks before today.
  assert.ok(points.filter((p) => p.count > 0).length >= 6, `weeks with reviews: ${points.filter((p) => p.count > 0).length}`);
  assert.ok(points.reduce((sum, p) => sum + p.count, 0) > 1000, 'thousands of demo reviews in the default range');
  const trend = await tableCells(page, '#table-trend');
  assert.deepEqual(trend.slice(1).map((row) => Number(row[1].replace(/\D/g, ''))), points.map((p) => p.count), 'the table shows the API\'s weekly counts');
  assert.equal(await page.locator('canvas[data-drawn="true"]').count() >= 1, true, 'charts drawn');
  assert.deepEqual(await downloadCsv(page, 'rating-trend'), trend);
  assert.deepEqual(await downloadCsv(page, 'products'), await tableCells(page, '#table-products'));

  // The first negative phrase of any product opens the inbox on the reviews that hold it.
  const link = page.locator('[data-panel="phrases"] ol[data-side="negative"] a').first();
  const phrase = await link.getAttribute('data-phrase');
  assert.ok(phrase, 'the demo has negative phrases');
  await link.click();
  await page.locator('.rows li.row').first().waitFor({ timeout: 30000 });
  assert.equal(await page.inputValue('#inbox-q'), phrase);
  const rows = await page.locator('.rows li.row').evaluateAll((items) => items.map((li) => ({
    text: li.querySelector('.row-link').textContent,
    stars: li.querySelector('.stars').textContent.split('★').length - 1,
  })));
  assert.ok(rows.length >= 1);
  for (const row of rows) assert.ok(row.stars <= 2, `a negative review (${row.stars}★)`);
  // The list shows titles and the start of each text; most rows show the phrase itself.
  const showing = rows.filter((row) => loose(row.text).includes(loose(phrase))).length;
  assert.ok(showing >= 1, `"${phrase}" shown in at least one row of ${rows.length}`);
  await page.close();
});

test('20,000 reviews: filter and search answer on the capsule box page', async () => {
  const page = await widget(await open('/products/capsule-wardrobe-box.html?lang=en'));
  assert.match(await status(page), /of 20,?000$/);
  await page.click('[data-action="stars"][data-value="2"]');
  await page.fill('input[data-action="search-input"]', 'shrank');
  await page.press('input[data-action="search-input"]', 'Enter');
  await page.locator('.v-card mark').first().waitFor();
  const labels = await page.locator('.v-card .v-card-head .v-stars').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
  assert.deepEqual(new Set(labels), new Set(['2 out of 5 stars']));
  await page.close();
});

test('screenshots: product page light/dark, desktop and 375×812, no horizontal overflow on mobile', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 375, height: 812 }]]) {
      const page = await widget(await open(`${PRODUCT}?lang=en`, { viewport, colorScheme }));
      await page.locator('.v-card').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        widest: Math.max(...[...document.querySelectorAll('body *')].map((el) => el.getBoundingClientRect().right)) - document.documentElement.clientWidth,
      }));
      if (name === 'mobile') {
        assert.equal(overflow.page, 0, `${colorScheme} mobile: page scrolls sideways by ${overflow.page}px`);
        assert.ok(overflow.widest <= 0.5, `${colorScheme} mobile: an element sticks out by ${overflow.widest}px`);
      }
      await page.screenshot({ path: join(screenshots, `demo-product-${colorScheme}-${name}.png`), fullPage: true });
      await page.close();
    }
  }
});

test('the open form fits a 375 px phone: the page does not scroll sideways', async () => {
  const page = await widget(await open(`${PRODUCT}?lang=en`, { viewport: { width: 375, height: 812 } }));
  await openReviewForm(page);
  const overflow = await page.evaluate(() => {
    const host = [...document.querySelectorAll('#reviews *')].find((el) => el.shadowRoot && el.shadowRoot.querySelector('form.v-form'));
    const form = host.shadowRoot.querySelector('form.v-form');
    const widest = Math.max(...[...form.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right));
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, widest: widest - document.documentElement.clientWidth };
  });
  assert.equal(overflow.page, 0, `the page scrolls sideways by ${overflow.page}px`);
  assert.ok(overflow.widest <= 0.5, `a form control sticks out by ${overflow.widest}px`);
  await page.close();
});

test('questions: each demo product shows its answered questions with both badges, never a waiting one', async () => {
  const asAdmin = { headers: { Authorization: `Bearer ${adminToken}` } };
  const shownAnswers = (q) => q.answers.filter((a) => !a.pending);
  const page = await widget(await open(`${PRODUCT}?lang=en`));
  await page.locator('[data-region="questions"]').scrollIntoViewIfNeeded();
  await page.locator('.v-question').first().waitFor({ timeout: 20000 });
  for (const product of [...new Set(demoQuestions.map((q) => q.product))]) {
    const seeded = demoQuestions.filter((q) => q.product === product);
    const expected = seeded.filter((q) => shownAnswers(q).length);
    const { questions } = await (await fetch(`${baseUrl}/api/v1/products/${product}/questions`)).json();
    assert.deepEqual(questions.map((q) => q.text).sort(), expected.map((q) => q.text).sort(), `${product}: answered questions only`);
    for (const q of expected) {
      const served = questions.find((s) => s.text === q.text);
      assert.deepEqual(served.answers.map((a) => [a.text, a.badge, a.helpful]).sort(),
        shownAnswers(q).map((a) => [a.text, a.by === 'store' ? 'store' : 'verified_buyer', a.votes || 0]).sort(), `${product}: ${q.text}`);
    }
    // What is not shown is still there for the owner: waiting in the console.
    const stored = await (await fetch(`${baseUrl}/api/v1/admin/questions?product=${product}&limit=200`, asAdmin)).json();
    assert.equal(stored.questions.length, seeded.length, `${product}: every seeded question is stored`);
    for (const q of seeded.filter((s) => !shownAnswers(s).length)) {
      assert.equal(stored.questions.find((s) => s.text === q.text).status, q.approved ? 'published' : 'pending', q.text);
    }
  }
  // Asked over the past weeks in the data's order (the seed's schedule), each answer after its question.
  const everyStored = (await (await fetch(`${baseUrl}/api/v1/admin/questions?limit=200`, asAdmin)).json()).questions;
  const askedAt = demoQuestions.map((q) => Date.parse(everyStored.find((s) => s.text === q.text && s.product_id === q.product).created));
  assert.equal(new Set(askedAt.map((t) => new Date(t).toISOString().slice(0, 10))).size, demoQuestions.length, 'each question on its own day');
  assert.ok(askedAt.every((t, k) => k === 0 || t > askedAt[k - 1]), 'in the order of the data');
  assert.ok(askedAt[0] < Date.now() - 30 * 86400e3 && askedAt.at(-1) < Date.now(), `weeks ago, all in the past: ${askedAt.map((t) => new Date(t).toISOString())}`);
  for (const product of [...new Set(demoQuestions.map((q) => q.product))]) {
    const { questions } = await (await fetch(`${baseUrl}/api/v1/products/${product}/questions`)).json();
    for (const q of questions) for (const a of q.answers) assert.ok(Date.parse(a.created) > Date.parse(q.created), `answered after asked: ${q.text}`);
  }
  // The linen dress page: its three answered questions, the store's and verified buyers' answers.
  const linen = demoQuestions.filter((q) => q.product === 'demo-linen-dress');
  // Each question's heading without its screen-reader prefix ("Question: ").
  const texts = await page.locator('.v-q-text').evaluateAll((hs) => hs.map((h) => [...h.childNodes].filter((n) => !n.classList?.contains('v-sr')).map((n) => n.textContent).join('').trim()));
  assert.deepEqual([...texts].sort(), linen.filter((q) => shownAnswers(q).length).map((q) => q.text).sort());
  assert.equal(texts.some((t) => t.includes('petite')), false, 'the waiting question is not shown');
  assert.ok(await page.locator('.v-qa .v-badge-store').count() >= 2);
  assert.ok(await page.locator('.v-qa .v-badge-verified').count() >= 3);
  assert.equal(await page.locator('.v-qa .v-badge-verified').first().textContent(), 'Verified buyer');
  assert.equal(await page.locator('.v-qa .v-badge-store').first().textContent(), 'Store answer');
  assert.equal(await page.locator('.v-question').filter({ hasText: 'true to size' }).locator('.v-answer').count(), 3);
  await page.close();
  // The silk blouse: a buyer's answer waits for moderation, the store's is shown.
  const blouse = await widget(await open('/products/silk-button-blouse.html?lang=en'));
  await blouse.locator('[data-region="questions"]').scrollIntoViewIfNeeded();
  const buttons = blouse.locator('.v-question').filter({ hasText: '備用鈕扣' });
  await buttons.waitFor({ timeout: 20000 });
  assert.equal(await buttons.locator('.v-answer').count(), 1);
  assert.equal(await buttons.locator('.v-badge-store').count(), 1);
  await blouse.close();
});

test('no page error or console error on the demo pages', async () => {
  for (const path of ['/playground.html', '/admin/']) {
    const page = await open(path);
    await page.waitForLoadState('load');
    await page.close();
  }
  assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), []);
});
