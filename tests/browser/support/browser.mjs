// Debian's Chromium driven by playwright-core; never a downloaded browser.
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFixtures } from './fixtures.mjs';
import { root } from '../../node/support/core.mjs';
import { startStaticServer } from '../../../scripts/lib/static-server.mjs';

// Without the background-networking flags Chromium keeps trying to reach Google's
// hosts, which this closed network refuses (noise and delays).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Same fonts and pixels in every run: screenshots are compared.
  '--font-render-hinting=none', '--force-color-profile=srgb', '--hide-scrollbars',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** The bundle under test: dist/ (npm test), or a developer's own (VOUCH_DIST_DIR). */
export const distDir = process.env.VOUCH_DIST_DIR ? resolve(process.env.VOUCH_DIST_DIR) : join(root, 'dist');

/** Strict CSP as store pages send it: no eval, wasm allowed, trusted types enforced. */
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'";
export const NO_WASM_CSP = "script-src 'self'";

/**
 * Serves demo/ at /, the bundle at /dist/, the test pages at /test-pages/,
 * generated fixtures at /fixtures/, Bootstrap's CSS and axe-core, with CSP
 * headers per page.
 * @param {{ fixturesDir?: string }} [options]
 */
export function startTestServer({ fixturesDir } = {}) {
  const mounts = {
    '/dist/': distDir,
    '/test-pages/': join(root, 'tests', 'browser', 'pages'),
    '/vendor/bootstrap/': join(root, 'node_modules', 'bootstrap', 'dist', 'css'),
    '/': join(root, 'demo'),
  };
  if (fixturesDir) mounts['/fixtures/'] = fixturesDir;
  return startStaticServer({
    mounts,
    headersFor: (path) => {
      if (path.includes('strict-csp')) return { 'Content-Security-Policy': STRICT_CSP };
      if (path.includes('no-wasm-csp')) return { 'Content-Security-Policy': NO_WASM_CSP };
      return {};
    },
  });
}

/** A test server whose /fixtures/ holds generated snapshots (photo URLs point at it). */
export async function startFixtureServer() {
  const fixturesDir = mkdtempSync(join(tmpdir(), 'vouch-fixtures-'));
  const server = await startTestServer({ fixturesDir });
  try {
    await writeFixtures(`${server.url}/fixtures`, fixturesDir);
  } catch (error) {
    await server.close(); // else the open server keeps the test process alive after the failure
    throw error;
  }
  return Object.assign(server, { fixturesDir });
}

/**
 * For a test file that needs a fixture server and a browser: starts both in
 * before() and closes both in after(). Read `.server` and `.browser` inside
 * tests (they are set once before() has run).
 * @returns {{ server?: Awaited<ReturnType<typeof startFixtureServer>>, browser?: import('playwright-core').Browser }}
 */
export function useFixtureServerAndBrowser() {
  const context = {};
  before(async () => {
    context.server = await startFixtureServer();
    context.browser = await launchBrowser();
  });
  after(async () => {
    await context.browser?.close();
    await context.server?.close();
  });
  return context;
}

/** Opens a page and records console errors, page errors and CSP violations. */
export async function openPage(browser, url, { colorScheme = 'light', viewport = { width: 1000, height: 900 } } = {}) {
  const page = await browser.newPage({ colorScheme, viewport });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}

/**
 * Waits until every card a widget on the page rendered is parsed: cards below
 * the screen go in as empty slots, filled after the next paint
 * (web/src/card-slots.js), so a count read at once may miss them.
 */
export async function cardsParsed(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')].every((element) => !element.shadowRoot || !element.shadowRoot.querySelector('.v-list > li:empty')),
  );
}

/** Waits until the widget in `host` (a CSS selector) has rendered its list. */
export async function widgetReady(page, host = '[data-vouch-reviews], vouch-reviews, div') {
  await page.locator('.v-summary').first().waitFor({ timeout: 20000 });
  return page;
}

/** Runs axe-core on the page (it descends into open shadow roots). */
export async function runAxe(page) {
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}
