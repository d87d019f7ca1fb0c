// The native side of the bench: builds bench/native/core_bench.cpp against the
// native tree's static libraries (g++ -O2, the same flags as the release core)
// and runs it. Also the converter that makes binary snapshots with the core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { interactionsTsv } from './lib/queries.mjs';

export const nativeDir = process.env.VOUCH_BENCH_NATIVE_DIR || join(root, 'build', 'native');
const source = join(root, 'bench', 'native', 'core_bench.cpp');
const binary = join(nativeDir, 'bench', 'core_bench');

/** Builds core_bench when it is missing or older than its inputs. */
export function buildCoreBench() {
  const libs = ['libvouch_facade.a', 'libvouch_core.a'].map((lib) => join(nativeDir, lib));
  for (const lib of libs) if (!existsSync(lib)) throw new Error(`${lib} missing: build the native tree first (npm run build)`);
  const newest = Math.max(...[source, ...libs].map((f) => statSync(f).mtimeMs));
  if (existsSync(binary) && statSync(binary).mtimeMs > newest) return binary;
  mkdirSync(join(nativeDir, 'bench'), { recursive: true });
  execFileSync('g++', ['-std=c++17', '-O2', '-DNDEBUG', '-DJSON_NOEXCEPTION', '-Wall', '-Wextra', '-Werror',
    `-I${join(root, 'include')}`, `-I${join(root, 'src', 'facade')}`, source, ...libs, '-o', binary], { stdio: 'inherit' });
  return binary;
}

/** JSON snapshot file -> binary snapshot file, encoded by the core. */
export function convertToBinary(jsonPath, binPath) {
  execFileSync(buildCoreBench(), ['convert', jsonPath, binPath], { stdio: 'inherit' });
}

/** { op: median ms } for loads and every interaction, natively. */
export function timeNative(binPath, jsonPath, runs) {
  const out = execFileSync(buildCoreBench(), ['time', binPath, jsonPath, String(runs)], {
    input: interactionsTsv(),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const result = {};
  for (const line of out.trim().split('\n')) {
    const { op, ms } = JSON.parse(line);
    result[op] = ms;
  }
  return result;
}
