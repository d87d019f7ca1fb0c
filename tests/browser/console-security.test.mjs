// The console's security against the real server and Chromium: no session →
// 401 and the login page; a cookie write without the CSRF token → 403; a
// responder cannot delete, erase, export or manage users (API 403, controls
// hidden); bad passwords lock the account; cookie flags; no session fixation;
// the CSP header and no CSP violation while the console runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { consolePage, login, startConsoleServer } from './support/console.mjs';

const OWNER = ['olivia', 'owner-password-0123'];
const RESPONDER = ['rafael', 'responder-password-0123'];
let server;
let browser;

before(async () => {
  server = await startConsoleServer();
  server.userAdd(OWNER[0], 'owner', OWNER[1]);
  server.userAdd(RESPONDER[0], 'responder', RESPONDER[1]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stopAll();
});

/** Logs in over HTTP; returns { cookie, csrf, setCookie }. */
async function apiLogin(name, password, headers = {}) {
  const response = await fetch(`${server.url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ name, password }),
  });
  const data = await response.json();
  assert.equal(response.status, 200, JSON.stringify(data));
  const setCookie = response.headers.get('set-cookie');
  return { cookie: setCookie.split(';')[0], csrf: data.csrf, setCookie, data };
}

test('no session: the API answers 401 and the console shows the login page, with its CSP and no violation', async () => {
  for (const path of ['inbox', 'reviews', 'session', 'users']) {
    const response = await fetch(`${server.url}/api/v1/admin/${path}`);
    assert.equal(response.status, 401, path);
    assert.equal((await response.json()).error.code, 'unauthorized', path);
  }
  const page = await fetch(`${server.url}/admin/`);
  assert.match(page.headers.get('content-security-policy'), /script-src 'self'; style-src 'self'/);
  assert.match(page.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.equal(page.headers.get('x-frame-options'), 'DENY');
  const { page: tab, problems, context } = await consolePage(browser, `${server.url}/admin/#/inbox`);
  await tab.locator('#login-name').waitFor();
  assert.equal(await tab.locator('h1').textContent(), 'Log in');
  assert.equal(await tab.locator('header.top').count(), 0, 'nothing of the console before login');
  // Wrong password: the API's refusal is shown in words.
  await tab.fill('#login-name', OWNER[0]);
  await tab.fill('#login-password', 'not-the-password');
  await tab.click('.login-form button[type="submit"]');
  await tab.locator('#login-error:not(:empty)').waitFor();
  assert.equal(await tab.locator('#login-error').textContent(), 'Wrong name or password.');
  await login(tab, ...OWNER);
  await tab.locator('.rows').waitFor();
  await tab.click('nav a[href="#/sessions"]');
  await tab.locator('tr[data-session]').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('cookie flags, CSRF on writes, and a session id set before login is not kept', async () => {
  const planted = 'vouch_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  const { cookie, csrf, setCookie } = await apiLogin(...OWNER, { Cookie: planted });
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Strict/i);
  assert.match(setCookie, /Path=\//);
  assert.notEqual(cookie, planted, 'login always issues a new session id');
  assert.match(cookie, /^vouch_session=[A-Za-z0-9_-]{43}$/);
  const planted401 = await fetch(`${server.url}/api/v1/admin/session`, { headers: { Cookie: planted } });
  assert.equal(planted401.status, 401);

  const session = await fetch(`${server.url}/api/v1/admin/session`, { headers: { Cookie: cookie } });
  assert.equal(session.status, 200);
  assert.equal((await session.json()).csrf, csrf);
  const body = JSON.stringify({ name: 'temp-user', role: 'responder', password: 'temporary-password-1' });
  const without = await fetch(`${server.url}/api/v1/admin/users`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body });
  assert.equal(without.status, 403);
  assert.equal((await without.json()).error.code, 'csrf_failed');
  const wrong = await fetch(`${server.url}/api/v1/admin/users`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': `${csrf}x` }, body });
  assert.equal(wrong.status, 403);
  const right = await fetch(`${server.url}/api/v1/admin/users`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body });
  assert.equal(right.status, 201);
});

test('a responder: 403 on delete, erase, export and users; the console hides those controls', async () => {
  const { cookie, csrf } = await apiLogin(...RESPONDER);
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
  const calls = [
    ['DELETE', 'reviews/some-id?note=x'],
    ['POST', 'reviewers/erase', { email: 'a@example.com', mode: 'delete' }],
    ['GET', 'export?format=json'],
    ['GET', 'users'],
    ['POST', 'users', { name: 'sneaky', role: 'owner', password: 'sneaky-password-0' }],
  ];
  for (const [method, path, body] of calls) {
    const response = await fetch(`${server.url}/api/v1/admin/${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    assert.equal(response.status, 403, `${method} ${path}`);
    assert.equal((await response.json()).error.code, 'forbidden', `${method} ${path}`);
  }
  const review = await server.submit({ product_id: 'linen-dress', rating: 2, title: 'Seam came apart', body: 'The seam came apart after one wash, disappointing quality.', author: 'Dana', email: 'dana@example.com', consent: true });
  const { page, problems, context } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...RESPONDER);
  await page.locator('.rows').waitFor();
  assert.equal(await page.locator('nav a[href="#/team"]').count(), 0, 'no team link');
  assert.equal(await page.locator('nav a[href="#/settings"]').count(), 0, 'no settings (import/export) link');
  assert.equal(await page.locator('[data-bulk="approve"]').count(), 0, 'no moderation in bulk');
  await page.goto(`${server.url}/admin/#/item/${review.id ?? review.review?.id}`);
  await page.locator('.panel-reply').waitFor();
  assert.equal(await page.locator('[data-action="delete"]').count(), 0, 'no delete button');
  assert.equal(await page.locator('.panel-moderation').count(), 0);
  // A route it may not use shows the refusal, not a broken page.
  await page.goto(`${server.url}/admin/#/team`);
  await page.locator('main .error').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('repeated bad passwords lock the account; the console shows when to retry', async () => {
  server.userAdd('lockme', 'responder', 'lock-me-password-0');
  let last;
  for (let i = 0; i < 20; i += 1) {
    last = await fetch(`${server.url}/api/v1/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'lockme', password: `wrong-${i}-password` }) });
    if (last.status === 429) break;
    assert.equal(last.status, 401);
  }
  assert.equal(last.status, 429);
  assert.equal((await last.json()).error.code, 'account_locked');
  assert.ok(Number(last.headers.get('retry-after')) > 0);
  // Even the right password is refused while locked.
  const right = await fetch(`${server.url}/api/v1/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'lockme', password: 'lock-me-password-0' }) });
  assert.equal(right.status, 429);
  const { page, context } = await consolePage(browser, `${server.url}/admin/`);
  await page.fill('#login-name', 'lockme');
  await page.fill('#login-password', 'lock-me-password-0');
  await page.click('.login-form button[type="submit"]');
  await page.locator('#login-error:not(:empty)').waitFor();
  assert.match(await page.locator('#login-error').textContent(), /locked .* Try again after .*UTC/);
  await context.close();
});

test('logout ends the session: the next API call is 401 and the console is back at the login page', async () => {
  const { page, context } = await consolePage(browser, `${server.url}/admin/`);
  await login(page, ...OWNER);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'vouch_session');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  await page.click('[data-action="logout"]');
  await page.locator('#login-name').waitFor();
  const after = await fetch(`${server.url}/api/v1/admin/session`, { headers: { Cookie: `vouch_session=${session.value}` } });
  assert.equal(after.status, 401);
  await context.close();
});
