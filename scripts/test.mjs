// `npm test`: builds everything and runs every tier, printing how long each took
// and one summary line at the end. Exit code 0 only when every tier passed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { root } from './lib/run.mjs';

process.chdir(root);
const jobs = String(Math.max(1, cpus().length));

/**
 * Runs a command and returns { ok, output }. Its output is echoed as it comes,
 * unless `echo` is false (a tier running beside another: printed when it ends);
 * `nice` runs it at a lower CPU priority; `env` adds variables.
 */
function runCaptured(command, args, { env = {}, echo = true, nice = false } = {}) {
  const [file, argv] = nice ? ['nice', ['-n', '10', command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    const collect = (stream) => (chunk) => {
      output += chunk;
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
    child.on('error', (error) => resolve({ ok: false, output: String(error) }));
  });
}

/** Counts from ctest ("N tests failed out of M") or node --test ("# pass N"). */
function countTests(output) {
  const ctest = output.match(/(\d+) tests failed out of (\d+)/);
  if (ctest) return { passed: Number(ctest[2]) - Number(ctest[1]), failed: Number(ctest[1]) };
  const pass = output.match(/^# pass (\d+)/m);
  const fail = output.match(/^# fail (\d+)/m);
  if (pass || fail) return { passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0) };
  return { passed: 0, failed: 0 };
}

// `opts.echo` false: the tier runs beside another lane and prints when it ends.
const ctest = (dir, extra = []) => (opts) =>
  runCaptured('ctest', ['--test-dir', dir, '-j', jobs, '--output-on-failure', '--no-tests=error', ...extra], opts);
// Under ASan+UBSan the whole-corpus measurements (20,000 real reviews through the
// importer and through the profanity filter, and the labelled profanity sets: over
// 8 minutes alone on a loaded 2-core machine) take minutes for code paths the
// fixture-sized tests already run under the sanitizers; the native tier runs them.
const SANITIZER_SKIP = ['-E', 'real English review datasets|profanity false positives on real English reviews|profanity: false positives <= 0.1 % and recall'];
const nodeTests = (folder) => (opts) =>
  runCaptured(process.execPath, ['--test', '--test-concurrency=1', `tests/${folder}/`], opts);
// A build in a child process (the build helpers block the event loop, and a lane
// beside it must keep reading its own child's output); `bundle`: then the browser
// bundle from the wasm tree.
const build = (tree, { bundle = false } = {}) => (opts) => {
  const then = bundle ? ".then(() => import('./scripts/bundle.mjs')).then((b) => b.bundle())" : '';
  return runCaptured(process.execPath, ['-e', `import('./scripts/build.mjs').then((m) => m.trees.${tree}())${then}`], opts);
};

// The sanitizer lane at a lower priority (nice 10), from the start: it fills the
// time the other tiers leave (the wasm link's single-threaded steps, the browser and
// HTTP tiers waiting on page loads, timers and the server's timeouts) instead of
// adding its whole build and run after them; at nice 10 it takes little from the
// native build it runs beside. VOUCH_TEST_SERIAL=1 runs every tier one after
// another (to time a tier alone).
const sanitizerLane = [
  { name: 'build: ASan+UBSan', run: build('sanitize'), nice: true },
  { name: 'core + server (Catch2, ASan+UBSan)', run: ctest('build/sanitize', SANITIZER_SKIP), needs: 'build: ASan+UBSan', nice: true,
    env: { ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=1', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' } },
];
const firstTiers = [
  { name: 'build: native', run: build('native') },
  { name: 'core + server (Catch2, native)', run: ctest('build/native'), needs: 'build: native' },
  { name: 'build: wasm + bundle', run: build('wasm', { bundle: true }) },
];
const mainLane = [
  // The HTTP layer under hostile clients (issue #13): raw sockets against the built binary.
  { name: 'server HTTP (node --test, raw sockets)', run: nodeTests('http'), needs: 'build: native' },
  { name: 'wasm (node --test)', run: nodeTests('node'), needs: 'build: wasm + bundle' },
  { name: 'browser (Chromium)', run: nodeTests('browser'), needs: ['build: native', 'build: wasm + bundle'] },
  // C++ style (Google base, .clang-format) as the style notes require.
  { name: 'format (clang-format --dry-run)', run: (opts) => runCaptured('bash', ['scripts/format.sh', '--check'], opts) },
  // The widget's public types (web/vouch.d.ts) as an integrator uses them.
  { name: 'types (tsc --noEmit)', run: (opts) => runCaptured(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tests/types/tsconfig.json'], opts) },
  // The widget's own modules that carry // @ts-check (JSDoc types), checked by tsc (issue 19: more to follow).
  { name: 'types of web/src (tsc --noEmit, @ts-check)', run: (opts) => runCaptured(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tests/types/tsconfig.web.json'], opts) },
];

const results = [];
let passed = 0;
let failed = 0;

/** Runs one lane's tiers in order; a tier whose prerequisite failed is reported, not run. */
async function runLane(lane, { background = false } = {}) {
  for (const tier of lane) {
    const needs = [tier.needs ?? []].flat();
    const blocker = needs.find((name) => results.find((r) => r.name === name && !r.ok));
    if (blocker) {
      results.push({ name: tier.name, ok: false, seconds: 0, note: `not run: ${blocker} failed` });
      failed += 1;
      continue;
    }
    if (!background) console.log(`\n=== ${tier.name} ===`);
    const started = Date.now();
    const { ok, output } = await tier.run({ echo: !background, env: tier.env, nice: tier.nice && background });
    const seconds = (Date.now() - started) / 1000;
    if (background) {
      // The whole output when it failed; otherwise its last lines (ctest's summary).
      const shown = ok ? output.trimEnd().split('\n').slice(-4).join('\n') : output;
      console.log(`\n=== ${tier.name} (ran beside the other tiers, ${seconds.toFixed(1)} s) ===\n${shown}`);
    }
    const counts = countTests(output);
    passed += counts.passed;
    failed += counts.failed + (ok || counts.failed ? 0 : 1);
    results.push({ name: tier.name, ok, seconds, counts, beside: background });
  }
}

const started = Date.now();
if (process.env.VOUCH_TEST_SERIAL === '1') {
  await runLane(firstTiers);
  await runLane(mainLane);
  await runLane(sanitizerLane);
} else {
  const foreground = async () => {
    await runLane(firstTiers);
    await runLane(mainLane);
  };
  await Promise.all([runLane(sanitizerLane, { background: true }), foreground()]);
}

console.log('\n=== npm test summary ===');
for (const r of results) {
  const counts = r.counts && r.counts.passed + r.counts.failed ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : '';
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(40)} ${r.seconds.toFixed(1).padStart(7)} s${counts}${r.beside ? '  (beside)' : ''}${r.note ? '  ' + r.note : ''}`);
}
const total = (Date.now() - started) / 1000;
console.log(`total ${total.toFixed(1)} s (wall clock; tiers marked "beside" ran at the same time as the others)${existsSync('../shared/data') ? '' : ' (../shared/data absent: corpus tests skipped)'}`);
console.log(`summary: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
