// The search index built in slices through the wasm (Store.prepareSearchStep,
// issue 19: the widget builds it a slice per task, web/src/search-prep.js):
// stepping finishes after about two visits per review, gives exactly the
// results of a store indexed in one go, and hostile budgets neither crash
// nor stall it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCore, loadJsonInto } from './support/core.mjs';

const defaults = {
  stars: 0, verifiedOnly: false, withMedia: false, topic: '', language: '', aspect: '', aspectValue: 0,
  text: '', sort: 'relevance', offset: 0, limit: 1000,
};
const words = ['fabric', 'soft', 'Café', 'small', 'dress', '面料', '穿着很舒服', '質量', 'とても', '👍', 'ｆｉｔ'];

function snapshotBytes(count) {
  const reviews = [];
  for (let i = 0; i < count; i++) {
    const pick = (k) => words[(i * 7 + k * 3) % words.length];
    reviews.push({ id: `r${i}`, rating: 1 + (i % 5), title: `${pick(1)} ${pick(2)}`, body: `${pick(3)}${pick(4)} ${pick(5)}, ${pick(6)}`,
      created: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString().replace('.000Z', 'Z'), recommends: true });
  }
  return new TextEncoder().encode(JSON.stringify({ format: 'vouch.snapshot', version: 1, product: { id: 'p', name: 'P', url: '', image: '' }, reviews }));
}

async function loadedStore(core, bytes) {
  const store = new core.Store();
  const status = await loadJsonInto(core, store, bytes);
  assert.equal(status.ok, true, status.message);
  return store;
}

function answers(store) {
  return [...words, 'soft dress', '"soft dress"', 'absent'].map((text) => {
    const answer = store.query({ ...defaults, text });
    assert.equal(answer.ok, true);
    return [text, answer.total, Array.from(store.pageView().slice()), Array.from(store.highlightsView().slice())];
  });
}

test('Store.prepareSearchStep builds in steps the index a search would build in one go', async () => {
  const core = await loadCore();
  const bytes = snapshotBytes(200);
  const whole = await loadedStore(core, bytes);
  const stepped = await loadedStore(core, bytes);
  try {
    let calls = 1;
    while (!stepped.prepareSearchStep(1)) calls += 1;
    assert.equal(calls, 401); // each review visited twice (terms, then postings), then the term sort
    assert.equal(stepped.prepareSearchStep(1), true); // built: true at once
    assert.deepEqual(answers(stepped), answers(whole));
    // A search in the middle of a stepped build finishes it.
    const midway = await loadedStore(core, bytes);
    for (let k = 0; k < 250; k++) assert.equal(midway.prepareSearchStep(1), false);
    assert.deepEqual(answers(midway), answers(whole));
    assert.equal(midway.prepareSearchStep(1), true);
    midway.delete();
  } finally {
    whole.delete();
    stepped.delete();
  }
});

test('Store.prepareSearchStep: hostile budgets never crash and always progress', async () => {
  const core = await loadCore();
  const bytes = snapshotBytes(60);
  const whole = await loadedStore(core, bytes);
  try {
    for (const budget of [0, -1, -0.5, 0.5, NaN, Infinity, -Infinity, 2 ** 32, 2 ** 53, 1e300]) {
      const store = await loadedStore(core, bytes);
      let calls = 0;
      let done = false;
      while (!done) {
        calls += 1;
        assert.ok(calls <= 121, `budget ${budget}: no progress after ${calls} calls`);
        let result;
        try {
          result = store.prepareSearchStep(budget);
        } catch (error) {
          assert.ok(error instanceof TypeError, `budget ${budget}: ${error}`); // Embind refuses what is no number
          result = store.prepareSearchStep(1);
        }
        assert.equal(typeof result, 'boolean');
        done = result;
      }
      assert.deepEqual(answers(store), answers(whole), `budget ${budget}`);
      store.delete();
    }
  } finally {
    whole.delete();
  }
});
