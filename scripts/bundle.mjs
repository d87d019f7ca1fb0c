// Bundles web/ into dist/: vouch.js (shim + Emscripten glue + minified CSS,
// minified) and vouch-core.wasm beside it, where the shim looks for it.
// Options let a developer bundle their own wasm build into their own folder
// (e.g. the browser tests of one engineer) without touching dist/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ wasmDir?: string, outDir?: string }} [options]
 *   wasmDir: folder holding the ENVIRONMENT=web vouch-core.js/.wasm (default build/wasm/web)
 *   outDir: where vouch.js and vouch-core.wasm go (default dist/)
 */
export async function bundle({ wasmDir = join(root, 'build/wasm/web'), outDir = join(root, 'dist') } = {}) {
  mkdirSync(outDir, { recursive: true });
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
  await build({
    entryPoints: [join(root, 'web/vouch.js')],
    outfile: join(outDir, 'vouch.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'vouch-inputs',
        setup(builder) {
          builder.onResolve({ filter: /vouch-core\.js$/ }, () => ({ path: glue }));
          builder.onResolve({ filter: /styles\.css$/ }, (args) => ({ path: resolve(args.resolveDir, args.path), namespace: 'vouch-css' }));
          builder.onLoad({ filter: /.*/, namespace: 'vouch-css' }, () => ({ contents: minifiedCss, loader: 'text' }));
        },
      },
    ],
  });
  copyFileSync(join(wasmDir, 'vouch-core.wasm'), join(outDir, 'vouch-core.wasm'));
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle();
