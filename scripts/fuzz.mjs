// `npm run fuzz`: builds the libFuzzer targets with clang (build/fuzz) and runs
// each for FUZZ_SECONDS (default 60) starting from its committed seed corpus in
// tests/fuzz/corpus/<name>/. New inputs go to build/fuzz/corpus/<name>/ (not
// committed); a crash leaves crash-* files in build/fuzz and fails the run.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, run, runOk } from './lib/run.mjs';

process.chdir(root);
const seconds = Number(process.env.FUZZ_SECONDS || 60);
run('cmake', ['-S', '.', '-B', 'build/fuzz', '-G', 'Ninja', '-Wno-dev', '-DCMAKE_BUILD_TYPE=RelWithDebInfo',
  '-DCMAKE_CXX_COMPILER=clang++', '-DVOUCH_FUZZ=ON', '-DBUILD_TESTING=OFF'], { stdio: ['ignore', 'ignore', 'inherit'] });
run('cmake', ['--build', 'build/fuzz']);

const targets = readdirSync('tests/fuzz').filter((f) => /^fuzz_.*\.cpp$/.test(f)).map((f) => f.slice(0, -4));
let failures = 0;
for (const target of targets) {
  const name = target.slice('fuzz_'.length);
  const seeds = join(root, 'tests/fuzz/corpus', name);
  const work = join(root, 'build/fuzz/corpus', name);
  mkdirSync(work, { recursive: true });
  console.log(`\n=== ${target}: ${seconds} s ===`);
  const args = [work, ...(existsSync(seeds) ? [seeds] : []), `-max_total_time=${seconds}`,
    '-timeout=10', '-rss_limit_mb=2048', '-print_final_stats=1'];
  if (!runOk(join(root, 'build/fuzz', target), args, { cwd: join(root, 'build/fuzz') })) failures += 1;
}
console.log(`\nfuzz: ${targets.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
