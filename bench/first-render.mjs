// First render (issue 19): from the reviews' place nearing the viewport to the
// reviews on screen, at 10, 1k, 20k and 100k reviews, on a desktop profile and
// on a throttled mobile one (150 ms, 1.6 Mbit/s, CPU ×4, by CDP); layout shift
// with the widget in the first screen, below it and when the shopper scrolls
// there before it loaded; long tasks during the whole load; the bytes the
// widget downloaded before its first render. `node bench/first-render.mjs`
// runs this part alone and replaces only its section of bench/RESULTS.md.
//
// Served by vouch-server's own static mounts (precompressed siblings, as a CDN
// would send them): the static export's files for each size (the snapshot and
// its first responses, written by `vouch-server first-render`), and the same
// snapshot under another name without first responses (?full: the widget as
// it loaded before, which downloaded the whole snapshot and the wasm first).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { root } from '../scripts/lib/run.mjs';
import { startVouchServer } from '../scripts/lib/server-process.mjs';
import { launchChromium } from './browser.mjs';
import { dataDir as benchDataDir } from './data.mjs';
import { clothingCsv, loadEnglishReviews, snapshotJson } from './lib/dataset.mjs';
import { median } from './lib/stats.mjs';
import { convertToBinary, nativeDir } from './native.mjs';
import { writeSection } from './lib/results-section.mjs';

export const firstSizes = [10, 1000, 20000, 100000];
export const HEADING = '## 6b. First render: nearing the viewport → reviews on screen (Chromium)';
const MOBILE = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8), cpu: 4, viewport: { width: 412, height: 823 } };
const DESKTOP = { viewport: { width: 1000, height: 900 } };

function brotliFile(path, quality) {
  writeFileSync(`${path}.br`, brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }));
}

/** build/bench-data/first/: reviews-N.bin + its first responses, full-reviews-N.bin, all with .br. */
export function ensureFirstData(binary) {
  const dir = join(benchDataDir, 'first');
  mkdirSync(dir, { recursive: true });
  let english = null;
  for (const n of firstSizes) {
    const bin = join(dir, `reviews-${n}.bin`);
    if (!existsSync(bin)) {
      if (!existsSync(clothingCsv)) throw new Error(`bench needs the real reviews in ${clothingCsv} (../shared/data)`);
      english ??= loadEnglishReviews();
      const json = join(dir, `reviews-${n}.json`);
      writeFileSync(json, snapshotJson(n, english));
      convertToBinary(json, bin);
      rmSync(json);
      brotliFile(bin, 5);
      copyFileSync(bin, join(dir, `full-reviews-${n}.bin`));
      copyFileSync(`${bin}.br`, join(dir, `full-reviews-${n}.bin.br`));
    }
    // Always rewritten: they follow the renderer of the build under test.
    execFileSync(binary, ['first-render', bin], { stdio: 'ignore' });
  }
  for (const name of readdirSync(dir)) if (/\.first-[A-Za-z-]+\.json$/.test(name)) brotliFile(join(dir, name), 11);
  return dir;
}

async function measure(browser, url, profile) {
  const page = await browser.newPage({ viewport: profile.viewport });
  try {
    if (profile.cpu) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.benchFirst && window.benchFirst.readyAt !== null, null, { timeout: 240000, polling: 100 });
    await page.waitForTimeout(1500); // late shifts and tasks (the wasm fetched at idle) land here
    return await page.evaluate(() => {
      const b = window.benchFirst;
      const widget = performance.getEntriesByType('resource').filter((e) => /\/(dist|data)\//.test(e.name) && e.responseEnd <= b.readyAt);
      return {
        cls: b.shifts,
        visible: b.readyAt - b.nearAt,
        ready: b.readyAt,
        bytes: widget.reduce((sum, e) => sum + e.encodedBodySize, 0),
        files: widget.map((e) => `${e.name.replace(/^.*\//, '')} ${e.encodedBodySize}`),
        longTasks: b.longTasks,
      };
    });
  } finally {
    await page.close();
  }
}

