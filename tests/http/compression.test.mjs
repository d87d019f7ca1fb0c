// API snapshots are compressed once, when cached, and served by
// Accept-Encoding with q-values; each coding is its own entity (issue #13 A9).
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { exchange, get, head } from './support/raw_http.mjs';
import { startServer } from './support/server.mjs';

const product = 'compress-sku';
let server;

async function postReview(i) {
  const body = JSON.stringify({
    rating: 1 + (i % 5), title: `Review number ${i}`,
    body: `The kettle ${i} boils quickly and the handle stays cool; I would buy it again for the price.`,
    author: `Shopper ${i}`, email: `shopper${i}@example.com`, consent: true,
  });
  const request = head('POST', `/api/v1/products/${product}/reviews`, {
    'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close',
  }) + body;
  const result = await exchange(server.port, request, { timeoutMs: 10000 });
  assert.equal(result.responses[0]?.status, 201, result.raw.toString());
}

before(async () => {
  server = await startServer();
  for (let i = 0; i < 12; i += 1) await postReview(i);
});
after(async () => { await server?.stop(); });

const url = `/api/v1/products/${product}/snapshot`;

test('a snapshot in brotli and gzip decodes to the identity JSON', async () => {
  const identity = await get(server.port, url);
  assert.equal(identity.status, 200);
  assert.equal(identity.headers['content-encoding'], undefined);
  const br = await get(server.port, url, { 'Accept-Encoding': 'gzip, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.ok(br.body.length < identity.body.length);
  assert.deepEqual(brotliDecompressSync(br.body), identity.body);
  const gz = await get(server.port, url, { 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.body), identity.body);
  for (const answer of [identity, br, gz]) assert.match(answer.headers.vary, /Accept-Encoding/);
  assert.equal(new Set([identity.headers.etag, br.headers.etag, gz.headers.etag]).size, 3);
});

test('q-values decide: q=0 refuses, the higher q wins, * covers the rest', async () => {
  const cases = [
    ['br;q=0, gzip', 'gzip'], ['gzip;q=0.4, br;q=0.9', 'br'], ['br;q=0.1, gzip;q=0.8', 'gzip'],
    ['*', 'br'], ['*;q=0.5, br;q=0', 'gzip'], ['identity', undefined], ['br;q=0, gzip;q=0', undefined],
    ['gzip;q=0.000', undefined], ['BR', 'br'],
  ];
  for (const [accept, expected] of cases) {
    const answer = await get(server.port, url, { 'Accept-Encoding': accept });
    assert.equal(answer.headers['content-encoding'], expected, accept);
  }
});

test('the binary snapshot is compressed too, with its own tags', async () => {
  const accept = 'application/vnd.vouch.snapshot';
  const identity = await get(server.port, url, { Accept: accept });
  const gz = await get(server.port, url, { Accept: accept, 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.body), identity.body);
  assert.notEqual(gz.headers.etag, identity.headers.etag);
  const revalidated = await get(server.port, url, { Accept: accept, 'Accept-Encoding': 'gzip', 'If-None-Match': gz.headers.etag });
  assert.equal(revalidated.status, 304);
});

test('a new review rebuilds the compressed variants', async () => {
  const before = await get(server.port, url, { 'Accept-Encoding': 'br' });
  await postReview(99);
  const after = await get(server.port, url, { 'Accept-Encoding': 'br' });
  assert.notEqual(after.headers.etag, before.headers.etag);
  const reviews = JSON.parse(brotliDecompressSync(after.body)).reviews;
  assert.equal(reviews.length, JSON.parse(brotliDecompressSync(before.body)).reviews.length + 1);
});
