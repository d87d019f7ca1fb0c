// `npm run bench`: measures everything issue 8 asks for and writes
// bench/RESULTS.md (environment, payload, load, interaction, native vs wasm,
// memory, layout shift, server, growth; then the hand-kept change log from
// bench/CHANGES.md). Medians of several runs; ratios come from the same run.
// Nothing here asserts a time: goals are reported as met or missed.
//
// Inputs (defaults = what `npm run build` just built):
//   VOUCH_DIST_DIR         the bundle (dist/)            payload, CLS
//   VOUCH_WASM_DIR         the wasm tree (build/wasm)    web/ and node/ artifacts
//   VOUCH_BENCH_NATIVE_DIR the native tree (build/native) core_bench, vouch-server
//   VOUCH_BENCH_QUICK=1    fewer runs (a smoke run of the harness)
//   VOUCH_BENCH_ONLY=payload,load,...  run some parts only (parts: payload load interaction
//                          widget memory native cls first server inbox analytics)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { benchBrowser } from './browser.mjs';
import { benchCls } from './cls.mjs';
import { benchFirstRender } from './first-render.mjs';
import { dataDir, ensureDatasets, sizes } from './data.mjs';
import { afterFirstFiles, measureFirstRender, measurePayload, onDemandFiles } from './lib/payload.mjs';
import { interactions } from './lib/queries.mjs';
import { kb, ms, ratio } from './lib/stats.mjs';
import { nativeDir, timeNative } from './native.mjs';
import { benchAnalytics } from './analytics.mjs';
import { benchInbox } from './inbox.mjs';
import { benchServer } from './server.mjs';
import { wasmSections } from './wasm_contents.mjs';
import { measureWidgetVsPlain, widgetVsPlainLines } from './widget-vs-plain.mjs';
import { timeWasmNode } from './wasm_node.mjs';

process.chdir(root);
const distDir = process.env.VOUCH_DIST_DIR || join(root, 'dist');
const wasmDir = process.env.VOUCH_WASM_DIR || join(root, 'build', 'wasm');
const quick = process.env.VOUCH_BENCH_QUICK === '1';
const only = process.env.VOUCH_BENCH_ONLY ? new Set(process.env.VOUCH_BENCH_ONLY.split(',')) : null;
const wanted = (part) => !only || only.has(part);
const runs = (n) => (quick ? 3 : n >= 100000 ? 5 : 9);

const out = [];
const line = (text = '') => out.push(text);
const table = (head, rows) => {
  line(`| ${head.join(' | ')} |`);
  line(`|${head.map(() => '---').join('|')}|`);
  for (const row of rows) line(`| ${row.join(' | ')} |`);
  line();
};
const tryRun = async (name, action) => {
  try {
    return await action();
  } catch (error) {
    console.error(`bench: ${name} failed: ${error.stack || error.message}`);
    line(`**Not measured** (${name} failed: ${String(error.message).split('\n')[0]})`);
    line();
    return null;
  }
};
const goal = (met) => (met ? 'met' : '**missed**');

// ---- environment ----
const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } };
const commit = sh('git', ['rev-parse', '--short', 'HEAD']);
const dirty = sh('git', ['status', '--porcelain']) !== '' ? ' + uncommitted changes' : '';
const cpuModel = cpus()[0]?.model ?? 'unknown';
const chromium = sh('/usr/bin/chromium', ['--version']).split('\n').pop();
const emcc = sh('em++', ['--version']).split('\n')[0];

line('# Benchmark results');
line();
line('Written by `npm run bench` (bench/run.mjs); the change log at the end is kept by hand in');
line('`bench/CHANGES.md`. Medians of several runs on a shared, noisy 2-core machine: read ratios');
line('(measured side by side in the same run) rather than absolute times.');
line();
table(['', ''], [
  ['date', new Date().toISOString()],
  ['commit', `${commit}${dirty}`],
  ['CPU', `${cpuModel}, ${cpus().length} cores`],
  ['Chromium', chromium],
  ['Node', process.version],
  ['Emscripten', emcc],
  ['runs per median', quick ? '3 (quick)' : '9 (1k, 10k), 5 (100k)'],
]);

