// Issue #19: the real widget (a bundle's vouch.js on a static binary snapshot,
// bench/browser/pages/widget.html) against an honest plain-JS page that shows
// the same reviews (bench/browser/pages/plain.js: fetch + JSON.parse + filter +
// sort + NFKC-folded includes + 20 cards by createElement), in one Chromium
// run, at 1k, 10k and 100k reviews. Per shopper action: event -> the page's
// query event -> layout forced, median and p95 of N rounds, the two pages
// interleaved (alternating which goes first) so load drift hits both alike;
// after every action (timed or not) the page that acted settles (settle()), so
// no timed action pays for work an earlier one left for after its paint.
// Every timed action starts from the default view (each is undone, untimed,
// before the next). Long Tasks (> 50 ms, PerformanceObserver 'longtask') in
// three phases: load (navigation -> ready + 2 s), first use (one warm-up round:
// the search box focused, so the widget's search index and the baseline's
// folded texts are built there) and the timed actions. Memory after the
// rounds (searches included), after a forced GC, by CDP: JS heap, ArrayBuffers,
// wasm memories and Blink's heap (see heap()), both pages on separate sites
// (own renderer processes), so each figure is one page's own.
//   node bench/widget-vs-plain.mjs [--quick] [--sizes=1000,100000] [--no-write]
//   (quick: 5 rounds, 1k + 10k; VOUCH_DIST_DIR another bundle; VOUCH_BENCH_JSON=file the raw figures)
// writes its section of bench/RESULTS.md; `npm run bench` runs it as a part.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';
import { chromium } from 'playwright-core';
import { dataDir, ensureDatasets, sizes as allSizes } from './data.mjs';
import { writeSection } from './lib/results-section.mjs';
import { median, ms, ratio } from './lib/stats.mjs';

export const HEADING = '## 3b. The real widget vs a plain-JS page (Chromium, issue 19)';
const LONG_TASK_MS = 50;
const INTERACTION_P95_MS = 16; // at 10k
const RATIO_GOAL = 0.5;
const MEMORY_GOAL = 1.5; // at 10k and 100k

// How each side shows the same shopper action: selectors inside the widget's
// shadow root (the core's data-action markup) and in the plain page.
const SIDES = {
  widget: {
    path: 'widget.html', event: 'vouch:query', host: '[data-vouch-reviews]', shadow: true,
    sort: 'select[data-action="sort"]', star5: '[data-action="stars"][data-value="5"]', media: '[data-action="media"]',
    verified: '[data-action="verified"]', form: 'form[data-action="search"]', input: '[data-action="search-input"]',
    page: '[data-action="page"][data-value="PAGE"]',
  },
  plain: {
    path: 'plain.html', event: 'plain:query', host: '#reviews', shadow: false,
    sort: 'select', star5: '[data-stars="5"]', media: '[data-toggle="media"]', verified: '[data-toggle="verified"]',
    form: 'form', input: 'input[name="q"]', page: '[data-page="PAGE"]',
  },
};

// [name, do, undo]: each step is { click } | { sort } | { search } (see act()).
export const ACTIONS = [
  ['sort: highest', { sort: 'highest' }, { sort: 'newest' }],
  ['sort: lowest', { sort: 'lowest' }, { sort: 'newest' }],
  ['sort: most helpful', { sort: 'most_helpful' }, { sort: 'newest' }],
  ['filter: 5 stars', { click: 'star5' }, { click: 'star5' }],
  ['filter: with photos', { click: 'media' }, { click: 'media' }],
  ['filter: verified', { click: 'verified' }, { click: 'verified' }],
  ['search Latin "fabric"', { search: 'fabric' }, { search: '' }],
  ['search Chinese "面料"', { search: '面料' }, { search: '' }],
  ['next page', { page: 1 }, { page: 0 }],
];

