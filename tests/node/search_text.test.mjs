// Search across scripts in the wasm build (vouch-core): Traditional/Simplified
// folding, groups that mix digits or Latin with Han, quoted phrases, and their
// highlights — the same answers as the native tests/core/search_phrase_test.cpp.
// The fold table is installed from dist/vouch-han-fold.bin first, as the widget
// does when search is prepared (tests/node/han_fold.test.mjs: without it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setHanFoldInto } from '../../web/src/wasm-snapshot.mjs';
import { loadCore, loadJsonInto, root } from './support/core.mjs';

const distDir = process.env.VOUCH_DIST_DIR || join(root, 'dist');

const defaults = {
  stars: 0, verifiedOnly: false, withMedia: false, topic: '', language: '', aspect: '', aspectValue: 0,
  text: '', sort: 'oldest', offset: 0, limit: 20,
};

const bodies = ['质量很好，给5星', '質量很好，價格便宜', '50星也不够', '用了5天，星星好看', '4G内存够用',
  'True to size! Great fit.', 'The size is true to me', '质量，不错'];

test('wasm search: 質量 finds 质量, 5星 only "5星", phrases in order', async () => {
  const core = await loadCore();
  const installed = setHanFoldInto(core, new Uint8Array(readFileSync(join(distDir, 'vouch-han-fold.bin'))));
  assert.equal(installed.ok, true, installed.message);
  const store = new core.Store();
  try {
    const reviews = bodies.map((body, i) => ({
      id: `r${i}`, rating: 5, title: '', body, created: `2026-01-0${i + 1}T00:00:00Z`,
    }));
    const json = { format: 'vouch.snapshot', version: 1, product: { id: 'p', name: 'P', url: '', image: '' }, reviews };
    const status = await loadJsonInto(core, store, new TextEncoder().encode(JSON.stringify(json)));
    assert.equal(status.ok, true, status.message);
    const ids = (text) => {
      const answer = store.query({ ...defaults, text });
      assert.equal(answer.ok, true);
      return Array.from(store.pageView().slice());
    };
    assert.deepEqual(ids('質量'), [0, 1, 7]);
    assert.deepEqual(ids('价格'), [1]);
    assert.deepEqual(ids('5星'), [0]);
    assert.deepEqual(ids('4g内存'), [4]);
    assert.deepEqual(ids('"true to size"'), [5]);
    assert.deepEqual(ids('true to size'), [5, 6]);
    assert.deepEqual(ids('"质量 不错"'), [7]);
    // The highlight of 5星 covers the whole group: review 0, body, bytes of "5星".
    store.query({ ...defaults, text: '5星' });
    const h = Array.from(store.highlightsView().slice());
    const start = new TextEncoder().encode('质量很好，给').length;
    assert.deepEqual(h.slice(0, 4), [0, 1, start, start + new TextEncoder().encode('5星').length]);
  } finally {
    store.delete();
  }
});
