// Load, interaction and memory in headless Chromium (Debian's, via
// playwright-core): the wasm core against the plain-JS baseline in
// bench/browser/page.js, side by side in the same page and run (kinds are
// interleaved run by run, so machine noise hits both alike).
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from '../scripts/lib/run.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';
import { interactions } from './lib/queries.mjs';
import { median } from './lib/stats.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * @param {{ wasmWebDir: string, dataDir: string, sizes: number[], runs: (n:number)=>number }} options
 * @returns {Promise<{ [n: number]: { load, firstSearch, interactions, memory } }>}
 */
export async function benchBrowser({ wasmWebDir, dataDir, sizes, runs }) {
  const server = await startStaticServer({
    mounts: { '/wasm/': wasmWebDir, '/data/': dataDir, '/bench/': join(root, 'bench', 'browser'), '/web-src/': join(root, 'web', 'src') },
  });
  const browser = await launchChromium();
  const results = {};
  try {
    for (const n of sizes) {
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      page.on('pageerror', (error) => console.error(`bench page: ${error.message}`));
      await page.goto(`${server.url}/bench/index.html`);
      await page.evaluate(() => window.benchInit());
      const binaryBytes = await page.evaluate((url) => window.benchFetch('binary', url), `/data/reviews-${n}.bin`);
      const jsonBytes = await page.evaluate((url) => window.benchFetch('json', url), `/data/reviews-${n}.json`);
      const memoryStart = await page.evaluate(() => window.benchMemory());
      // Memory first, on a fresh instance: the heap after loading the binary
      // snapshot, then after the first search (the lazily built index).
      await page.evaluate(() => window.benchLoad('binary'));
      const memoryLoaded = await page.evaluate(() => window.benchMemory());
      await page.evaluate((q) => window.benchInteract('wasm', q), interactions.find((q) => q.search));
      const memorySearched = await page.evaluate(() => window.benchMemory());

      const count = runs(n);
      const kinds = ['binary', 'json', 'baseline'];
      const load = Object.fromEntries(kinds.map((k) => [k, []]));
      const firstSearch = { wasm: [], baseline: [] };
      const searchQuery = interactions.find((q) => q.search === 'fabric');
      for (let r = 0; r < count; r++) {
        for (const kind of kinds) load[kind].push(await page.evaluate((k) => window.benchLoad(k), kind));
        firstSearch.wasm.push(await page.evaluate((q) => window.benchLoadAndSearch('binary', q), searchQuery));
        firstSearch.baseline.push(await page.evaluate((q) => window.benchLoadAndSearch('baseline', q), searchQuery));
      }
      // Interactions on loaded data (binary snapshot in the store, parsed JSON in the baseline).
      await page.evaluate(() => window.benchLoad('binary'));
      await page.evaluate(() => window.benchLoad('baseline'));
      const interaction = {};
      for (const q of interactions) {
        const wasm = [];
        const baseline = [];
        const warm = await page.evaluate((query) => [window.benchInteract('wasm', query), window.benchInteract('baseline', query)], q);
        for (let r = 0; r < Math.max(5, count); r++) {
          wasm.push((await page.evaluate((query) => window.benchInteract('wasm', query), q)).ms);
          baseline.push((await page.evaluate((query) => window.benchInteract('baseline', query), q)).ms);
        }
        interaction[q.name] = { wasm: median(wasm), baseline: median(baseline), wasmTotal: warm[0].total, baselineTotal: warm[1].total };
      }
      results[n] = {
        bytes: { binary: binaryBytes, json: jsonBytes },
        load: Object.fromEntries(kinds.map((k) => [k, median(load[k])])),
        firstSearch: { wasm: median(firstSearch.wasm), baseline: median(firstSearch.baseline) },
        interactions: interaction,
        memory: { start: memoryStart, loaded: memoryLoaded, searched: memorySearched },
        runs: count,
      };
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
