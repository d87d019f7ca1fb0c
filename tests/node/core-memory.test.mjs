// The core module's memory (issue 19): it starts at 2 MiB (Emscripten's
// default was 16 MiB, 5 of them stack: most of the widget's memory at 10k
// reviews) and grows with what it holds. A snapshot over twice the initial
// memory loads, is searched and answers right across the growth.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { jsonToBinary, loadBinaryInto, root } from './support/core.mjs';

const buildDir = process.env.VOUCH_WASM_DIR ? resolve(process.env.VOUCH_WASM_DIR) : join(root, 'build', 'wasm', 'node');
const MiB = 1024 * 1024;

const words = ['fabric', 'soft', 'seams', 'colour', 'fit', 'zipper', 'lining', 'pocket', '面料', '质量'];

function generated(count) {
  const reviews = [];
  for (let i = 0; i < count; i++) {
    const word = words[i % words.length];
    reviews.push({
      id: `r${i}`, rating: 1 + (i % 5), title: `Review ${i} about the ${word}`,
      body: `${'The dress arrived on time and the stitching looks careful. '.repeat(6)}Mostly about the ${word}, number ${i}.`,
      created: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString().replace(/\.\d+Z$/, 'Z'), recommends: i % 3 !== 0,
      verification: i % 2 ? 'verified_purchase' : 'unverified_web',
    });
  }
  return { format: 'vouch.snapshot', version: 1, product: { id: 'p', name: 'Dress', url: 'https://shop.example/dress', image: '' }, reviews };
}

test('the core starts at 2 MiB and grows to hold a snapshot over twice that, answering correctly', async () => {
  // A fresh instance: the shared one of other test files may have grown already.
  const require = createRequire(import.meta.url);
  const core = await require(join(buildDir, 'vouch-core.js'))({ wasmBinary: readFileSync(join(buildDir, 'vouch-core.wasm')) });
  const initial = core.HEAPU8.length;
  assert.ok(initial <= 2 * MiB, `initial memory ${initial} B, expected at most 2 MiB`);

  const count = 9000;
  const binary = await jsonToBinary(new TextEncoder().encode(JSON.stringify(generated(count))));
  assert.ok(binary.length > 2 * initial, `the snapshot (${binary.length} B) is over twice the initial memory`);
  const store = new core.Store();
  try {
    assert.deepEqual(loadBinaryInto(core, store, binary), { ok: true, code: 'ok', message: '' });
    assert.equal(store.size(), count);
    const query = { stars: 0, verifiedOnly: false, withMedia: false, topic: '', language: '', aspect: '', aspectValue: 0, text: '', sort: 'newest', offset: 0, limit: 20 };
    // The search index is the biggest allocation after the snapshot: built across further growth.
    for (const [text, expected] of [['fabric', count / words.length], ['面料', count / words.length], ['stitching', count]]) {
      const answer = store.query({ ...query, text });
      assert.equal(answer.ok, true, text);
      assert.equal(answer.total, expected, text);
    }
    const newest = store.query({ ...query, stars: 0b10000 });
    assert.equal(newest.total, count / 5);
    assert.equal(Array.from(store.pageView().slice())[0], count - 1); // rating 5 at i = 4, 9, … ; the last review is i = 8999
    assert.ok(core.HEAPU8.length > initial, 'memory grew');
  } finally {
    store.delete();
  }
});
