// The review core through the wasm bindings: class Store (vouch-core) loads
// binary snapshots into a buffer it reserves, JSON ones after the form module
// (vouch-form) converts them, and answers queries, summaries and JSON-LD.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadBinaryInto, loadCore, loadFormCore, loadJsonInto, root } from './support/core.mjs';
import { loadBinaryInSlices } from '../../web/src/wasm-snapshot.mjs';
import { withBytesInHeap as withHeapBytes } from '../../web/src/wasm-snapshot.mjs';

const seeds = join(root, 'tests', 'fuzz', 'corpus');

const defaults = {
  stars: 0, verifiedOnly: false, withMedia: false, topic: '', language: '', aspect: '', aspectValue: 0,
  text: '', sort: 'newest', offset: 0, limit: 20,
};

function sampleSnapshot(reviews) {
  return {
    format: 'vouch.snapshot', version: 1,
    product: { id: 'sku-42', name: 'Teapot', url: 'https://shop.example/teapot', image: '' },
    reviews,
  };
}

const reviews = [
  { id: 'a', rating: 5, title: '质量很好', body: '茶壶质量很好，很喜欢', created: '2026-01-03T00:00:00Z', recommends: true,
    verification: 'verified_purchase', topics: ['quality'], media: [{ kind: 'photo', url: 'https://cdn.example/a.jpg', width: 10, height: 10 }] },
  { id: 'b', rating: 4, title: 'Café style', body: 'Pours well </script><script>alert(1)</script>', created: '2026-01-02T00:00:00Z', recommends: true,
    helpful_up: 10, helpful_down: 1 },
  { id: 'c', rating: 1, title: 'Broke', body: 'Lid broke 👎', created: '2026-01-01T00:00:00Z', recommends: false, topics: ['quality'] },
];

test('Store loads a JSON snapshot from heap bytes and answers queries', async () => {
  const core = await loadCore();
  const store = new core.Store();
  try {
    const bytes = new TextEncoder().encode(JSON.stringify(sampleSnapshot(reviews)));
    const status = await loadJsonInto(core, store, bytes);
    assert.deepEqual(status, { ok: true, code: 'ok', message: '' });
    assert.equal(store.size(), 3);
    assert.equal(store.productId(), 'sku-42');

    let answer = store.query({ ...defaults });
    assert.equal(answer.ok, true);
    assert.equal(answer.total, 3);
    assert.deepEqual(answer.starCounts, [1, 0, 0, 1, 1]);
    assert.deepEqual(Array.from(store.pageView().slice()), [0, 1, 2]);

    answer = store.query({ ...defaults, stars: 0b11000, sort: 'lowest' });
    assert.equal(answer.total, 2);
    assert.deepEqual(answer.starCounts, [1, 0, 0, 1, 1]); // the star facet ignores its own filter
    assert.deepEqual(Array.from(store.pageView().slice()), [1, 0]);

    answer = store.query({ ...defaults, sort: 'most_helpful', limit: 1 });
    assert.deepEqual(Array.from(store.pageView().slice()), [1]);

    answer = store.query({ ...defaults, text: '质量', sort: 'relevance' });
    assert.equal(answer.total, 1);
    const highlights = Array.from(store.highlightsView().slice());
    assert.deepEqual(highlights.slice(0, 4), [0, 0, 0, 6]); // review 0, title, bytes 0..6 = "质量"

    answer = store.query({ ...defaults, text: 'cafe' });
    assert.deepEqual(Array.from(store.pageView().slice()), [1]);

    answer = store.query({ ...defaults, topic: 'quality' });
    assert.equal(answer.total, 2);
    assert.equal(store.topicName(0), 'quality');
    assert.deepEqual(Array.from(store.topicFacetsView().slice()), [2]);

    const bad = store.query({ ...defaults, sort: 'best' });
    assert.equal(bad.ok, false);
    assert.equal(bad.code, 'invalid_query');
  } finally {
    store.delete();
  }
});

