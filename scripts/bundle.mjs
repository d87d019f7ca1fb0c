// Bundles web/ into dist/: vouch.js (shim + Emscripten glue, minified) and
// vouch-core.wasm beside it, where the shim looks for it.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

export async function bundle() {
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(root, 'web/vouch.js')],
    outfile: join(dist, 'vouch.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    loader: { '.css': 'text' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'build/wasm/web/vouch-core.wasm'), join(dist, 'vouch-core.wasm'));
}

if (import.meta.url === `file://${process.argv[1]}`) await bundle();