// ---- 1. payload ----
if (wanted('payload')) {
  line('## 1. Payload of the first render');
  line();
  line('Everything the first render downloads (issue 19): `vouch.js` (shim + minified CSS) and the');
  line("product's first response (summary, facets, first page, rendered by the core: `GET .../first` or");
  line('the static export\'s `<snapshot>.first-<locale>.json`), measured at its heaviest: the 10 longest of');
  line("the demo's 19,289 real reviews, in the locale whose texts weigh most. Goal ≤ 40 KB brotli for a");
  line('product of any size. `npm test` holds the ratchet in `bench/budget.json` (tests/node/payload_budget.test.mjs).');
  line();
  await tryRun('payload', async () => {
    const { files, total } = measureFirstRender(distDir, join(nativeDir, 'src', 'server', 'vouch-server'));
    const budget = JSON.parse(readFileSync(join(root, 'bench', 'budget.json'), 'utf8'));
    table(['file', 'raw', 'gzip -9', 'brotli -q 11'], [...files, total].map((f) =>
      [f.name, `${f.raw} B`, `${f.gzip} B`, `${f.brotli} B (${kb(f.brotli)} KB)`]));
    line(`Goal 40 KB brotli (40960 B): ${goal(total.brotli <= 40960)}` +
      (total.brotli > 40960 ? ` by ${total.brotli - 40960} B (${kb(total.brotli - 40960)} KB)` : '') +
      `. Budget in bench/budget.json: ${budget.brotli_bytes} B.`);
    line();
    const after = measurePayload(distDir, afterFirstFiles);
    line('After the first render: the core, imported when the page is idle (and at once by a widget');
    line('without a first response, or a star badge); the full snapshot comes at the first sort, filter or search:');
    line();
    table(['file', 'raw', 'gzip -9', 'brotli -q 11'], [...after.files, after.total].map((f) =>
      [f.name, `${f.raw} B`, `${f.gzip} B`, `${f.brotli} B (${kb(f.brotli)} KB)`]));
    const later = measurePayload(distDir, onDemandFiles);
    line('On demand: the form module, imported when a shopper hovers, focuses or clicks');
    line('"Write a review" (or when a store serves a JSON snapshot), and the search fold table,');
    line('fetched when a shopper focuses the search box (or opens a view with a query):');
    line();
    table(['file', 'raw', 'gzip -9', 'brotli -q 11'], [...later.files, later.total].map((f) =>
      [f.name, `${f.raw} B`, `${f.gzip} B`, `${f.brotli} B (${kb(f.brotli)} KB)`]));
    const sections = wasmSections(join(distDir, 'vouch-core.wasm'));
    line('What the core\'s wasm holds (`wasm-objdump -h`):');
    line();
    table(['section', 'bytes', 'share'], sections.map((s) => [s.name, String(s.size), `${((100 * s.size) / sections.total).toFixed(1)}%`]));
  });
}

// ---- data ----
const sets = ensureDatasets();
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const fileSize = (path) => readFileSync(path).length;

