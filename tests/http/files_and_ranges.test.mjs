// Mounted files and Range (issue #13 A5, A8, A9 for dist/): a control byte in
// a path never reaches the file system, ".." never leaves the mount, Range is
// ignored (a full 200, never a truncated body under Cache-Control: public),
// and precompressed siblings are served by Accept-Encoding, never made per
// request.
import assert from 'node:assert/strict';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { exchange, get, head } from './support/raw_http.mjs';
import { join } from 'node:path';
import { root, startServer } from './support/server.mjs';

const script = Buffer.from(`export const widget = ${JSON.stringify('x'.repeat(4000))};\n`);
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(2000, 7)]);
const data = Buffer.from(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ i })) }));

let server;
before(async () => {
  server = await startServer({
    files: {
      'vouch.js': script, 'vouch.js.br': brotliCompressSync(script), 'vouch.js.gz': gzipSync(script),
      'vouch-core.wasm': wasm, 'data.json': data,
    },
  });
});
after(async () => { await server?.stop(); });

test('a NUL or control byte in a mounted path -> 400, never the type of a later extension', async () => {
  for (const path of ['/dist/vouch-core.wasm%00.html', '/dist/vouch.js%0a.html', '/dist/vouch.js%7f']) {
    const answer = await get(server.port, path);
    assert.equal(answer.status, 400, path);
    assert.doesNotMatch(answer.headers['content-type'] ?? '', /text\/html/, path);
  }
  const plain = await get(server.port, '/dist/vouch-core.wasm');
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-type'], 'application/wasm');
});

test('".." never leaves the mounted directory', async () => {
  for (const path of ['/dist/../secret.txt', '/dist/%2e%2e/secret.txt', '/dist/%2E%2E%2Fsecret.txt', '/dist/./../secret.txt']) {
    const answer = await get(server.port, path);
    assert.ok(answer.status === 400 || answer.status === 404, `${path}: ${answer.status}`);
    assert.doesNotMatch(answer.body.toString(), /not for the web/, path);
  }
});

test('Range is ignored on files: the whole body, once, whatever the ranges', async () => {
  const ranges = Array.from({ length: 1000 }, (_, i) => `${i}-${i + 10}`).join(',');
  const answer = await get(server.port, '/dist/vouch.js', { Range: `bytes=${ranges}` });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.length, script.length);
  assert.equal(answer.headers['content-range'], undefined);
});

test('Range is ignored on API JSON: a snapshot is never cut short under Cache-Control: public', async () => {
  const whole = await get(server.port, '/api/v1/products/range-sku/snapshot');
  const ranged = await get(server.port, '/api/v1/products/range-sku/snapshot', { Range: 'bytes=0-9' });
  assert.equal(ranged.status, 200);
  assert.match(ranged.headers['cache-control'], /public/);
  assert.equal(ranged.body.length, whole.body.length);
  assert.deepEqual(JSON.parse(ranged.body), JSON.parse(whole.body));
});

test('dist/ files go out precompressed by Accept-Encoding, each encoding its own ETag', async () => {
  const br = await get(server.port, '/dist/vouch.js', { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.deepEqual(br.body, brotliCompressSync(script));
  const gz = await get(server.port, '/dist/vouch.js', { 'Accept-Encoding': 'br;q=0.5, gzip;q=1' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  const none = await get(server.port, '/dist/vouch.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
  assert.equal(none.headers['content-encoding'], undefined);
  assert.deepEqual(none.body, script);
  for (const answer of [br, gz, none]) {
    assert.match(answer.headers.vary, /Accept-Encoding/);
    assert.equal(answer.headers['content-type'], 'text/javascript; charset=utf-8');
  }
  assert.equal(new Set([br.headers.etag, gz.headers.etag, none.headers.etag]).size, 3);
  const again = await get(server.port, '/dist/vouch.js', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag });
  assert.equal(again.status, 304);
  const other = await get(server.port, '/dist/vouch.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.etag });
  assert.equal(other.status, 200, 'the br tag does not validate the gzip variant');
});

test('a mounted file without a precompressed sibling goes out as it is', async () => {
  const answer = await get(server.port, '/dist/data.json', { 'Accept-Encoding': 'br, gzip' });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['content-encoding'], undefined);
  assert.deepEqual(answer.body, data);
});

test('HEAD on a mounted file: headers only', async () => {
  const result = await exchange(server.port, head('HEAD', '/dist/vouch.js', { Connection: 'close' }), { head: true, timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 200);
  assert.equal(Number(result.responses[0].headers['content-length']), script.length);
});

test('a "/" mount serves its files and leaves the API to the routes', async () => {
  const rooted = await startServer({ args: ['--mount', `/=${join(root, 'demo')}`] });
  try {
    const health = await get(rooted.port, '/api/v1/health');
    assert.equal(health.status, 200);
    assert.equal(JSON.parse(health.body).ok, true);
    const page = await get(rooted.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /text\/html/);
    const bad = await get(rooted.port, '/api/v1/products/a%00b/snapshot');
    assert.equal(JSON.parse(bad.body).error.code, 'invalid_id', 'the route judges its own id');
    assert.equal((await get(rooted.port, '/no-such-page.html')).status, 404);
  } finally {
    await rooted.stop();
  }
});
