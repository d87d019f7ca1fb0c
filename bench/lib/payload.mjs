// Payload of the first render: every byte a store page downloads before the
// widget shows reviews. The CSS is minified into vouch.js (a constructable
// stylesheet in the shadow root), so the files are vouch.js + vouch-core.wasm.
// The form module (vouch-form.js + vouch-form.wasm: form markup, validator,
// JSON snapshots) is fetched only when a shopper reaches for the form, so it
// is reported beside the payload, not in it.
// Compression as a CDN would serve it: gzip -9 and brotli -q 11 (lgwin 24, the
// brotli CLI's default), via Node's zlib so npm test needs no extra tool.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const payloadFiles = ['vouch.js', 'vouch-core.wasm'];
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