/** @returns {Promise<string[]>} the section's lines */
export async function benchFirstRender({ quick = false, distDir = join(root, 'dist') } = {}) {
  const binary = join(nativeDir, 'src', 'server', 'vouch-server');
  const dir = ensureFirstData(binary);
  const work = mkdtempSync(join(tmpdir(), 'vouch-bench-first-'));
  const server = await startVouchServer({
    binary,
    args: ['--db', join(work, 'vouch.db'), '--mount', `/dist/=${distDir}`, '--mount', `/data/=${dir}`,
      '--mount', `/demo/=${join(root, 'demo')}`, '--mount', `/bench/=${join(root, 'bench', 'browser')}`],
  });
  const browser = await launchChromium();
  const runs = quick ? 1 : 3;
  const rows = [];
  const sample = async (query, profile) => {
    const all = [];
    for (let r = 0; r < runs; r++) all.push(await measure(browser, `${server.url}/bench/first/product.html?${query}`, profile));
    return {
      cls: Math.max(...all.map((s) => s.cls)),
      visible: median(all.map((s) => s.visible)),
      bytes: median(all.map((s) => s.bytes)),
      files: all[0].files,
      longest: Math.max(0, ...all.flatMap((s) => s.longTasks.map(([, d]) => d))),
      longCount: Math.max(...all.map((s) => s.longTasks.length)),
    };
  };
  try {
    for (const n of firstSizes) {
      for (const [name, profile] of [['desktop', DESKTOP], ['mobile, throttled', MOBILE]]) {
        for (const [position, query] of [['first screen', ''], ['below the first screen', 'below'], ['scrolled to before it loaded', 'scroll'], ['first screen, space reserved (docs/embedding.md)', 'reserve']]) {
          const s = await sample(`n=${n}&${query}`, profile);
          rows.push([n.toLocaleString('en'), name, position, `${s.visible.toFixed(0)} ms`, s.cls.toFixed(4), `${s.longCount} (longest ${s.longest} ms)`, `${s.bytes} B`]);
          console.error(`first render ${n} ${name} ${position}: ${JSON.stringify(s)}`);
        }
      }
    }
    // Before issue 19 (no first response: the wasm and the whole snapshot first), for comparison.
    const before = [];
    for (const n of [1000, 20000]) {
      for (const [name, profile] of [['desktop', DESKTOP], ['mobile, throttled', MOBILE]]) {
        const s = await sample(`n=${n}&scroll&full`, profile);
        before.push([n.toLocaleString('en'), name, `${s.visible.toFixed(0)} ms`, s.cls.toFixed(4), `${s.longCount} (longest ${s.longest} ms)`, `${s.bytes} B`]);
        console.error(`full load ${n} ${name}: ${JSON.stringify(s)}`);
      }
    }
    const lines = [HEADING, ''];
    lines.push('The widget on the bench product page (bench/browser/first/), a static store\'s files served by');
    lines.push('vouch-server (precompressed, as a CDN sends them): `visible` = from the reviews\' place coming');
    lines.push('within 1250 px of the viewport (when the widget starts loading) to `vouch:ready`; CLS = every');
    lines.push('`layout-shift` entry until ready + 1.5 s (max of runs); long tasks = Long Tasks API entries over');
    lines.push('the whole page load (max of runs); bytes = what the widget fetched before its first render');
    lines.push(`(encoded, vouch.js + the first response). Mobile: CDP 150 ms, 1.6 Mbit/s, CPU ×4, 412×823. Medians of ${runs}.`);
    lines.push('Goals: visible ≤ 3 s throttled at 20k, CLS 0.00 everywhere, no task over 50 ms.');
    lines.push('');
    lines.push('| reviews | profile | widget position | visible | CLS | long tasks | bytes before first render |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
    lines.push('The same page with a snapshot that has no first response (what every load did before issue 19:');
    lines.push('the wasm and the whole snapshot before anything shows), shopper scrolled there at once:');
    lines.push('');
    lines.push('| reviews | profile | visible | CLS | long tasks | bytes before first render |');
    lines.push('|---|---|---|---|---|---|');
    for (const row of before) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
    return lines;
  } finally {
    await browser.close();
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = await benchFirstRender({ quick: process.env.VOUCH_BENCH_QUICK === '1' });
  writeSection(join(root, 'bench', 'RESULTS.md'), HEADING, lines);
  console.log(lines.join('\n'));
}
