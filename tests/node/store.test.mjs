// The review core through the wasm bindings: class Store loads binary and JSON
// snapshots from bytes in the wasm heap, answers queries, summaries and JSON-LD.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCore, root } from './support/core.mjs';

const seeds = join(root, 'tests', 'fuzz', 'corpus');

/** Copies bytes into the wasm heap, calls fn(pointer, length), frees. */
function withHeapBytes(core, bytes, fn) {
  const pointer = core._malloc(bytes.length || 1);
  try {
    core.HEAPU8.set(bytes, pointer); // HEAPU8 re-read after _malloc (memory may have grown)
    return fn(pointer, bytes.length);
  } finally {
    core._free(pointer);
  }
}

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
    const status = withHeapBytes(core, bytes, (p, n) => store.loadJson(p, n));
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
    assert.equal(withHeapBytes(core, bytes, (p, n) => store.loadJson(p, n)).ok, true);
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
    assert.equal(withHeapBytes(core, binary, (p, n) => store.loadBinary(p, n)).ok, true);
    const fromBinary = { size: store.size(), summary: store.summary() };
    assert.equal(withHeapBytes(core, json, (p, n) => store.loadJson(p, n)).ok, true);
    assert.deepEqual({ size: store.size(), summary: store.summary() }, fromBinary);

    const truncated = withHeapBytes(core, binary.subarray(0, 100), (p, n) => store.loadBinary(p, n));
    assert.equal(truncated.ok, false);
    assert.equal(truncated.code, 'invalid_binary');
    assert.match(truncated.message, /^header: truncated/);
    const corrupt = Buffer.from(binary);
    corrupt[8] = 9;
    assert.equal(withHeapBytes(core, corrupt, (p, n) => store.loadBinary(p, n)).message,
      'header.version: unsupported version 9 (this core reads 1)');
    const badJson = withHeapBytes(core, new TextEncoder().encode('{"version":1,'), (p, n) => store.loadJson(p, n));
    assert.equal(badJson.code, 'invalid_json');
    assert.equal(store.size(), fromBinary.size); // a failed load keeps the previous snapshot
  } finally {
    store.delete();
  }
});
