// The real widget (a bundle's vouch.js + a static binary snapshot), one shopper
// action at a time: click (or change) -> vouch:query -> layout forced, median
// and p95 of N, and the Long Tasks (> 50 ms) seen during the actions (not the
// load). Not yet part of `npm run bench` (no plain-JS side by side here).
//   node bench/widget-actions.mjs [distDir=dist] [reviews=10000] [runs=25]
// Needs build/bench-data/reviews-N.bin (bench/data.mjs writes it).
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';
import { launchChromium } from './browser.mjs';
import { dataDir } from './data.mjs';
import { median } from './lib/stats.mjs';

const [distDir = join(root, 'dist'), n = '10000', runs = '25'] = process.argv.slice(2);
const server = await startStaticServer({ mounts: { '/dist/': distDir, '/data/': dataDir, '/p/': join(root, 'bench', 'browser', 'pages') } });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${server.url}/p/widget-actions.html?n=${n}`);
await page.waitForFunction(() => document.querySelector('[data-vouch-reviews]').shadowRoot?.querySelector('.v-card'), null, { timeout: 60000 });
await page.waitForTimeout(1500); await page.evaluate(() => { window.longTasks.length = 0; });
const act = (selector) => page.evaluate((sel) => new Promise((resolve) => {
  const host = document.querySelector('[data-vouch-reviews]');
  const el = host.shadowRoot.querySelector(sel);
  const t0 = performance.now();
  host.addEventListener('vouch:query', () => { host.offsetHeight; resolve(performance.now() - t0); }, { once: true });
  if (el.tagName === 'SELECT') { el.value = el.value === 'newest' ? 'lowest' : 'newest'; el.dispatchEvent(new Event('change', { bubbles: true })); } else el.click();
}), selector);
const actions = { 'next page': '[data-action="page"][aria-current="page"] + button, [data-action="page"][aria-current="page"] ~ [data-action="page"]', 'star 5 toggle': '[data-action="stars"][data-value="5"]', 'sort toggle': 'select[data-action="sort"]', 'verified toggle': '[data-action="verified"]' };
for (const [name, sel] of Object.entries(actions)) {
  const times = [];
  for (let r = 0; r < Number(runs); r++) times.push(await act(sel));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${name}\tmedian ${median(times).toFixed(1)} ms\tp95 ${sorted[Math.floor(0.95 * (sorted.length - 1))].toFixed(1)} ms`);
}
console.log('long tasks > 50 ms during actions:', JSON.stringify((await page.evaluate(() => window.longTasks)).map(Math.round)));
await browser.close(); await server.close();
