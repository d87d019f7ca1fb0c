// The bundle ships each file precompressed (issue #13 A9): dist/FILE.br and
// dist/FILE.gz beside vouch.js, vouch-form.js, both .wasm and the search fold
// table vouch-han-fold.bin, written once by
// scripts/bundle.mjs, so the server never compresses per request. Each
// sibling must decode to exactly the file it stands for (a stale sibling
// would serve an old widget). VOUCH_DIST_DIR checks another bundle.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { root } from './support/core.mjs';

const distDir = process.env.VOUCH_DIST_DIR || join(root, 'dist');

for (const name of ['vouch.js', 'vouch-form.js', 'vouch-core.wasm', 'vouch-form.wasm', 'vouch-han-fold.bin']) {
  test(`${name} has .br and .gz siblings that decode to it`, () => {
    const path = join(distDir, name);
    assert.ok(existsSync(path), `${name} missing in ${distDir}: run npm run build`);
    const identity = readFileSync(path);
    for (const [suffix, decode] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      assert.ok(existsSync(path + suffix), `${name}${suffix} missing: scripts/bundle.mjs precompresses`);
      const encoded = readFileSync(path + suffix);
      assert.ok(encoded.length < identity.length, `${name}${suffix} is smaller`);
      assert.ok(decode(encoded).equals(identity), `${name}${suffix} decodes to ${name}`);
    }
  });
}