/** In the page: one step; resolves with ms from dispatch to the query event + layout. */
function act([side, step]) {
  const host = document.querySelector(side.host);
  const root = side.shadow ? host.shadowRoot : document;
  const find = (selector) => {
    const found = root.querySelector(selector);
    if (!found) throw new Error(`${side.path}: no ${selector}`);
    return found;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${side.path}: no ${side.event} after ${JSON.stringify(step)}`)), 30000);
    let t0 = 0;
    host.addEventListener(side.event, () => {
      host.offsetHeight; // style + layout, as the next frame would
      clearTimeout(timer);
      resolve(performance.now() - t0);
    }, { once: true });
    if (step.sort) {
      const select = find(side.sort);
      select.value = step.sort;
      t0 = performance.now();
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (step.search !== undefined) {
      const input = find(side.input);
      input.value = step.search;
      t0 = performance.now();
      find(side.form).requestSubmit();
    } else {
      const button = find(step.page !== undefined ? side.page.replace('PAGE', String(step.page)) : side[step.click]);
      t0 = performance.now();
      button.click();
    }
  });
}

/**
 * In the page: resolves once the page is idle again after an action: two frames
 * painted, each followed by a task, so what either page left for after its paint
 * (the widget's cards below the screen, an image's decode) is done before the
 * next timed action starts, on this page and beside it (both share two cores).
 */
function settle() {
  const frameThenTask = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return frameThenTask().then(frameThenTask);
}

/** In the page: focus the search box (the widget prepares search on focus). */
function focusSearch(side) {
  const host = document.querySelector(side.host);
  (side.shadow ? host.shadowRoot : document).querySelector(side.input).focus();
}

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
};
const idle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function openSide(browser, url, name) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`bench ${name}: ${error.message}`));
  // Photo thumbnails point at cdn.example: answered at once, alike for both sides.
  await page.route('https://cdn.example/**', (route) => route.fulfill({ status: 404, body: '' }));
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => window.readyAt !== null, null, { timeout: 240000, polling: 50 });
  await idle(2000); // the widget's idle-time work (core, fonts) lands in the load phase
  const load = await page.evaluate(() => ({ readyMs: window.readyAt, tasks: window.longTasks.splice(0) }));
  return { context, page, cdp, load };
}

// Runtime.getHeapUsage counts ArrayBuffers (backingStorageSize) but not a
// WebAssembly.Memory: widget.html records the memory of every module the
// widget instantiates (the core's, and the form or Q&A module's if loaded).
async function heap(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => (window.wasmMemories || []).reduce((sum, m) => sum + m.buffer.byteLength, 0));
  const parts = { js: usage.usedSize, buffers: usage.backingStorageSize ?? 0, wasm, dom: usage.embedderHeapUsedSize ?? 0 };
  return { ...parts, total: parts.js + parts.buffers + parts.wasm + parts.dom };
}

const summarise = (tasks) => ({ count: tasks.length, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0) });

/**
 * @param {{ distDir: string, sizes?: number[], rounds?: (n: number) => number }} options
 * @returns {Promise<{ [n: number]: object }>}
 */
export async function measureWidgetVsPlain({ distDir, sizes = allSizes, rounds = (n) => (n >= 100000 ? 11 : 21) }) {
  ensureDatasets();
  const server = await startStaticServer({
    mounts: { '/dist/': distDir, '/data/': dataDir, '/p/': join(root, 'bench', 'browser', 'pages') },
  });
  const port = new URL(server.url).port;
  // Two sites (own renderer processes, own heaps) on the one loopback server.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP widget.test 127.0.0.1, MAP plain.test 127.0.0.1'],
  });
  const results = {};
  try {
    for (const n of sizes) {
      const loadBefore = loadavg()[0];
      const sides = {};
      for (const name of ['widget', 'plain']) {
        sides[name] = await openSide(browser, `http://${name}.test:${port}/p/${SIDES[name].path}?n=${n}`, name);
      }
      const run = async (name, step) => {
        const took = await sides[name].page.evaluate(act, [SIDES[name], step]);
        await sides[name].page.evaluate(settle);
        return took;
      };
      // First use: the search box focused, one untimed round of every action.
      for (const name of ['widget', 'plain']) {
        await sides[name].page.evaluate(focusSearch, SIDES[name]);
        await idle(n >= 100000 ? 8000 : 2000); // the index is built while the shopper types
        for (const [, doStep, undo] of ACTIONS) {
          await run(name, doStep);
          await run(name, undo);
        }
        await idle(500);
      }
      const firstUse = {};
      for (const name of ['widget', 'plain']) firstUse[name] = await sides[name].page.evaluate(() => window.longTasks.splice(0));
      const times = {};
      for (const [action] of ACTIONS) times[action] = { widget: [], plain: [] };
      const count = rounds(n);
      for (let r = 0; r < count; r++) {
        for (const [action, doStep, undo] of ACTIONS) {
          const order = r % 2 ? ['plain', 'widget'] : ['widget', 'plain'];
          for (const name of order) {
            times[action][name].push(await run(name, doStep));
            await run(name, undo);
          }
        }
      }
      const actionTasks = {};
      const memory = {};
      for (const name of ['widget', 'plain']) {
        actionTasks[name] = await sides[name].page.evaluate(() => window.longTasks.splice(0));
        memory[name] = await heap(sides[name].cdp, sides[name].page);
      }
      results[n] = {
        rounds: count,
        load: Object.fromEntries(['widget', 'plain'].map((s) => [s, { readyMs: sides[s].load.readyMs, ...summarise(sides[s].load.tasks) }])),
        firstUse: Object.fromEntries(['widget', 'plain'].map((s) => [s, summarise(firstUse[s])])),
        actionTasks: Object.fromEntries(['widget', 'plain'].map((s) => [s, summarise(actionTasks[s])])),
        actions: Object.fromEntries(ACTIONS.map(([action]) => [action, {
          widget: { median: median(times[action].widget), p95: p95(times[action].widget) },
          plain: { median: median(times[action].plain), p95: p95(times[action].plain) },
        }])),
        memory,
        machine: { date: new Date().toISOString(), cpu: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`, loadAverage: [loadBefore, loadavg()[0]] },
      };
      for (const side of Object.values(sides)) await side.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const sizeName = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const tasks = (t) => (t.count ? `**${t.count}** (longest ${ms(t.longest)} ms)` : '0');

/** The section's markdown lines, with a goal verdict per figure. */
export function widgetVsPlainLines(results, { quick = false } = {}) {
  const sizes = Object.keys(results).map(Number);
  const lines = [HEADING, ''];
  const line = (text = '') => lines.push(text);
  const table = (head, rows) => {
    line(`| ${head.join(' | ')} |`);
    line(`|${head.map(() => '---').join('|')}|`);
    for (const row of rows) line(`| ${row.join(' | ')} |`);
    line();
  };
  line('bench/widget-vs-plain.mjs. Widget: `dist/vouch.js` on a static binary snapshot (no first response:');
  line('core + snapshot at load), bench/browser/pages/widget.html. Plain JS: bench/browser/pages/plain.js (fetch');
  line('the same reviews as JSON, `JSON.parse`, precomputed sort keys, filter + sort per action, NFKC + lower-case');
  line('`includes` over folded texts made at the first search, 20 cards with what a widget card shows, by `createElement`/`textContent`, pager).');
  line('Both 1000×900, one Chromium, on two sites (own processes). Per action: dispatch → the page\'s query');
  line('event → layout forced; each from the default view; rounds interleaved widget/plain ' +
    `(${sizes.map((n) => `${results[n].rounds} at ${sizeName(n)}`).join(', ')}${quick ? ', quick mode' : ''}).`);
  const first = results[sizes[0]].machine;
  if (first) {
    const loads = sizes.flatMap((n) => results[n].machine.loadAverage);
    line(`Measured ${first.date.slice(0, 16).replace('T', ' ')} UTC on ${first.cpu}, 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
    line('during the run (the machine is shared: with a load far above the core count, a task\'s wall time includes the time');
    line('its process waited for a core, so p95s and long-task counts are inflated on both sides; the medians\' ratio is the figure to read).');
  }
  line(`Goals: widget ≤ ${RATIO_GOAL}× plain (median) at every size; p95 ≤ ${INTERACTION_P95_MS} ms at 10k.`);
  line();
  const head = ['action'];
  for (const n of sizes) head.push(`${sizeName(n)} widget med / p95`, `${sizeName(n)} plain med / p95`, `${sizeName(n)} ratio`);
  head.push('goal');
  const verdicts = [];
  const rows = ACTIONS.map(([action]) => {
    const row = [action];
    let met = true;
    for (const n of sizes) {
      const a = results[n].actions[action];
      const rel = a.widget.median / a.plain.median;
      const ok = rel <= RATIO_GOAL && (n !== 10000 || a.widget.p95 <= INTERACTION_P95_MS);
      met &&= ok;
      row.push(`${ms(a.widget.median)} / ${ms(a.widget.p95)}`, `${ms(a.plain.median)} / ${ms(a.plain.p95)}`, rel <= RATIO_GOAL ? ratio(a.widget.median, a.plain.median) : `**${ratio(a.widget.median, a.plain.median)}**`);
    }
    verdicts.push(met);
    row.push(met ? 'met' : '**missed**');
    return row;
  });
  table(head, rows);
  line(`Interactions: ${verdicts.filter(Boolean).length} of ${verdicts.length} actions meet both goals at every size measured.`);
  for (const n of sizes) {
    const rels = ACTIONS.map(([action]) => results[n].actions[action].widget.median / results[n].actions[action].plain.median);
    const met = rels.filter((r) => r <= RATIO_GOAL).length;
    const edge = rels.filter((r) => r > 0.8 * RATIO_GOAL && r <= 1.2 * RATIO_GOAL).length;
    let text = `- ${sizeName(n)}: ≤ ${RATIO_GOAL}× plain for ${met} of ${ACTIONS.length} actions (ratios ${Math.min(...rels).toFixed(2)}–${Math.max(...rels).toFixed(2)}×; ${edge} within ±20% of the goal, at the edge)`;
    if (n === 10000) {
      const p95s = ACTIONS.map(([action]) => results[n].actions[action].widget.p95);
      const medians = ACTIONS.map(([action]) => results[n].actions[action].widget.median);
      text += `; p95 ≤ ${INTERACTION_P95_MS} ms for ${p95s.filter((v) => v <= INTERACTION_P95_MS).length} of ${ACTIONS.length} (medians ${ms(Math.min(...medians))}–${ms(Math.max(...medians))} ms)`;
    }
    line(`${text}.`);
  }
  line();
  line(`Long tasks (> ${LONG_TASK_MS} ms, Long Tasks API): count (longest). Load = navigation → the first view + 2 s; first use =`);
  line('the search box focused (index / folded texts built) + one untimed round of every action; actions = the timed rounds.');
  line('Goal: none in the widget at any size.');
  line();
  table(['reviews', 'widget ready ms', 'plain ready ms', 'widget load', 'widget first use', 'widget actions', 'plain load', 'plain first use', 'plain actions', 'goal'],
    sizes.map((n) => {
      const r = results[n];
      const none = [r.load.widget, r.firstUse.widget, r.actionTasks.widget].every((t) => t.count === 0);
      return [n.toLocaleString('en'), ms(r.load.widget.readyMs), ms(r.load.plain.readyMs), tasks(r.load.widget), tasks(r.firstUse.widget), tasks(r.actionTasks.widget),
        tasks(r.load.plain), tasks(r.firstUse.plain), tasks(r.actionTasks.plain), none ? 'met' : '**missed**'];
    }));
  line('Memory after the rounds (searches included), forced GC, CDP: JS heap in use (`Runtime.getHeapUsage` usedSize),');
  line('ArrayBuffer backing stores (backingStorageSize), the `WebAssembly.Memory` of every module the widget instantiated');
  line('(recorded by widget.html; the core\'s holds snapshot + indexes + search index and never shrinks) and Blink\'s');
  line(`heap (embedderHeapUsedSize: DOM and styles). Goal: widget total ≤ ${MEMORY_GOAL}× plain total at 10k and 100k.`);
  line();
  table(['reviews', 'widget JS', 'widget wasm', 'widget buffers', 'widget DOM', 'widget total', 'plain JS', 'plain DOM', 'plain total', 'ratio', 'goal'],
    sizes.map((n) => {
      const { widget, plain } = results[n].memory;
      const rel = widget.total / plain.total;
      return [n.toLocaleString('en'), mb(widget.js), mb(widget.wasm), mb(widget.buffers), mb(widget.dom), mb(widget.total), mb(plain.js), mb(plain.dom),
        mb(plain.total), ratio(widget.total, plain.total), n >= 10000 ? (rel <= MEMORY_GOAL ? 'met' : '**missed**') : '—'];
    }));
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--from-json')) {
  // Rewrites the section from the raw figures of a run (VOUCH_BENCH_JSON), e.g. after a wording change.
  process.chdir(root);
  const results = JSON.parse((await import('node:fs')).readFileSync(process.argv[process.argv.indexOf('--from-json') + 1], 'utf8'));
  writeSection(process.env.VOUCH_BENCH_OUT || join(root, 'bench', 'RESULTS.md'), HEADING, widgetVsPlainLines(results));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  process.chdir(root);
  const quick = process.argv.includes('--quick') || process.env.VOUCH_BENCH_QUICK === '1';
  const distDir = process.env.VOUCH_DIST_DIR || join(root, 'dist');
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const options = quick ? { sizes: [1000, 10000], rounds: () => 5 } : {};
  if (sizesArg) options.sizes = sizesArg.slice(8).split(',').map(Number);
  const results = await measureWidgetVsPlain({ distDir, ...options });
  const lines = widgetVsPlainLines(results, { quick });
  console.log(lines.join('\n'));
  if (process.env.VOUCH_BENCH_JSON) (await import('node:fs')).writeFileSync(process.env.VOUCH_BENCH_JSON, JSON.stringify(results, null, 2));
  if (!process.argv.includes('--no-write')) writeSection(process.env.VOUCH_BENCH_OUT || join(root, 'bench', 'RESULTS.md'), HEADING, lines);
}
