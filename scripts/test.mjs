// `npm test`: builds everything and runs every tier, printing how long each took
// and one summary line at the end. Exit code 0 only when every tier passed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { trees } from './build.mjs';
import { bundle } from './bundle.mjs';
import { root } from './lib/run.mjs';

process.chdir(root);
const jobs = String(Math.max(1, cpus().length));

/** Runs a command, echoing its output, and returns { ok, output }. */
function runCaptured(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
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

const ctest = (dir, extra = []) => () =>
  runCaptured('ctest', ['--test-dir', dir, '-j', jobs, '--output-on-failure', '--no-tests=error', ...extra]);
// Under ASan+UBSan the whole-corpus measurements (20,000 real reviews through the
// importer and through the profanity filter, and the labelled profanity sets: over
// 8 minutes alone on a loaded 2-core machine) take minutes for code paths the
// fixture-sized tests already run under the sanitizers; the native tier runs them.
const SANITIZER_SKIP = ['-E', 'real English review datasets|profanity false positives on real English reviews|profanity: false positives <= 0.1 % and recall'];
const nodeTests = (folder) => () =>
  runCaptured(process.execPath, ['--test', '--test-concurrency=1', `tests/${folder}/`]);

function step(action) {
  return async () => {
    try {
      await action();
      return { ok: true, output: '' };
    } catch (error) {
      console.error(error.message);
      return { ok: false, output: '' };
    }
  };
}

const tiers = [
  { name: 'build: native', run: step(() => trees.native()) },
  { name: 'core + server (Catch2, native)', run: ctest('build/native'), needs: 'build: native' },
  // The HTTP layer under hostile clients (issue #13): raw sockets against the built binary.
  { name: 'server HTTP (node --test, raw sockets)', run: nodeTests('http'), needs: 'build: native' },
  { name: 'build: ASan+UBSan', run: step(() => trees.sanitize()) },
  { name: 'core + server (Catch2, ASan+UBSan)', run: ctest('build/sanitize', SANITIZER_SKIP), needs: 'build: ASan+UBSan',
    env: { ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=1', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' } },
  { name: 'build: wasm + bundle', run: step(async () => { trees.wasm(); await bundle(); }) },
  { name: 'wasm (node --test)', run: nodeTests('node'), needs: 'build: wasm + bundle' },
  { name: 'browser (Chromium)', run: nodeTests('browser'), needs: 'build: wasm + bundle' },
  // C++ style (Google base, .clang-format) as the style notes require.
  { name: 'format (clang-format --dry-run)', run: () => runCaptured('bash', ['scripts/format.sh', '--check']) },
  // The widget's public types (web/vouch.d.ts) as an integrator uses them.
  { name: 'types (tsc --noEmit)', run: () => runCaptured(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tests/types/tsconfig.json']) },
  // The widget's own modules that carry // @ts-check (JSDoc types), checked by tsc (issue 19: more to follow).
  { name: 'types of web/src (tsc --noEmit, @ts-check)', run: () => runCaptured(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tests/types/tsconfig.web.json']) },
];

const results = [];
let passed = 0;
let failed = 0;
for (const tier of tiers) {
  const blocker = tier.needs && results.find((r) => r.name === tier.needs && !r.ok);
  if (blocker) {
    results.push({ name: tier.name, ok: false, seconds: 0, note: `not run: ${tier.needs} failed` });
    failed += 1;
    continue;
  }
  console.log(`\n=== ${tier.name} ===`);
  const started = Date.now();
  Object.assign(process.env, tier.env ?? {});
  const { ok, output } = await tier.run();
  const counts = countTests(output);
  passed += counts.passed;
  failed += counts.failed + (ok || counts.failed ? 0 : 1);
  results.push({ name: tier.name, ok, seconds: (Date.now() - started) / 1000, counts });
}

console.log('\n=== npm test summary ===');
for (const r of results) {
  const counts = r.counts && r.counts.passed + r.counts.failed ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : '';
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(40)} ${r.seconds.toFixed(1).padStart(7)} s${counts}${r.note ? '  ' + r.note : ''}`);
}
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`total ${total.toFixed(1)} s${existsSync('../shared/data') ? '' : ' (../shared/data absent: corpus tests skipped)'}`);
console.log(`summary: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