// ---- 2, 3, 5: Chromium ----
let browser = null;
if (wanted('load') || wanted('interaction') || wanted('memory')) {
  browser = await tryRun('browser', () => benchBrowser({ wasmWebDir: join(wasmDir, 'web'), dataDir, sizes, runs }));
}
if (browser && wanted('load')) {
  line('## 2. Load: snapshot bytes → first page rendered (Chromium)');
  line();
  line('From bytes in hand to the first 20 reviews laid out (summary + controls + list; layout forced).');
  line('wasm: `Store.reserveBinary` + `HEAPU8.set` + `Store.beginLoadReserved`/`loadStep`/`loadResult` in one call (JSON: the form module\'s');
  line('`SnapshotConverter` first, as the widget does) + `renderView` + `innerHTML`.');
  line('Baseline (bench/browser/page.js): `TextDecoder` + `JSON.parse` + filter + sort + take 20 +');
  line('summary + the same cards with DOM APIs. Goal: binary ≤ 0.5× the baseline at 10k and 100k.');
  line();
  table(['reviews', 'binary size', 'JSON size', 'wasm binary ms', 'wasm JSON ms', 'JS baseline ms', 'binary / baseline', 'goal'],
    sizes.map((n) => {
      const r = browser[n];
      const rel = r.load.binary / r.load.baseline;
      return [n.toLocaleString('en'), mb(r.bytes.binary), mb(r.bytes.json), ms(r.load.binary), ms(r.load.json), ms(r.load.baseline),
        ratio(r.load.binary, r.load.baseline), n >= 10000 ? goal(rel <= 0.5) : '—'];
    }));
  line('First search right after load (load + the query "fabric"; the search index is built on the');
  line('first search, so this is where it is paid):');
  line();
  table(['reviews', 'wasm ms', 'JS baseline ms', 'ratio'], sizes.map((n) => {
    const r = browser[n].firstSearch;
    return [n.toLocaleString('en'), ms(r.wasm), ms(r.baseline), ratio(r.wasm, r.baseline)];
  }));
}
if (browser && wanted('interaction')) {
  line('## 3. Interaction: event → updated DOM (Chromium)');
  line();
  line('One view per shopper action, rendered and laid out (warm: the search index exists). Goal ≤ 16 ms');
  line('at 10k, ≤ 50 ms at 100k. The baseline filters/sorts the parsed array on every action and');
  line('searches with lower-cased `includes` (no scoring: matches by date).');
  line();
  const rows = [];
  for (const q of interactions) {
    const row = [q.name];
    for (const n of [10000, 100000]) {
      const r = browser[n].interactions[q.name];
      const limit = n === 10000 ? 16 : 50;
      row.push(ms(r.wasm), ms(r.baseline), ratio(r.wasm, r.baseline), r.wasm <= limit ? 'met' : '**missed**');
    }
    rows.push(row);
  }
  table(['action', '10k wasm', '10k JS', 'ratio', '≤ 16 ms', '100k wasm', '100k JS', 'ratio', '≤ 50 ms'], rows);
}
// ---- 3b. the real widget vs a plain-JS page (issue 19) ----
// `node bench/widget-vs-plain.mjs [--quick]` runs this part alone and replaces only this section.
if (wanted('widget')) {
  await tryRun('widget vs plain', async () => {
    const results = await measureWidgetVsPlain({ distDir, ...(quick ? { sizes: [1000, 10000], rounds: () => 5 } : {}) });
    for (const text of widgetVsPlainLines(results, { quick })) line(text);
  });
}
if (browser && wanted('memory')) {
  line('## 5. Memory: wasm heap vs snapshot size (Chromium)');
  line();
  line('`WebAssembly.Memory` size (it never shrinks) on a fresh instance, after loading the binary snapshot');
  line('and after the first search (the index). Goal ≤ 1.5× the snapshot.');
  line();
  table(['reviews', 'snapshot', 'heap before', 'heap after load', 'ratio', 'after first search', 'ratio', 'goal (load)'], sizes.map((n) => {
    const r = browser[n];
    return [n.toLocaleString('en'), mb(r.bytes.binary), mb(r.memory.start), mb(r.memory.loaded), ratio(r.memory.loaded, r.bytes.binary),
      mb(r.memory.searched), ratio(r.memory.searched, r.bytes.binary), n === 100000 ? goal(r.memory.loaded <= 1.5 * r.bytes.binary) : '—'];
  }));
}