test('Store summary and JSON-LD', async () => {
  const core = await loadCore();
  const store = new core.Store();
  try {
    const bytes = new TextEncoder().encode(JSON.stringify(sampleSnapshot(reviews)));
    assert.equal((await loadJsonInto(core, store, bytes)).ok, true);
    const summary = store.summary();
    assert.equal(summary.count, 3);
    assert.equal(summary.averageText, '3.3');
    assert.equal(summary.averageTenths, 33);
    assert.deepEqual(summary.histogram, [1, 0, 0, 1, 1]);
    assert.equal(summary.histogramPercent.reduce((a, b) => a + b, 0), 100);
    assert.equal(summary.hasRecommend, true);
    assert.equal(summary.recommendPercent, 67);
    assert.deepEqual(Array.from(store.summaryTopicCountsView().slice()), [2]);

    const ld = store.jsonLd(2);
    assert.ok(!ld.includes('</script>'));
    const doc = JSON.parse(ld);
    assert.equal(doc['@type'], 'Product');
    assert.equal(doc.aggregateRating.ratingValue, '3.3');
    assert.equal(doc.aggregateRating.reviewCount, 3);
    assert.equal(doc.review.length, 2);
    assert.equal(doc.review[1].reviewBody, 'Pours well </script><script>alert(1)</script>');
  } finally {
    store.delete();
  }
});

test('Store loads binary snapshots and reports corrupt ones', async () => {
  const core = await loadCore();
  const store = new core.Store();
  try {
    const binary = readFileSync(join(seeds, 'snapshot_binary', 'seed3.bin'));
    const json = readFileSync(join(seeds, 'snapshot_json', 'seed3.json'));
    assert.equal(loadBinaryInto(core, store, binary).ok, true);
    const fromBinary = { size: store.size(), summary: store.summary() };
    assert.equal((await loadJsonInto(core, store, json)).ok, true);
    assert.deepEqual({ size: store.size(), summary: store.summary() }, fromBinary);

    const truncated = withHeapBytes(core, binary.subarray(0, 100), (p, n) => store.loadBinary(p, n));
    assert.equal(truncated.ok, false);
    assert.equal(truncated.code, 'invalid_binary');
    assert.match(truncated.message, /^header: truncated/);
    const corrupt = Buffer.from(binary);
    corrupt[8] = 9;
    assert.equal(withHeapBytes(core, corrupt, (p, n) => store.loadBinary(p, n)).message,
      'header.version: unsupported version 9 (this core reads 1)');
    const badJson = await loadJsonInto(core, store, new TextEncoder().encode('{"version":1,'));
    assert.equal(badJson.code, 'invalid_json');
    assert.equal(store.size(), fromBinary.size); // a failed load keeps the previous snapshot
  } finally {
    store.delete();
  }
});

test('reserveBinary + beginLoadReserved / loadStep / loadResult: the widget path, and its misuse', async () => {
  const core = await loadCore();
  const store = new core.Store();
  try {
    const binary = readFileSync(join(seeds, 'snapshot_binary', 'seed3.bin'));
    assert.equal(loadBinaryInto(core, store, binary).ok, true);
    const loaded = store.size();
    assert.ok(loaded > 0);
    // Nothing reserved (or the reservation already used): a clear error, the snapshot stays.
    assert.deepEqual(store.beginLoadReserved(), {
      ok: false, code: 'invalid_argument', message: 'nothing reserved (call reserve_binary first)',
    });
    assert.equal(store.loadStep(100), true);
    assert.deepEqual(store.loadResult(), {
      ok: false, code: 'invalid_argument', message: 'no load in progress (call begin_load_reserved first)',
    });
    assert.equal(store.size(), loaded);
    // Lengths JS could send that are not byte counts get no buffer.
    for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 30 + 1, 2 ** 32]) assert.equal(store.reserveBinary(bad), 0, String(bad));
    // A corrupt buffer written into the reservation is refused like loadBinary refuses it.
    const corrupt = Buffer.from(binary);
    corrupt[8] = 9;
    const status = loadBinaryInto(core, store, corrupt);
    assert.equal(status.code, 'invalid_binary');
    assert.equal(status.message, 'header.version: unsupported version 9 (this core reads 1)');
    assert.equal(store.size(), loaded);
    // An empty reservation is an empty (truncated) file, not a crash.
    assert.equal(loadBinaryInto(core, store, new Uint8Array(0)).code, 'invalid_binary');
  } finally {
    store.delete();
  }
});

test('the first-render module holds no validator or JSON reader; the form module holds no Store', async () => {
  const core = await loadCore();
  const form = await loadFormCore();
  for (const name of ['validateSubmission', 'validateSubmissionBytes', 'renderForm', 'SnapshotConverter']) {
    assert.equal(core[name], undefined, `vouch-core should not register ${name}`);
  }
  assert.equal(core.Store.prototype.loadJson, undefined, 'JSON snapshots go through the form module');
  for (const name of ['Store', 'renderView', 'renderShell']) assert.equal(form[name], undefined, `vouch-form should not register ${name}`);
  assert.equal(core.version(), form.version(), 'both modules come from one build');
});

