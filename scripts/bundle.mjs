// Bundles web/ into dist/: the first render's vouch.js (shim + minified CSS,
// minified, a classic script); the core module it imports after the first
// render, vouch-core.js (an ES module: the Emscripten glue) and
// vouch-core.wasm beside it, where the shim looks for them; the form module the
// shim imports on demand, vouch-form.js (an ES module: glue + form controller)
// and vouch-form.wasm; and the Q&A module, vouch-qa.js + vouch-qa.wasm
// (issue 17), imported when the Questions section nears the viewport.
// And vouch-han-fold.bin, the Traditional -> Simplified search fold table the
// widget fetches when search is prepared (scripts/lib/han-fold-data.mjs): data
// the first render does not carry.
// Each output also gets FILE.br and FILE.gz beside it (scripts/lib/precompress.mjs),
// which vouch-server serves by Accept-Encoding: compression happens here, once.
// And the owner console in admin/ (scripts/build-console.mjs).
// Options let a developer bundle their own wasm build into their own folder
// (e.g. the browser tests of one engineer) without touching dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hanFoldBinary } from './lib/han-fold-data.mjs';
import { precompress } from './lib/precompress.mjs';
import { buildConsole } from './build-console.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * web/src/generated/dom-contract.ts from the C++ list (include/vouch/dom_contract.hpp),
 * by the native tree's vouch_dom_contract. Without a native build the committed
 * file stays (the Catch2 test "dom contract: the JS module is up to date" checks it).
 */
function writeDomContract() {
  const tool = join(root, 'build/native/vouch_dom_contract');
  if (existsSync(tool)) execFileSync(tool, [join(root, 'web/src/generated/dom-contract.ts')], { stdio: 'inherit' });
}

/**
 * @param {{ wasmDir?: string, outDir?: string }} [options]
 *   wasmDir: folder holding the ENVIRONMENT=web vouch-{core,form}.js/.wasm (default build/wasm/web)
 *   outDir: where vouch.js, vouch-form.js and the two .wasm go (default dist/)
 */
export async function bundle({ wasmDir = join(root, 'build/wasm/web'), outDir = join(root, 'dist') } = {}) {
  mkdirSync(outDir, { recursive: true });
  writeDomContract();
  // The stylesheet is minified on its own and imported as text (it goes into
  // a constructable stylesheet inside the shadow root).
  const css = await build({
    entryPoints: [join(root, 'web/src/styles.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const minifiedCss = css.outputFiles[0].text;
  const glue = resolve(wasmDir, 'vouch-core.js');
  const formGlue = resolve(wasmDir, 'vouch-form.js');
  const qaGlue = resolve(wasmDir, 'vouch-qa.js');
  const common = { bundle: true, minify: true, target: 'es2019', legalComments: 'none', logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: [join(root, 'web/form-module.js')],
    outfile: join(outDir, 'vouch-form.js'),
    format: 'esm',
    target: 'es2020', // an ES module: import() reached it, so the browser has ES2020
    plugins: [
      {
        name: 'vouch-form-inputs',
        setup(builder) {
          builder.onResolve({ filter: /^vouch-wasm\/vouch-form\.js$/ }, () => ({ path: formGlue }));
        },
      },
    ],
  });
  // The Q&A module (issue 17): imported when the Questions section nears the viewport.
  await build({
    ...common,
    entryPoints: [join(root, 'web/qa-module.js')],
    outfile: join(outDir, 'vouch-qa.js'),
    format: 'esm',
    target: 'es2020',
    plugins: [
      {
        name: 'vouch-qa-inputs',
        setup(builder) {
          builder.onResolve({ filter: /^vouch-wasm\/vouch-qa\.js$/ }, () => ({ path: qaGlue }));
        },
      },
    ],
  });
  await build({
    ...common,
    entryPoints: [join(root, 'web/core-module.js')],
    outfile: join(outDir, 'vouch-core.js'),
    format: 'esm',
    target: 'es2020', // an ES module: import() reached it
    plugins: [
      {
        name: 'vouch-core-inputs',
        setup(builder) {
          builder.onResolve({ filter: /^vouch-wasm\/vouch-core\.js$/ }, () => ({ path: glue }));
        },
      },
    ],
  });
  await build({
    entryPoints: [join(root, 'web/vouch.js')],
    ...common,
    outfile: join(outDir, 'vouch.js'),
    format: 'iife',
    plugins: [
      {
        name: 'vouch-inputs',
        setup(builder) {
          builder.onResolve({ filter: /styles\.css$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), namespace: 'vouch-css' }));
          builder.onLoad({ filter: /.*/, namespace: 'vouch-css' }, () => ({ contents: minifiedCss, loader: 'text' }));
        },
      },
    ],
  });
  for (const name of ['vouch-core.wasm', 'vouch-form.wasm', 'vouch-qa.wasm']) copyFileSync(join(wasmDir, name), join(outDir, name));
  writeFileSync(join(outDir, 'vouch-han-fold.bin'), hanFoldBinary(root));
  precompress(['vouch.js', 'vouch-core.js', 'vouch-form.js', 'vouch-qa.js', 'vouch-core.wasm', 'vouch-form.wasm', 'vouch-qa.wasm', 'vouch-han-fold.bin'].map((name) => join(outDir, name)));
  // The owner console (dist/admin/, served by vouch-server at /admin/): its own
  // bundle, so the widget's payload budget does not change.
  await buildConsole({ outDir: join(outDir, 'admin') });
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle();