// ---- 4. native vs wasm ----
let native = null;
let wasmNode = null;
if (wanted('native')) {
  line('## 4. The core natively vs in wasm');
  line();
  line('The same façade calls (load, `render_view` per action), g++ -O2 natively (bench/native/core_bench.cpp)');
  line('vs the shipped wasm flags in Node 20 (bench/wasm_node.mjs).');
  line();
  await tryRun('native vs wasm', async () => {
    native = {};
    wasmNode = {};
    for (const n of sizes) {
      native[n] = timeNative(sets[n].bin, sets[n].json, runs(n));
      wasmNode[n] = await timeWasmNode(join(wasmDir, 'node'), sets[n].bin, sets[n].json, runs(n));
    }
    const ops = Object.keys(native[10000]);
    table(['operation', '10k native', '10k wasm', 'wasm / native', '100k native', '100k wasm', 'wasm / native'], ops.map((op) =>
      [op, ms(native[10000][op]), ms(wasmNode[10000][op]), ratio(wasmNode[10000][op], native[10000][op]),
        ms(native[100000][op]), ms(wasmNode[100000][op]), ratio(wasmNode[100000][op], native[100000][op])]));
  });
}

// ---- 6. CLS ----
if (wanted('cls')) {
  line('## 6. Layout shift and time to widget visible (Chromium)');
  line();
  await tryRun('cls', async () => {
    const cls = await benchCls({ distDir, runs: quick ? 2 : 5 });
    line('Cumulative Layout Shift (PerformanceObserver `layout-shift`, every entry, until the widget is');
    line('rendered + 1 s) and time from the script tag starting to the reviews visible. Goal CLS 0.00.');
    line();
    table(['page', 'CLS (max of runs)', 'goal', 'script start → widget visible (median)'], cls.map((c) =>
      [c.page, c.cls.toFixed(4), goal(c.cls === 0), `${ms(c.visibleMs)} ms`]));
  });
}

// ---- 6b. first render (issue 19) ----
// `node bench/first-render.mjs` runs this part alone and replaces only this section.
if (wanted('first')) {
  await tryRun('first render', async () => {
    for (const text of await benchFirstRender({ quick, distDir })) line(text);
  });
}

// ---- 7. server ----
if (wanted('server')) {
  line('## 7. Server: snapshot requests and review submissions (wrk, loopback)');
  line();
  await tryRun('server', async () => {
    const s = await benchServer({ nativeDir, jsonPath: sets[1000].json, quick, distDir });
    line(`\`wrk -t2 -c32 -d${s.seconds}s\`, medians of ${s.runs} runs, both servers started by the bench on free ports,`);
    line('run alternately. vouch-server (libmicrohttpd, SQLite WAL) serves `GET /api/v1/products/ID/snapshot`');
    line('(binary, from its snapshot cache); nginx-light serves the same bytes from a file. Goal ≥ 0.5× nginx.');
    line();
    table(['target', 'requests/s', 'latency p50', 'vs nginx', 'goal'], [
      ['nginx, static file', s.nginx.rps.toFixed(0), s.nginx.p50, '1.00×', ''],
      ['vouch-server GET snapshot', s.vouch.rps.toFixed(0), s.vouch.p50, ratio(s.vouch.rps, s.nginx.rps), goal(s.vouch.rps >= 0.5 * s.nginx.rps)],
      ['vouch-server GET summaries (one product, small JSON)', s.summaries.rps.toFixed(0), s.summaries.p50, '', ''],
    ]);
    // Compression (issue #13 A9): precompressed once, so a compressed answer
    // costs no more CPU than an identity one.
    const cpu = (x) => (x?.cpuPerRequest === undefined ? '?' : `${x.cpuPerRequest.toFixed(3)} ms`);
    const compressionRows = [
      ['snapshot JSON, identity', s.jsonIdentity.rps.toFixed(0), s.jsonIdentity.p50, cpu(s.jsonIdentity), `${s.wire.jsonIdentity.bytes} B ${s.wire.jsonIdentity.encoding}`],
      ['snapshot JSON, Accept-Encoding: br, gzip', s.jsonCompressed.rps.toFixed(0), s.jsonCompressed.p50, cpu(s.jsonCompressed), `${s.wire.jsonCompressed.bytes} B ${s.wire.jsonCompressed.encoding}`],
    ];
    if (s.script) compressionRows.push(['dist/vouch.js, Accept-Encoding: br', s.script.rps.toFixed(0), s.script.p50, cpu(s.script), `${s.wire.script.bytes} B ${s.wire.script.encoding}`]);
    table(['target', 'requests/s', 'latency p50', 'server CPU per request', 'on the wire'], compressionRows);
    line(`Snapshot: ${s.snapshotBytes} B binary for 1,000 reviews. POST review throughput (durable writes,`);
    line(`full validation, sequential clients ×${s.post.clients}): **${s.post.rps.toFixed(0)} reviews/s** ` +
      `(${s.post.count} accepted in ${s.post.seconds.toFixed(1)} s; statuses ${JSON.stringify(s.post.statuses)}).`);
    if (Object.keys(s.post.statuses).some((k) => k.startsWith('error'))) {
      line('An `UND_ERR_SOCKET` here is the first POST going out on a keep-alive connection Node\'s fetch');
      line('pooled before the wrk runs, which the server closed after 5 s idle; fetch does not retry a');
      line('POST. The server never saw that request (its log has one 201 per accepted review).');
    }
    line();
  });
}

