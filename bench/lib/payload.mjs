// Payload of the first render: every byte a store page downloads before the
// widget shows reviews. The CSS is minified into vouch.js (a constructable
// stylesheet in the shadow root), and since issue 19 the first render is
// vouch.js + the product's first response (GET .../first, or the static
// export's <snapshot>.first-<locale>.json: summary, facets, first page,
// rendered by the core); the core (vouch-core.js + .wasm) and the full
// snapshot come after it.
// The first response is measured at its worst: the 10 longest of the demo's
// 19,289 real reviews (scripts/demo-data), in the locale whose texts weigh most.
// The form module (vouch-form.js + vouch-form.wasm: form markup, validator,
// JSON snapshots) is fetched only when a shopper reaches for the form, so it
// is reported beside the payload, not in it.
// Compression as a CDN would serve it: gzip -9 and brotli -q 11 (lgwin 24, the
// brotli CLI's default), via Node's zlib so npm test needs no extra tool.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { parseCsv } from './dataset.mjs';

export const payloadFiles = ['vouch.js'];
// Fetched after the first render (idle), with the full snapshot (first sort, filter or search).
export const afterFirstFiles = ['vouch-core.js', 'vouch-core.wasm'];
export const onDemandFiles = ['vouch-form.js', 'vouch-form.wasm', 'vouch-han-fold.bin'];

export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** Sizes of each payload file (or of `names`) in `dir` and their total. */
export function measurePayload(dir, names = payloadFiles) {
  const files = names.map((name) => ({ name, ...compressedSizes(readFileSync(join(dir, name))) }));
  const total = { name: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of ['raw', 'gzip', 'brotli']) total[key] += file[key];
  return { files, total };
}

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja', 'es', 'fr', 'de'];

/** A snapshot of the 10 longest demo reviews (real text, committed in scripts/demo-data). */
export function longestReviewsSnapshot() {
  const rows = parseCsv(brotliDecompressSync(readFileSync(join(repo, 'scripts', 'demo-data', 'clothing-reviews.csv.br'))).toString('utf8'));
  const [header, ...data] = rows;
  const [title, body, rating] = ['Title', 'Review Text', 'Rating'].map((name) => header.indexOf(name));
  const longest = data.filter((r) => r.length === header.length).sort((a, b) => (b[title].length + b[body].length) - (a[title].length + a[body].length)).slice(0, 10);
  const reviews = longest.map((r, i) => ({
    id: `long-${i}`, rating: Number(r[rating]) || 5, title: r[title], body: r[body], author: 'Margaret Anne W.',
    created: `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`, language: 'en', verification: 'verified_purchase', recommends: true,
    helpful_up: 12, helpful_down: 1, media: [], aspects: [{ name: 'fit', value: 4 }], featured: false, topics: ['fit'],
  }));
  return JSON.stringify({ format: 'vouch.snapshot', version: 1, product: { id: 'payload-longest', name: 'Longest reviews', url: '', image: '' }, reviews });
}

/**
 * The heaviest first response (brotli) over the locales, for the 10 longest
 * demo reviews, written by the server's own `vouch-server first-render`.
 * @returns {{ name: string, raw: number, gzip: number, brotli: number }}
 */
export function measureFirstResponse(serverBinary) {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-payload-'));
  try {
    writeFileSync(join(dir, 'longest.json'), longestReviewsSnapshot());
    execFileSync(serverBinary, ['first-render', join(dir, 'longest.json')], { stdio: 'ignore' });
    const sizes = LOCALES.map((tag) => ({ name: `first response (${tag}, 10 longest reviews)`, ...compressedSizes(readFileSync(join(dir, `longest.first-${tag}.json`))) }));
    return sizes.reduce((worst, s) => (s.brotli > worst.brotli ? s : worst));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** vouch.js + the heaviest first response: the first render's bytes, for any product. */
export function measureFirstRender(dir, serverBinary) {
  const { files } = measurePayload(dir);
  const all = [...files, measureFirstResponse(serverBinary)];
  const total = { name: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const file of all) for (const key of ['raw', 'gzip', 'brotli']) total[key] += file[key];
  return { files: all, total };
}
