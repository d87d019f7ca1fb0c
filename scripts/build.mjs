// `npm run build`: the native tree (core, server, tests), the wasm module and
// the browser bundle in dist/. Each step is incremental (CMake + Ninja).
import { cpus } from 'node:os';
import { bundle } from './bundle.mjs';
import { root, run } from './lib/run.mjs';

const jobs = String(Math.max(1, cpus().length));

/** Configures (once) and builds one CMake tree. */
export function cmakeBuild(dir, configureArgs, { emscripten = false } = {}) {
  const configure = ['-S', '.', '-B', dir, '-G', 'Ninja', '-Wno-dev', ...configureArgs];
  if (emscripten) run('emcmake', ['cmake', ...configure], { stdio: ['ignore', 'ignore', 'inherit'] });
  else run('cmake', configure, { stdio: ['ignore', 'ignore', 'inherit'] });
  run('cmake', ['--build', dir, '-j', jobs]);
}

// Unity builds: CMake compiles the files of a target eight at a time as one, so
// the headers every server file includes (cpp-httplib, nlohmann/json, the
// standard library) are parsed and their templates instantiated once per eight
// files. The ASan+UBSan tree's cold build took 583 instead of 1,221 s of CPU
// (with -g1, CMakeLists.txt). VOUCH_UNITY=0 builds file by file (quicker
// rebuilds while changing one file; the sanitizer tree keeps checking that the
// files still compile together).
const unity = [`-DCMAKE_UNITY_BUILD=${process.env.VOUCH_UNITY === '0' ? 'OFF' : 'ON'}`];

export const trees = {
  // Line tables only (-g1): backtraces and gdb still name file and line; full debug
  // info made an -O2 server file take 45% longer to compile (9.0 vs 6.2 s of CPU),
  // minutes of CI's cold build on 2 cores.
  native: () => cmakeBuild('build/native', ['-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG', ...unity]),
  sanitize: () => cmakeBuild('build/sanitize', ['-DCMAKE_BUILD_TYPE=Debug', '-DVOUCH_SANITIZE=ON', '-DCMAKE_UNITY_BUILD=ON']),
  wasm: () => cmakeBuild('build/wasm', ['-DCMAKE_BUILD_TYPE=Release'], { emscripten: true }),
};

export async function buildAll({ sanitize = false } = {}) {
  trees.native();
  if (sanitize) trees.sanitize();
  trees.wasm();
  await bundle();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.chdir(root);
  await buildAll();
}