// ---- 8. growth ----
if (browser || native) {
  line('## 8. Cost growth: 1k → 10k → 100k');
  line();
  line('Each column: time at 10× the reviews ÷ time before (10.0× = linear; more = worse than linear).');
  line();
  const rows = [];
  const add = (name, at) => {
    const [a, b, c] = sizes.map(at);
    rows.push([name, ms(a), ms(b), ms(c), ratio(b, a), ratio(c, b)]);
  };
  if (browser) {
    add('Chromium: load binary → first page', (n) => browser[n].load.binary);
    add('Chromium: load JSON → first page', (n) => browser[n].load.json);
    add('Chromium: JS baseline load', (n) => browser[n].load.baseline);
    add('Chromium: first search after load', (n) => browser[n].firstSearch.wasm);
    for (const name of ['sort: most helpful', 'filter: 5 stars', 'search Latin "fabric"', 'search Chinese "穿着很舒服"']) {
      add(`Chromium: ${name}`, (n) => browser[n].interactions[name].wasm);
    }
  }
  if (native) {
    add('native: load binary', (n) => native[n].load_binary);
    add('native: load JSON', (n) => native[n].load_json);
    add('native: search Latin "fabric"', (n) => native[n]['search Latin "fabric"']);
  }
  table(['operation', '1k ms', '10k ms', '100k ms', '10k / 1k', '100k / 10k'], rows);
}

// ---- 9. the console inbox at 100k (issue 15) ----
// `node bench/inbox.mjs` runs this part alone and replaces only this section.
if (wanted('inbox')) {
  await tryRun('inbox', async () => {
    for (const text of await benchInbox({ nativeDir, quick })) line(text);
  });
}

// ---- 10. the owner's analytics at 100k (issue 16) ----
// `node bench/analytics.mjs` runs this part alone and replaces only this section.
if (wanted('analytics')) {
  await tryRun('analytics', async () => {
    for (const text of await benchAnalytics({ nativeDir, quick })) line(text);
  });
}

// ---- change log ----
const changes = join(root, 'bench', 'CHANGES.md');
if (existsSync(changes)) out.push(readFileSync(changes, 'utf8').trimEnd(), '');

const target = process.env.VOUCH_BENCH_OUT || join(root, 'bench', 'RESULTS.md');
writeFileSync(target, `${out.join('\n')}\n`);
console.log(`bench: wrote ${target}`);
