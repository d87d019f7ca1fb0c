// Issue 18's "done when", end to end on `npm start` itself (scripts/start.mjs
// on free ports with its own var/ folder; the review seed is marked done so
// the store starts empty and fast): the demo owner posts a test order from
// the console's Review requests page, the request mail lands in the demo's
// loopback mailbox (var/mail/*.eml, parsed here with mailparser) and on the
// Outbox page, its 4-star link opens the product page with the form open, 4
// stars checked and focus in the form, the shopper submits, the owner
// approves (the demo holds every review), and the review shows "Verified
// purchase". A star link with a hostile rating opens nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { root } from '../node/support/core.mjs';
import { launchBrowser } from './support/browser.mjs';
import { consolePage, login } from './support/console.mjs';
import { findServerBinary, freePort, waitForOk } from '../../scripts/lib/server-process.mjs';

const serverBinary = findServerBinary();
const CUSTOMER = 'jamie@example.com';
const BODY = 'Ordered it for a wedding: the linen is soft, the wrap closes well and the length is right.';
let dir;
let start;
let output = '';
let baseUrl;
let browser;
let owner;
let adminToken;

before(async () => {
  assert.ok(serverBinary, 'vouch-server not built');
  assert.ok(existsSync(join(root, 'dist', 'vouch.js')), 'dist/ missing: run npm run build');
  dir = mkdtempSync(join(tmpdir(), 'vouch-demo-requests-'));
  // The reviews are not what this test is about: seeding them takes minutes.
  writeFileSync(join(dir, 'seeded'), 'skipped by tests/browser/demo-requests.test.mjs\n');
  const port = await freePort();
  const mailPort = await freePort();
  baseUrl = `http://localhost:${port}`;
  start = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), MAIL_PORT: String(mailPort), VOUCH_VAR_DIR: dir, VOUCH_SERVER_BINARY: serverBinary },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Drained (the server logs every request): a full pipe would stall it.
  start.stdout.on('data', (chunk) => { output += chunk; });
  start.stderr.on('data', (chunk) => { output += chunk; });
  await waitForOk(`${baseUrl}/api/v1/health`);
  for (let i = 0; i < 100 && !output.includes('Demo mailbox:'); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.match(output, /Demo mailbox: +var\/mail\/\*\.eml/, output);
  const [name, password] = readFileSync(join(dir, 'demo-owner.txt'), 'utf8').split('\n');
  owner = [name, password];
  const config = JSON.parse(readFileSync(join(dir, 'vouch.json'), 'utf8'));
  adminToken = config.admin_token;
  assert.equal(config.requests.delay_days, 0, 'the demo mails at once');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The first .eml in the demo mailbox addressed to `address`, parsed by mailparser. */
async function mailboxMessage(address) {
  const mailDir = join(dir, 'mail');
  for (let i = 0; i < 200; i += 1) {
    for (const file of existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort() : []) {
      const parsed = await simpleParser(readFileSync(join(mailDir, file)));
      if (parsed.to?.value.some((to) => to.address === address)) return parsed;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${address} in ${mailDir}\n${output.slice(-2000)}`);
}

async function admin(method, path) {
  const response = await fetch(`${baseUrl}/api/v1/admin/${path}`, { method, headers: { Authorization: `Bearer ${adminToken}` } });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

test('demo: a test order from the console -> the mailbox -> a star link -> the form with 4 stars -> a verified review', async () => {
  // 1. The owner posts a test order from the Review requests page.
  const { page, problems } = await consolePage(browser, `${baseUrl}/admin/`);
  await login(page, ...owner);
  await page.click('nav a[href="#/requests"]');
  await page.locator('[data-panel="sample-order"]').waitFor();
  await page.fill('#sample-email', CUSTOMER);
  await page.fill('#sample-name', 'Jamie');
  await page.click('[data-action="sample-order"]');
  await page.locator('[data-panel="sample-order"] .status', { hasText: 'stored' }).waitFor();

  // 2. The mail arrives in the demo mailbox: both parts, one product row, five star links.
  const mail = await mailboxMessage(CUSTOMER);
  assert.match(mail.subject, /Fern & Thread/);
  assert.ok(mail.text.includes('Linen Wrap Dress'));
  assert.match(mail.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line || '', /List-Unsubscribe=One-Click/);
  const links = [...mail.html.matchAll(/href="([^"]+\/api\/v1\/requests\/\d+\/click\?[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  assert.equal(new Set(links.map((link) => new URL(link).searchParams.get('rating'))).size, 5, 'five star links');
  const four = links.find((link) => new URL(link).searchParams.get('rating') === '4');
  assert.equal(new URL(four).origin, baseUrl, 'the links name the demo server');

  // The Outbox page lists it as sent.
  await page.goto(`${baseUrl}/admin/#/outbox`);
  await page.locator('tr[data-mail][data-state="sent"]', { hasText: CUSTOMER }).waitFor();

  // 3. The shopper clicks 4 stars: the product page opens with the form, 4 checked, focus in it.
  const shopper = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const product = await shopper.newPage();
  await product.goto(four);
  const landing = new URL(product.url());
  assert.equal(landing.pathname, '/products/linen-wrap-dress.html');
  assert.equal(landing.searchParams.get('vouch_rating'), '4');
  assert.ok(landing.searchParams.get('review_token'));
  await product.locator('form.v-form').waitFor({ state: 'visible', timeout: 30000 });
  await product.waitForFunction(() => {
    const root = document.querySelector('[data-vouch-reviews]')?.shadowRoot;
    return root && root.activeElement && root.activeElement.name === 'rating';
  });
  assert.equal(await product.isChecked('input[name="rating"][value="4"]'), true);
  assert.equal(await product.locator('input[name="rating"]:checked').count(), 1);
  const placed = await product.evaluate(() => {
    const root = document.querySelector('[data-vouch-reviews]').shadowRoot;
    const form = root.querySelector('form.v-form');
    const box = form.getBoundingClientRect();
    return { focusInForm: form.contains(root.activeElement), focused: root.activeElement.value, top: box.top, height: innerHeight };
  });
  assert.equal(placed.focusInForm, true);
  assert.equal(placed.focused, '4');
  // Its top at the viewport's top (scrollIntoView, block start; sub-pixel layout rounds).
  assert.ok(Math.round(placed.top) >= 0 && placed.top < placed.height / 2, `the form is scrolled into view (top ${placed.top})`);
  assert.equal(await product.getAttribute('[data-action="write"]', 'aria-expanded'), 'true');

  // 4. The shopper writes and sends: held for moderation, verified.
  await product.fill('input[name="title"]', 'Right for a wedding');
  await product.fill('textarea[name="body"]', BODY);
  await product.fill('input[name="author"]', 'Jamie');
  await product.fill('input[name="email"]', CUSTOMER);
  await product.check('input[name="consent"]');
  const sent = product.waitForResponse((r) => r.url().endsWith('/api/v1/products/demo-linen-dress/reviews') && r.request().method() === 'POST');
  await product.click('form.v-form button[type="submit"]');
  const answer = await (await sent).json();
  assert.equal(answer.verified, true, JSON.stringify(answer));
  assert.equal(answer.status, 'pending');
  assert.match(JSON.parse((await sent).request().postData()).rating.toString(), /^4$/);
  await shopper.close();

  // 5. The owner approves; a new visitor sees it published as "Verified purchase".
  await admin('POST', `reviews/${encodeURIComponent(answer.id)}/approve`);
  const visitor = await browser.newContext();
  const page2 = await visitor.newPage();
  await page2.goto(`${baseUrl}/products/linen-wrap-dress.html`);
  const review = page2.locator('article', { hasText: 'Ordered it for a wedding' });
  await review.waitFor({ timeout: 30000 });
  assert.match(await review.textContent(), /Verified purchase/);
  await visitor.close();

  // 6. The console's orders list: clicked once, reviewed through its own link.
  await page.goto(`${baseUrl}/admin/#/requests`);
  const row = page.locator('tr[data-order^="test-"]').first();
  await row.waitFor();
  assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'reviewed');
  assert.equal((await row.locator('[data-clicks]').textContent()).trim(), '1');
  assert.equal((await row.locator('[data-verified]').textContent()).trim(), '1 / 1');
  assert.deepEqual(problems, []);
});

test('a hostile vouch_rating opens nothing', async () => {
  const context = await browser.newContext();
  for (const value of ['9', '0', '4x', '-4', '４', '"><img src=x onerror=alert(1)>']) {
    const page = await context.newPage();
    await page.addInitScript(() => document.addEventListener('vouch:ready', (event) => { if (event.target.localName !== 'vouch-stars') window.__ready = true; }));
    await page.goto(`${baseUrl}/products/linen-wrap-dress.html?vouch_rating=${encodeURIComponent(value)}`);
    await page.locator('[data-vouch-reviews]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 30000 });
    // A later task than the one that would have opened the form (openFromLink runs right after ready).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const write = page.locator('[data-action="write"]');
    assert.notEqual(await write.getAttribute('aria-expanded'), 'true', value);
    assert.equal(await write.getAttribute('aria-busy'), null, value);
    assert.equal(await page.locator('form.v-form:visible').count(), 0, value);
    await page.close();
  }
  await context.close();
});
