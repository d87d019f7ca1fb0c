// Precompression at build time: FILE.br (brotli, quality 11) and FILE.gz
// (gzip -9) beside each text or wasm file, so vouch-server serves the
// encoding a client accepts without compressing anything per request
// (src/server/http/static_files.cpp). A sibling that would not be smaller is
// not written (and a stale one is removed), so the server falls back to identity.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const compressibleExtensions = ['.js', '.mjs', '.wasm', '.json', '.css', '.html', '.svg', '.map', '.txt'];

/** Writes FILE.br and FILE.gz for each path; returns { path: { identity, br, gzip } } sizes. */
export function precompress(paths) {
  const sizes = {};
  for (const path of paths) {
    const identity = readFileSync(path);
    const br = brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm') || path.endsWith('.bin') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    const gzip = gzipSync(identity, { level: 9 });
    sizes[path] = { identity: identity.length };
    for (const [suffix, bytes] of [['.br', br], ['.gz', gzip]]) {
      if (bytes.length < identity.length) {
        writeFileSync(path + suffix, bytes);
        sizes[path][suffix.slice(1) === 'gz' ? 'gzip' : 'br'] = bytes.length;
      } else if (existsSync(path + suffix)) {
        rmSync(path + suffix);
      }
    }
  }
  return sizes;
}