test('SnapshotConverter reports bad JSON snapshots with the loader\'s codes and paths', async () => {
  const form = await loadFormCore();
  const convert = (text) => {
    const converter = new form.SnapshotConverter();
    const bytes = new TextEncoder().encode(text);
    try {
      const status = withHeapBytes(form, bytes, (pointer, length) => converter.convert(pointer, length));
      return { status, size: converter.binaryView().length };
    } finally {
      converter.delete();
    }
  };
  const good = convert(JSON.stringify(sampleSnapshot(reviews)));
  assert.equal(good.status.ok, true);
  assert.ok(good.size > 0);
  const malformed = convert('{"version":1,');
  assert.equal(malformed.status.code, 'invalid_json');
  assert.equal(malformed.size, 0);
  const wrong = convert(JSON.stringify(sampleSnapshot([{ ...reviews[0], rating: 9 }])));
  assert.equal(wrong.status.code, 'invalid_snapshot');
  assert.match(wrong.status.message, /^reviews\[0\]\.rating: /);
});

/**
 * `use(core, store, reference, binary)` with two fresh Stores, `reference`
 * holding seed3.bin loaded in one call; both freed after.
 */
async function withReference(use) {
  const core = await loadCore();
  const store = new core.Store();
  const reference = new core.Store();
  try {
    const binary = readFileSync(join(seeds, 'snapshot_binary', 'seed3.bin'));
    assert.equal(loadBinaryInto(core, reference, binary).ok, true);
    await use(core, store, reference, binary);
  } finally {
    store.delete();
    reference.delete();
  }
}

test('loadBinaryInSlices: a snapshot in the parts a response arrived in (some empty, some 1 byte) loads as the whole does', () =>
  withReference(async (core, store, reference, binary) => {
    const cuts = [0, 1, 1, 8, 9, Math.floor(binary.length / 2), binary.length - 1, binary.length];
    const parts = cuts.slice(1).map((end, i) => binary.subarray(cuts[i], end));
    assert.ok(parts.some((part) => part.length === 0) && parts.some((part) => part.length === 1));
    const status = await loadBinaryInSlices(core, store, parts, () => true);
    assert.deepEqual(status, { ok: true, code: 'ok', message: '' });
    const view = { stars: 0, verified: false, media: false, topic: '', search: '', sort: 'newest', page: 0, pageSize: 20, showMore: false };
    assert.equal(core.renderView(store, view, 'en', 'v').html, core.renderView(reference, view, 'en', 'v').html);
    // A part missing from the middle: the loader says what is wrong, nothing is kept.
    const fresh = new core.Store();
    try {
      const refused = await loadBinaryInSlices(core, fresh, [parts[0], parts[1], parts[6]], () => true);
      assert.equal(refused.ok, false);
      assert.equal(fresh.size(), 0);
    } finally {
      fresh.delete();
    }
  }));

test('loadBinaryInSlices: the same snapshot in many tasks; abandoned, the store keeps its previous one', () =>
  withReference(async (core, store, reference, binary) => {
    let tasks = 0;
    const status = await loadBinaryInSlices(core, store, binary, () => { tasks += 1; return true; });
    assert.deepEqual(status, { ok: true, code: 'ok', message: '' });
    assert.ok(tasks >= 2, `the load took several tasks (${tasks})`);
    assert.equal(store.size(), reference.size());
    assert.equal(store.productId(), reference.productId());
    // Overtaken (a newer load, the widget gone): null, and the snapshot it had stays.
    const again = await loadBinaryInSlices(core, store, new Uint8Array(64), () => false);
    assert.equal(again, null);
    assert.equal(store.size(), reference.size());
    // A broken file: the loader's code and message, the previous snapshot stays.
    const corrupt = Buffer.from(binary);
    corrupt[8] = 9;
    const refused = await loadBinaryInSlices(core, store, corrupt, () => true);
    assert.equal(refused.code, 'invalid_binary');
    assert.equal(refused.message, 'header.version: unsupported version 9 (this core reads 1)');
    assert.equal(store.size(), reference.size());
    // Too large for a Store: refused before anything is copied.
    assert.equal((await loadBinaryInSlices(core, store, { length: 2 ** 31 }, () => true)).code, 'snapshot_too_large');
  }));
