// Debian's Chromium driven by playwright-core; never a downloaded browser.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { root } from '../../node/support/core.mjs';
import { startStaticServer } from '../../../scripts/lib/static-server.mjs';

// Without the background-networking flags Chromium keeps trying to reach Google's
// hosts, which this closed network refuses (noise and delays).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Strict CSP as store pages send it: no eval, wasm allowed, trusted types enforced. */
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'";
export const NO_WASM_CSP = "script-src 'self'";

/** Serves demo/ at /, dist/ at /dist/, the test pages at /test-pages/, with CSP headers per page. */
export function startTestServer() {
  return startStaticServer({
    mounts: {
      '/dist/': join(root, 'dist'),
      '/test-pages/': join(root, 'tests', 'browser', 'pages'),
      '/': join(root, 'demo'),
    },
    headersFor: (path) => {
      if (path.includes('strict-csp')) return { 'Content-Security-Policy': STRICT_CSP };
      if (path.includes('no-wasm-csp')) return { 'Content-Security-Policy': NO_WASM_CSP };
      return {};
    },
  });
}

/** Opens a page and records console errors, page errors and CSP violations. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}
