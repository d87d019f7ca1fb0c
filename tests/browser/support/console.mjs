// The owner console against the real vouch-server: a fresh console build in a
// temp folder (scripts/build-console.mjs), a temp database and config, the
// server on a free loopback port (optionally with --test-clock), users created
// with `vouch-server user add` (password on stdin), and pages that record
// console errors and CSP violations.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from '../../../scripts/build-console.mjs';
import { findServerBinary, startVouchServer } from '../../../scripts/lib/server-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ADMIN_TOKEN = 'console-browser-test-token-0123456789';

export async function startConsoleServer({ testClock = false, config = {} } = {}) {
  const binary = findServerBinary();
  if (!binary) throw new Error('vouch-server is not built (npm run build)');
  const dir = mkdtempSync(join(tmpdir(), 'vouch-console-'));
  const consoleDir = join(dir, 'admin');
  await buildConsole({ outDir: consoleDir });
  const db = join(dir, 'vouch.db');
  const configPath = join(dir, 'vouch.json');
  writeFileSync(configPath, JSON.stringify({
    store_name: 'Fern & Thread',
    admin_token: ADMIN_TOKEN,
    hmac_secret: 'console-test-hmac-secret-0123456789abcdef',
    moderation: 'none',
    console_dir: consoleDir,
    limits: { submissions_per_ip: 100000, submissions_per_product: 100000 },
    ...config,
  }));
  const server = await startVouchServer({
    binary,
    args: ['--db', db, '--config', configPath, ...(testClock ? ['--test-clock'] : [])],
  });
  return {
    ...server,
    dir,
    db,
    configPath,
    binary,
    /** `vouch-server user add NAME --role ROLE` with the password on stdin. */
    userAdd(name, role, password) {
      const result = spawnSync(binary, ['user', 'add', name, '--role', role, '--db', db, '--config', configPath],
        { input: `${password}\n`, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`user add ${name} failed (${result.status}): ${result.stderr}`);
      return result;
    },
    /** The admin API with the bearer token (setup steps that are not under test). */
    async admin(method, path, body) {
      const response = await fetch(`${server.url}/api/v1/admin/${path}`, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
      return data;
    },
    /** A shopper's review through the public submit API. */
    async submit(review) {
      const response = await fetch(`${server.url}/api/v1/products/${encodeURIComponent(review.product_id)}/reviews`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(review),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(`submit: ${response.status} ${JSON.stringify(data)}`);
      return data;
    },
    stopAll() {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new page (its own cookie jar) that records console errors, page errors and
 * CSP violations (securitypolicyviolation events) in `problems`.
 */
export async function consolePage(browser, url, { viewport = { width: 1280, height: 800 }, locale = 'en-US', bypassCSP = false } = {}) {
  // bypassCSP only for axe-core, which Playwright injects as an inline script.
  const context = await browser.newContext({ viewport, locale, bypassCSP });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('__vouchCspViolation', (text) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__vouchCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, context, problems };
}

export async function login(page, name, password) {
  await page.locator('#login-name').waitFor();
  await page.fill('#login-name', name);
  await page.fill('#login-password', password);
  await page.click('.login-form button[type="submit"]');
  await page.locator('header.top').waitFor();
}

/** Writes docs/img/console-NAME.png, only when VOUCH_WRITE_SCREENSHOTS=1 (npm test leaves the tree clean). */
export async function screenshot(page, name) {
  if (process.env.VOUCH_WRITE_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: join(root, 'docs', 'img', `console-${name}.png`) });
}
