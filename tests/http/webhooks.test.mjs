// Webhooks against the built binary: a receiver on loopback checks every
// delivery with the verification code of docs/webhooks.md (the Node block,
// extracted from the page, not a copy); the review events arrive from the
// submit, approve and reply paths; e-mail addresses only for endpoints that
// opted in; a wrong secret, an old timestamp and a replayed event id are
// refused by that code; receiver errors and timeouts are retried with backoff
// (test clock) and the delivery log shows every attempt; after retry_hours a
// delivery is failed, and "send again" delivers it.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { adminToken, root, startServer, until } from './support/server.mjs';

const work = mkdtempSync(join(tmpdir(), 'vouch-webhooks-'));
after(() => rmSync(work, { recursive: true, force: true }));
let verifyWebhook;

before(async () => {
  const markdown = readFileSync(join(root, 'docs', 'webhooks.md'), 'utf8');
  const [module] = [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.match(module, /export function verifyWebhook/);
  writeFileSync(join(work, 'verify-webhook.mjs'), module);
  ({ verifyWebhook } = await import(pathToFileURL(join(work, 'verify-webhook.mjs'))));
});

/**
 * A receiver on loopback. `answer(n)` says what to do with the n-th request
 * (0-based): a status code, or 'hang' (never answer). Keeps every request.
 */
async function startReceiver(answer = () => 204) {
  const requests = [];
  const hanging = new Set();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const n = requests.length;
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), url: req.url });
      const what = answer(n);
      if (what === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(what).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    requests,
    close: () => new Promise((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}

async function call(server, method, path, body, headers = {}) {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/${path}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}
const admin = (server, method, path, body) => call(server, method, `admin/${path}`, body, { Authorization: `Bearer ${adminToken}` });


function review(i, extra = {}) {
  return {
    rating: 1 + (i % 5), title: `Kettle review ${i}`,
    body: `The kettle number ${i} boils quickly and the handle stays cool; I would buy it again.`,
    author: `Shopper ${i}`, email: `shopper${i}@example.com`, consent: true, ...extra,
  };
}

test('review events reach a loopback receiver, signed; the documented code accepts them, e-mail only with the opt-in', async () => {
  const plain = await startReceiver();
  const personal = await startReceiver();
  const fromConfig = await startReceiver();
  const secretFile = join(work, 'config-secret.txt');
  writeFileSync(secretFile, 'config-endpoint-secret-0123456789abcdef\n');
  const server = await startServer({
    config: { moderation: 'all', webhooks: { endpoints: [{ url: fromConfig.url, secret_file: secretFile, events: ['review.created'], description: 'from the file' }] } },
  });
  try {
    const a = await admin(server, 'POST', 'webhooks', { url: plain.url, events: ['review.created', 'review.published', 'review.replied'], description: 'crm' });
    assert.equal(a.status, 201);
    assert.match(a.body.secret, /^whsec_[0-9a-f]{48}$/);
    const b = await admin(server, 'POST', 'webhooks', { url: personal.url, events: ['review.published'], personal_data: true });
    const listed = await admin(server, 'GET', 'webhooks');
    assert.equal(listed.body.endpoints.length, 3);
    assert.ok(!JSON.stringify(listed.body).includes('whsec_'), 'secrets are shown once only');
    assert.ok(!JSON.stringify(listed.body).includes('config-endpoint-secret'));
    assert.deepEqual(listed.body.endpoints.map((e) => e.source).sort(), ['config', 'console', 'console']);

    const submitted = await call(server, 'POST', 'products/kettle-1/reviews', review(3));
    assert.equal(submitted.status, 201);
    assert.equal(submitted.body.status, 'pending');
    const id = submitted.body.id;
    assert.equal((await admin(server, 'POST', `reviews/${id}/approve`)).status, 200);
    assert.equal((await admin(server, 'POST', `reviews/${id}/reply`, { text: 'Thank you for the kind words!' })).status, 200);

    await until(() => plain.requests.length === 3 && personal.requests.length === 1 && fromConfig.requests.length === 1, 'the deliveries');
    const seen = new Set();
    const events = plain.requests.map((r) => {
      const event = verifyWebhook(a.body.secret, r.headers['vouch-signature'], r.body, seen);
      seen.add(event.id);
      assert.equal(r.headers['content-type'], 'application/json');
      assert.equal(r.headers['vouch-event-id'], event.id);
      assert.equal(r.headers['vouch-event-type'], event.type);
      return event;
    });
    assert.deepEqual(events.map((e) => e.type), ['review.created', 'review.published', 'review.replied']);
    for (const event of events) {
      assert.equal(event.version, 1);
      assert.match(event.id, /^evt_[0-9a-f]{32}$/);
      assert.match(event.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    assert.ok(events[0].sequence < events[1].sequence && events[1].sequence < events[2].sequence);
    assert.deepEqual(Object.keys(events[0].data.review).sort(), ['author', 'body', 'created', 'id', 'product_id', 'rating', 'status', 'title', 'verified']);
    assert.equal(events[0].data.review.status, 'pending');
    assert.equal(events[1].data.review.status, 'published');
    assert.equal(events[0].data.review.rating, 4);
    assert.deepEqual(events[2].data.review, { id, product_id: 'kettle-1' });
    assert.equal(events[2].data.reply.text, 'Thank you for the kind words!');
    for (const r of [...plain.requests, ...fromConfig.requests]) assert.ok(!r.body.includes('@'), 'no e-mail address without the opt-in');
    // The opted-in endpoint gets the reviewer's address, under its own secret.
    const published = verifyWebhook(b.body.secret, personal.requests[0].headers['vouch-signature'], personal.requests[0].body, new Set());
    assert.equal(published.data.review.email, 'shopper3@example.com');
    assert.equal(published.id, events[1].id, 'one event, one id, for every endpoint');
    const configured = verifyWebhook('config-endpoint-secret-0123456789abcdef', fromConfig.requests[0].headers['vouch-signature'], fromConfig.requests[0].body, new Set());
    assert.equal(configured.type, 'review.created');

    // The delivery log of the endpoint: one attempt each, its status and time.
    const log = await admin(server, 'GET', `webhooks/deliveries?endpoint=${a.body.endpoint.id}`);
    assert.equal(log.body.deliveries.length, 3);
    for (const d of log.body.deliveries) {
      assert.equal(d.state, 'delivered');
      assert.equal(d.log.length, 1);
      assert.equal(d.log[0].status, 204);
      assert.equal(typeof d.log[0].duration_ms, 'number');
    }
  } finally {
    await server.stop();
    for (const r of [plain, personal, fromConfig]) await r.close();
  }
});

test('the documented code refuses a wrong secret, an old timestamp and a replayed event id', async () => {
  const receiver = await startReceiver();
  const server = await startServer();
  try {
    const made = await admin(server, 'POST', 'webhooks', { url: receiver.url, events: ['review.created'] });
    await call(server, 'POST', 'products/kettle-2/reviews', review(1));
    await until(() => receiver.requests.length === 1, 'the delivery');
    const [{ headers, body }] = receiver.requests;
    const header = headers['vouch-signature'];
    const seen = new Set();
    const event = verifyWebhook(made.body.secret, header, body, seen);
    assert.throws(() => verifyWebhook('whsec_not-the-right-secret-000000000000000000', header, body, new Set()), /wrong signature/);
    assert.throws(() => verifyWebhook(made.body.secret, header, body.replace('kettle', 'kettlf'), new Set()), /wrong signature/);
    const t = Number(/t=(\d+)/.exec(header)[1]);
    assert.throws(() => verifyWebhook(made.body.secret, header, body, new Set(), t + 301), /timestamp too old/);
    // A fresh signature over the same body (an attacker who cannot sign) does not help: the tag is bound to t.
    assert.throws(() => verifyWebhook(made.body.secret, header.replace(`t=${t}`, `t=${t + 400}`), body, new Set(), t + 400), /wrong signature/);
    seen.add(event.id);
    assert.throws(() => verifyWebhook(made.body.secret, header, body, seen), /replayed event id/);
    assert.throws(() => verifyWebhook(made.body.secret, 'v1=abc', body, new Set()), /malformed/);
  } finally {
    await server.stop();
    await receiver.close();
  }
});

test('receiver errors and timeouts are retried with backoff (test clock); the log shows every attempt', async () => {
  // 500, then no answer (timeout), then 503, then 204.
  const plan = [500, 'hang', 503, 204];
  const receiver = await startReceiver((n) => plan[n] ?? 204);
  const server = await startServer({ config: { webhooks: { timeout_seconds: 1 } }, args: ['--test-clock'] });
  try {
    const made = await admin(server, 'POST', 'webhooks', { url: receiver.url, events: ['review.created'] });
    await call(server, 'POST', 'products/kettle-3/reviews', review(2));
    const delivery = async () => (await admin(server, 'GET', 'webhooks/deliveries')).body.deliveries[0];
    const waits = [];
    for (let attempts = 1; attempts <= 3; attempts += 1) {
      const d = await until(async () => { const x = await delivery(); return x && x.attempts === attempts && x.state === 'queued' && x.log.length === attempts && x; }, `attempt ${attempts}`);
      const wait = (Date.parse(d.next_attempt) - Date.parse(d.log.at(-1).time)) / 1000;
      waits.push(wait);
      await admin(server, 'POST', 'test/clock', { advance_seconds: wait });
    }
    const done = await until(async () => { const x = await delivery(); return x.state === 'delivered' && x; }, 'delivered');
    assert.deepEqual(waits, [30, 60, 120]);
    assert.deepEqual(done.log.map((a) => a.status), [500, null, 503, 204]);
    assert.match(done.log[0].error, /HTTP 500/);
    assert.match(done.log[1].error, /timed? ?out/i);
    assert.ok(done.log[1].duration_ms >= 900, 'the timeout attempt took about timeout_seconds');
    assert.equal(receiver.requests.length, 4);
    const ids = new Set(receiver.requests.map((r) => JSON.parse(r.body).id));
    assert.equal(ids.size, 1, 'every retry carries the same event id');
    // Each retry is signed afresh (its own t), and verifies.
    const last = receiver.requests.at(-1);
    const now = Number(/t=(\d+)/.exec(last.headers['vouch-signature'])[1]);
    assert.equal(verifyWebhook(made.body.secret, last.headers['vouch-signature'], last.body, new Set(), now).type, 'review.created');
  } finally {
    await server.stop();
    await receiver.close();
  }
});

test('after retry_hours a delivery is failed; "send again" delivers it', async () => {
  let up = false;
  const receiver = await startReceiver(() => (up ? 204 : 502));
  const server = await startServer({ config: { webhooks: { retry_hours: 1, retry_max_seconds: 900 } }, args: ['--test-clock'] });
  try {
    await admin(server, 'POST', 'webhooks', { url: receiver.url, events: ['review.created', 'review.published'] });
    await call(server, 'POST', 'products/kettle-4/reviews', review(4));
    const deliveries = async () => (await admin(server, 'GET', 'webhooks/deliveries')).body.deliveries;
    const failed = await until(async () => {
      const list = await deliveries();
      if (list.length === 2 && list.every((d) => d.state === 'failed')) return list;
      if (list.every((d) => d.state === 'queued' && d.log.length > 0)) await admin(server, 'POST', 'test/clock', { advance_seconds: 900 });
      return false;
    }, 'failed after an hour');
    for (const d of failed) {
      assert.equal(d.log.length, d.attempts);
      assert.ok(d.log.every((a) => a.status === 502));
      assert.ok(Date.parse(d.log.at(-1).time) - Date.parse(d.created) >= 3600 * 1000 - 900 * 1000);
    }
    assert.equal((await admin(server, 'POST', `webhooks/deliveries/${failed[0].id}/retry`)).status, 200);
    up = true;
    await until(async () => (await deliveries()).find((d) => d.id === failed[0].id).state === 'delivered', 'redelivered');
    assert.equal((await admin(server, 'POST', `webhooks/deliveries/${failed[0].id}/retry`)).status, 409);
  } finally {
    await server.stop();
    await receiver.close();
  }
});

test('endpoint registration: hostile input is refused with the field named; config endpoints are read-only', async () => {
  const server = await startServer({
    config: { webhooks: { endpoints: [{ url: 'https://hooks.example/a', secret: 'config-endpoint-secret-0123456789abcdef', events: ['request.sent'] }] } },
  });
  try {
    const cases = [
      [{ url: 'ftp://x.example/', events: ['review.created'] }, /^url: /],
      [{ url: 'https://user:pw@x.example/', events: ['review.created'] }, /^url: /],
      [{ url: 'https://x.example/#frag', events: ['review.created'] }, /^url: /],
      [{ url: 'https://x.example/\r\nHost: y', events: ['review.created'] }, /^url: /],
      [{ url: 'https://x.example/', events: [] }, /^events: /],
      [{ url: 'https://x.example/', events: ['review.deleted'] }, /^events: unknown event/],
      [{ url: 'https://x.example/', events: ['review.created', 'review.created'] }, /^events: .*twice/],
      [{ url: 'https://x.example/', events: 'review.created' }, /^events: /],
      [{ url: 'https://x.example/', events: ['review.created'], personal_data: 'yes' }, /^personal_data: /],
      [{ url: 'https://x.example/', events: ['review.created'], description: 'a\nb' }, /^description: /],
      [{ url: 'https://x.example/', events: ['review.created'], secret: 'mine' }, /^secret: unknown member/],
    ];
    for (const [body, message] of cases) {
      const refused = await admin(server, 'POST', 'webhooks', body);
      assert.ok(refused.status === 400 || refused.status === 422, `${JSON.stringify(body)}: ${refused.status}`);
      assert.match(refused.body.error.message, message, JSON.stringify(body));
    }
    const listed = await admin(server, 'GET', 'webhooks');
    assert.equal(listed.body.endpoints.length, 1, 'nothing was added');
    const configId = listed.body.endpoints[0].id;
    assert.equal((await admin(server, 'PUT', `webhooks/${configId}`, { url: 'https://hooks.example/b', events: ['review.created'] })).status, 409);
    assert.equal((await admin(server, 'DELETE', `webhooks/${configId}`)).status, 409);
    assert.equal((await admin(server, 'DELETE', 'webhooks/abc')).status, 400);
    assert.equal((await admin(server, 'DELETE', 'webhooks/999')).status, 404);
    // A console endpoint can be switched off and removed.
    const made = await admin(server, 'POST', 'webhooks', { url: 'https://hooks.example/c', events: ['review.created'] });
    const off = await admin(server, 'PUT', `webhooks/${made.body.endpoint.id}`, { url: 'https://hooks.example/c', events: ['review.created'], active: false });
    assert.equal(off.status, 200);
    assert.equal(off.body.endpoint.active, false);
    assert.equal((await admin(server, 'DELETE', `webhooks/${made.body.endpoint.id}`)).status, 200);
  } finally {
    await server.stop();
  }
});

test('kill -9 while a delivery is in flight: after the restart it is delivered, same event id', async () => {
  // The first request hangs (the server dies waiting); later ones are answered.
  const receiver = await startReceiver((n) => (n === 0 ? 'hang' : 204));
  let server = await startServer({ config: { webhooks: { timeout_seconds: 60 } } });
  const { dir } = server;
  try {
    await admin(server, 'POST', 'webhooks', { url: receiver.url, events: ['review.created'] });
    await call(server, 'POST', 'products/kettle-5/reviews', review(5));
    await until(() => receiver.requests.length === 1, 'the first attempt');
    await server.kill();
    server = await startServer({ dir, config: { webhooks: { timeout_seconds: 60 } } });
    const delivered = await until(async () => {
      const [d] = (await admin(server, 'GET', 'webhooks/deliveries')).body.deliveries;
      return d.state === 'delivered' && d;
    }, 'delivered after the restart');
    assert.equal(receiver.requests.length, 2);
    assert.equal(JSON.parse(receiver.requests[0].body).id, JSON.parse(receiver.requests[1].body).id);
    assert.equal(delivered.log.at(-1).status, 204);
  } finally {
    await server.stop();
    await receiver.close();
  }
});
