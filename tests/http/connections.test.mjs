// Slow, idle and kept-alive sockets cost the server a descriptor, never a
// worker: a normal request is answered while 200 of them are open (issue #13
// A1), and two pipelined requests get two answers in order (A3).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { exchange, get, head, openSocket } from './support/raw_http.mjs';
import { startServer } from './support/server.mjs';

let server;
before(async () => { server = await startServer({ config: { threads: 2 } }); });
after(async () => { await server?.stop(); });

test('a GET is answered while 200 slow, idle and kept-alive sockets are open', async () => {
  const sockets = [];
  try {
    // 80 idle (connected, silent), 80 slowloris (a header line at a time), 40
    // kept alive after one answered request.
    for (let i = 0; i < 80; i += 1) sockets.push(await openSocket(server.port));
    const slow = [];
    for (let i = 0; i < 80; i += 1) {
      const socket = await openSocket(server.port);
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      socket.on('error', () => {});
      sockets.push(socket);
      slow.push(socket);
    }
    for (let i = 0; i < 40; i += 1) {
      const socket = await openSocket(server.port);
      sockets.push(socket);
      const kept = await exchange(server.port, head('GET', '/api/v1/health'), { socket });
      assert.equal(kept.responses[0]?.status, 200, 'the kept-alive request was answered');
    }
    // Keep the slow ones trickling, as an attacker would, while we ask.
    const trickle = setInterval(() => { for (const socket of slow) socket.write('X-Slow: 1\r\n'); }, 500);
    try {
      // Liveness bound, not a speed assertion: a server whose workers are held
      // never answers while the trickle goes on.
      const answer = await get(server.port, '/api/v1/health', {}, 5000);
      assert.equal(answer.status, 200);
      assert.equal(JSON.parse(answer.body).ok, true);
    } finally {
      clearInterval(trickle);
    }
  } finally {
    for (const socket of sockets) socket.destroy();
  }
});

test('two pipelined GETs in one write get two answers, in order', async () => {
  const request = head('GET', '/api/v1/health') +
    head('GET', '/api/v1/summaries?products=pipelined-sku', { Connection: 'close' });
  const result = await exchange(server.port, request, { count: 2, timeoutMs: 5000 });
  assert.equal(result.responses.length, 2, `two answers (got ${result.raw.length} bytes)`);
  assert.equal(result.responses[0].status, 200);
  assert.equal(JSON.parse(result.responses[0].body).ok, true);
  assert.equal(result.responses[1].status, 200);
  assert.ok(JSON.parse(result.responses[1].body).summaries['pipelined-sku']);
});

test('a POST with neither body nor Content-Length is an empty body, answered at once', async () => {
  // The admin approve call takes an optional body: empty means "no reply text".
  const request = head('POST', '/api/v1/admin/reviews/no-such-review/approve', {
    Authorization: 'Bearer http-tier-admin-token-0123456789', Connection: 'close',
  });
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  assert.equal(result.timedOut, false, 'answered without waiting for a body');
  assert.equal(result.responses[0]?.status, 404, 'the empty body was accepted; the review is unknown');
});
