// Builds the owner console (web/console/) into dist/admin/: index.html,
// console.js (one minified classic script, JSON catalogues included),
// charts.js (Chart.js, for the analytics page only) and console.css, each
// with .br/.gz beside it (scripts/lib/precompress.mjs).
// No inline script or style: the page runs under the console's CSP
// (script-src 'self'; style-src 'self'), which vouch-server sends for /admin/.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './lib/precompress.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ outDir?: string }} [options] outDir defaults to dist/admin */
export async function buildConsole({ outDir = join(root, 'dist', 'admin') } = {}) {
  mkdirSync(outDir, { recursive: true });
  const source = join(root, 'web', 'console');
  await build({
    entryPoints: [join(source, 'src', 'main.js')],
    outfile: join(outDir, 'console.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Chart.js in its own file, loaded by the analytics page only (views/charts.js).
  await build({
    entryPoints: [join(source, 'src', 'charts', 'entry.js')],
    outfile: join(outDir, 'charts.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'eof', // Chart.js's MIT notice stays with it
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(source, 'console.css')],
    outfile: join(outDir, 'console.css'),
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
  copyFileSync(join(source, 'index.html'), join(outDir, 'index.html'));
  return precompress(['index.html', 'console.js', 'charts.js', 'console.css'].map((name) => join(outDir, name)));
}

if (import.meta.url === `file://${process.argv[1]}`) await buildConsole();
