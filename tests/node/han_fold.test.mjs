// The search fold table as data in the wasm build: vouch-core.wasm does not
// carry the Traditional -> Simplified table (the first render does not need
// it); search without it does not fold 質量 to 质量, and with
// dist/vouch-han-fold.bin installed (setHanFold, the widget's path) it does,
// for an index built before the table came too. Hostile files are refused
// with a typed error and change nothing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setHanFoldInto } from '../../web/src/wasm-snapshot.mjs';
import { hanFoldBinary } from '../../scripts/lib/han-fold-data.mjs';
import { loadCore, loadJsonInto, root } from './support/core.mjs';

const distDir = process.env.VOUCH_DIST_DIR || join(root, 'dist');
const defaults = {
  stars: 0, verifiedOnly: false, withMedia: false, topic: '', language: '', aspect: '', aspectValue: 0,
  text: '', sort: 'oldest', offset: 0, limit: 20,
};

async function storeWith(core, bodies) {
  const store = new core.Store();
  const reviews = bodies.map((body, i) => ({ id: `r${i}`, rating: 5, title: '', body, created: `2026-01-0${i + 1}T00:00:00Z` }));
  const json = { format: 'vouch.snapshot', version: 1, product: { id: 'p', name: 'P', url: '', image: '' }, reviews };
  const status = await loadJsonInto(core, store, new TextEncoder().encode(JSON.stringify(json)));
  assert.equal(status.ok, true, status.message);
  return store;
}

function ids(store, text) {
  const answer = store.query({ ...defaults, text });
  assert.equal(answer.ok, true, answer.message);
  return Array.from(store.pageView().slice());
}

/** A file with `count` pairs, deltas `deltas`, targets +1 (each a fixed point unless it is a source). */
function file(count, deltas, targets = new Array(count).fill(1)) {
  return Uint8Array.from([0x56, 0x48, 0x46, 0x31, count & 0xff, count >> 8, ...deltas, ...targets.map((t) => t & 0xff), ...targets.map((t) => t >> 8)]);
}

// One test: the table is per module instance, and these steps are its life.
test('wasm: no Han fold until vouch-han-fold.bin is installed; hostile files refused', async () => {
  const path = join(distDir, 'vouch-han-fold.bin');
  assert.ok(existsSync(path), `vouch-han-fold.bin missing in ${distDir}: run npm run build`);
  const bytes = new Uint8Array(readFileSync(path));
  assert.deepEqual(bytes, hanFoldBinary(root), 'dist/vouch-han-fold.bin is the generated table');

  const core = await loadCore();
  const store = await storeWith(core, ['质量很好', '質量很好', '价格便宜']);
  try {
    // Without the table: an index is built, 質量 and 质量 stay apart.
    assert.equal(core.hasHanFold(), false, 'vouch-core.wasm links no Han fold table');
    assert.deepEqual(ids(store, '質量'), [1]);
    assert.deepEqual(ids(store, '质量'), [0]);

    // Hostile files: a typed error, the state unchanged.
    const refused = (input, where) => {
      const status = setHanFoldInto(core, input);
      assert.equal(status.ok, false);
      assert.equal(status.code, 'invalid_han_fold');
      assert.ok(status.message.startsWith(where), `${where}: ${status.message}`);
    };
    refused(new Uint8Array(0), 'han_fold.magic');
    refused(Uint8Array.from([0x56, 0x48, 0x46, 0x32, ...bytes.slice(4)]), 'han_fold.magic');
    refused(bytes.slice(0, bytes.length - 1), 'han_fold.size');
    refused(Uint8Array.from([...bytes, 0]), 'han_fold.size');
    refused(file(0, []), 'han_fold.count');
    refused(file(2, [255, 0x00, 0x90, 0], [1, 1]), 'han_fold.pairs[1]'); // unsorted: delta 0
    refused(file(2, [255, 0x00, 0x90, 255, 0x00, 0x90], [1, 1]), 'han_fold.pairs[1]'); // past U+FFFF
    refused(file(2, [255, 0x00, 0x90, 1], [1, 1]), 'han_fold.pairs[0]'); // target is a source
    assert.equal(core.hasHanFold(), false);
    assert.deepEqual(ids(store, '質量'), [1]);

    // With the table: the index built above is rebuilt, the query folds alike.
    const status = setHanFoldInto(core, bytes);
    assert.equal(status.ok, true, status.message);
    assert.equal(core.hasHanFold(), true);
    assert.deepEqual(ids(store, '質量'), [0, 1]);
    assert.deepEqual(ids(store, '质量'), [0, 1]);
    assert.deepEqual(ids(store, '價格'), [2]);
    // A hostile file now keeps the good table in force.
    refused(bytes.slice(0, 10), 'han_fold.size');
    assert.deepEqual(ids(store, '質量'), [0, 1]);
  } finally {
    store.delete();
  }
});
