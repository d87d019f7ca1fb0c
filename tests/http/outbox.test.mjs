// The e-mail outbox against the built binary and a real SMTP relay on
// loopback (tests/support/smtp-relay.mjs): a queued mail arrives with its
// row's Message-ID; kill -9 while 500 mails are queued and the relay is slow
// loses none and sends each exactly once (counted by Message-ID at the relay);
// a relay that is down for an hour (test clock) is retried with exponential
// backoff, then the mail goes; a permanent refusal is a failed row with the
// reason, which the console's retry queues again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminToken, startServer, adminJson as admin, until } from './support/server.mjs';
import { startRelay } from '../support/smtp-relay.mjs';

const FROM = 'reviews@shop.example';

function mailConfig(port, extra = {}) {
  return { mail: { smtp_url: `smtp://127.0.0.1:${port}`, starttls: 'off', from: FROM, from_name: 'Shop Reviews', timeout_seconds: 10, ...extra } };
}



/** A free loopback port nobody listens on (a relay that is down). */
async function closedPort() {
  const relay = await startRelay();
  const { port } = relay;
  await relay.close();
  return port;
}

test('a queued mail reaches the relay with its row\'s Message-ID, encoded headers and the text', async () => {
  const relay = await startRelay();
  // A store name beyond ASCII: the Subject goes as RFC 2047 encoded words.
  const server = await startServer({ config: { ...mailConfig(relay.port, { helo_domain: 'reviews.shop.example' }), store_name: 'Café Lumière 光 — "Spécial"' } });
  try {
    const queued = await admin(server, 'POST', 'outbox/test', { to: 'owner@shop.example' });
    assert.equal(queued.status, 201);
    const row = queued.body.mail;
    assert.match(row.message_id, /^[0-9a-f]{32}@vouch\.outbox$/);
    await until(() => relay.messages.length === 1, 'the mail');
    const [message] = relay.messages;
    assert.equal(message.messageId, `<${row.message_id}>`);
    assert.deepEqual(message.to, ['owner@shop.example']);
    assert.equal(message.from, FROM);
    assert.equal(message.helo, 'reviews.shop.example');
    assert.deepEqual(message.headers.get('from').value, [{ address: FROM, name: 'Shop Reviews' }]);
    assert.equal(message.subject, 'Test mail from Café Lumière 光 — "Spécial"');
    assert.match(message.raw, /^Subject: =\?UTF-8\?B\?/m);
    assert.match(message.raw, /^Date: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000\r$/m);
    assert.match(message.text, /If it reached you, the outbox can send mail\./);
    const sent = await until(async () => {
      const mail = (await admin(server, 'GET', `outbox/${row.id}`)).body.mail;
      return mail.state === 'sent' && mail;
    }, 'state sent');
    assert.equal(sent.attempts, 1);
    assert.equal(sent.last_error, '');
    const list = await admin(server, 'GET', 'outbox?state=sent');
    assert.equal(list.body.counts.sent, 1);
    assert.equal(list.body.sending_enabled, true);
  } finally {
    await server.stop();
    await relay.close();
  }
});

test('kill -9 with 500 mails queued and a slow relay: after a restart every mail arrived exactly once', async (t) => {
  const relay = await startRelay({ delayMs: 15 });
  let server = await startServer({ config: mailConfig(relay.port) });
  const dir = server.dir;
  try {
    const ids = [];
    for (let i = 0; i < 500; i += 1) {
      const queued = await admin(server, 'POST', 'outbox/test', { to: `customer${i}@shop.example` });
      assert.equal(queued.status, 201);
      ids.push(queued.body.mail.message_id);
    }
    // Mid-way through the queue, the server dies without any clean-up.
    await until(() => relay.messages.length >= 60, 'some mail to go out');
    await server.kill();
    const beforeRestart = relay.messages.length;
    assert.ok(beforeRestart < 500, `the kill came before the end of the queue (${beforeRestart} sent)`);
    server = await startServer({ dir, config: mailConfig(relay.port) });
    await until(async () => (await admin(server, 'GET', 'outbox')).body.counts.sent === 500, 'all 500 marked sent', 300000);
    const counts = relay.countByMessageId();
    const expected = new Set(ids.map((id) => `<${id}>`));
    assert.equal(counts.size, 500, 'every Message-ID arrived');
    for (const id of counts.keys()) assert.ok(expected.has(id), `${id} is one of the queued mails`);
    for (const [id, n] of counts) assert.equal(n, 1, `${id} arrived once`);
    assert.equal(relay.messages.length, 500, 'no mail delivered twice');
    // At most the one mail in flight at the kill can have been resent (its
    // 250 not yet recorded): same Message-ID, so the relay dropped the copy.
    assert.ok(relay.duplicates <= 1, `${relay.duplicates} resends of an accepted mail`);
    t.diagnostic(`${beforeRestart} mails delivered before the kill, ${500 - beforeRestart} after the restart, ${relay.duplicates} resent copies dropped by Message-ID`);
    const outbox = (await admin(server, 'GET', 'outbox')).body.counts;
    assert.deepEqual(outbox, { queued: 0, sending: 0, sent: 500, failed: 0 });
  } finally {
    await server.stop();
    await relay.close();
  }
});

test('the relay down for an hour (test clock): retries back off exponentially, then the mail goes', async () => {
  const port = await closedPort();
  const config = mailConfig(port, { retry_base_seconds: 60, retry_max_seconds: 3600, max_attempts: 12 });
  const server = await startServer({ config, args: ['--test-clock'] });
  let relay = null;
  try {
    const queued = await admin(server, 'POST', 'outbox/test', { to: 'owner@shop.example' });
    const id = queued.body.mail.id;
    const mail = async () => (await admin(server, 'GET', `outbox/${id}`)).body.mail;
    const seen = [];
    // Each attempt fails (nobody listens); the next one is 1, 2, 4, 8 ... minutes later.
    let row = await until(async () => { const m = await mail(); return m.attempts === 1 && m.state === 'queued' && m; }, 'attempt 1');
    seen.push(row);
    let elapsed = 0;
    while (elapsed < 3600) {
      const wait = Date.parse(row.next_attempt) / 1000 - Date.parse(row.last_attempt) / 1000;
      if (elapsed + wait > 3600) break;
      await admin(server, 'POST', 'test/clock', { advance_seconds: wait });
      elapsed += wait;
      const attempts = row.attempts + 1;
      row = await until(async () => { const m = await mail(); return m.attempts === attempts && m.state === 'queued' && m; }, `attempt ${attempts}`);
      seen.push(row);
    }
    const waits = seen.map((m) => (Date.parse(m.next_attempt) - Date.parse(m.last_attempt)) / 1000);
    assert.deepEqual(waits.slice(0, 6), [60, 120, 240, 480, 960, 1920]);
    assert.equal(seen.length, 6, 'six attempts in the first hour (0, 1, 3, 7, 15 and 31 minutes)');
    assert.match(row.last_error, /connect/i);
    // The relay is back; at the next due time the mail goes, once.
    relay = await startRelay({ port });
    await admin(server, 'POST', 'test/clock', { advance_seconds: waits.at(-1) });
    await until(() => relay.messages.length === 1, 'delivery after the outage');
    const sent = await until(async () => { const m = await mail(); return m.state === 'sent' && m; }, 'state sent');
    assert.equal(sent.attempts, 7);
    assert.equal(relay.messages[0].messageId, `<${sent.message_id}>`);
  } finally {
    await server.stop();
    if (relay) await relay.close();
  }
});

test('a permanent refusal is a failed row with the reason; retry from the console queues it again', async () => {
  let refuse = true;
  const relay = await startRelay({ refuse: (address) => (refuse && address === 'gone@shop.example' ? 550 : 0) });
  const server = await startServer({ config: mailConfig(relay.port) });
  try {
    const queued = await admin(server, 'POST', 'outbox/test', { to: 'gone@shop.example' });
    const id = queued.body.mail.id;
    const failed = await until(async () => { const m = (await admin(server, 'GET', `outbox/${id}`)).body.mail; return m.state === 'failed' && m; }, 'state failed');
    assert.equal(failed.attempts, 1, 'a 5xx is not retried');
    assert.match(failed.last_error, /^refused: .*SMTP 550/);
    assert.equal(relay.messages.length, 0);
    assert.equal((await admin(server, 'GET', 'outbox?state=failed')).body.mails[0].id, id);
    // Retrying a mail that is not failed is a conflict; a failed one is queued again.
    const other = await admin(server, 'POST', `outbox/${id + 1000}/retry`);
    assert.equal(other.status, 404);
    refuse = false;
    const retried = await admin(server, 'POST', `outbox/${id}/retry`);
    assert.equal(retried.status, 200);
    assert.equal(retried.body.mail.state, 'queued');
    await until(() => relay.messages.length === 1, 'the retried mail');
    const again = await admin(server, 'POST', `outbox/${id}/retry`);
    assert.equal(again.status, 409);
    assert.equal(relay.messages[0].messageId, `<${failed.message_id}>`, 'the same Message-ID');
  } finally {
    await server.stop();
    await relay.close();
  }
});

test('hostile test-mail input is refused with a clear error and queues nothing', async () => {
  const relay = await startRelay();
  const server = await startServer({ config: mailConfig(relay.port) });
  try {
    for (const to of ['', 'no-at-sign', 'a@b\r\nBcc: x@y', 'Name <a@b.example>', 'a,b@c.example', 42, null]) {
      const refused = await admin(server, 'POST', 'outbox/test', { to });
      assert.equal(refused.status, 400, JSON.stringify(to));
      assert.match(refused.body.error.message, /^to: /);
    }
    for (const path of ['outbox/abc', 'outbox/0', 'outbox/-1', 'outbox/99999999999999999999']) {
      const bad = await admin(server, 'GET', path);
      assert.equal(bad.status, 400, path);
    }
    assert.equal((await admin(server, 'GET', 'outbox?state=lost')).status, 400);
    assert.deepEqual((await admin(server, 'GET', 'outbox')).body.counts, { queued: 0, sending: 0, sent: 0, failed: 0 });
  } finally {
    await server.stop();
    await relay.close();
  }
});

test('a private message from the console goes through the outbox to the reviewer (kind private_reply)', async () => {
  const relay = await startRelay();
  const server = await startServer({ config: { ...mailConfig(relay.port), store_name: 'Kettle Corner' } });
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/products/kettle-9/reviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rating: 2, title: 'Lid rattles', body: 'The lid rattles when the water boils, otherwise the kettle works fine for us.', author: 'Inès', email: 'ines@example.com', consent: true }),
    });
    const { id } = await response.json();
    const sent = await admin(server, 'POST', `inbox/${id}/messages`, { text: 'Sorry about the lid!\nWe will send a new one.' });
    assert.equal(sent.status, 201);
    assert.equal(sent.body.mailto, null, 'no mail program needed');
    assert.equal(typeof sent.body.outbox_id, 'number');
    await until(() => relay.messages.length === 1, 'the private message');
    const [message] = relay.messages;
    assert.deepEqual(message.to, ['ines@example.com']);
    assert.deepEqual(message.headers.get('to').value, [{ address: 'ines@example.com', name: 'Inès' }]);
    assert.equal(message.subject, 'About your review "Lid rattles"');
    assert.match(message.text, /^Sorry about the lid!\nWe will send a new one\.\n\n-- \nKettle Corner/);
    const row = (await admin(server, 'GET', `outbox/${sent.body.outbox_id}`)).body.mail;
    assert.equal(row.kind, 'private_reply');
    assert.equal(row.reference, `review:${id}`);
    assert.equal(message.messageId, `<${row.message_id}>`);
  } finally {
    await server.stop();
    await relay.close();
  }
});

test('STARTTLS and AUTH: the credentials go only over TLS the relay proved with its certificate', async () => {
  const work = mkdtempSync(join(tmpdir(), 'vouch-smtp-tls-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const tls = { key: readFileSync(join(work, 'key.pem')), cert: readFileSync(join(work, 'cert.pem')) };
  writeFileSync(join(work, 'smtp-password.txt'), 'relay-password-1\n');
  const relay = await startRelay({ tls, users: { reviews: 'relay-password-1' } });
  const plain = await startRelay({ users: { reviews: 'relay-password-1' } });
  const auth = { starttls: 'required', username: 'reviews', password_file: join(work, 'smtp-password.txt'), ca_file: join(work, 'cert.pem') };
  const server = await startServer({ config: mailConfig(relay.port, auth) });
  // The same settings against a relay that offers no STARTTLS: nothing is sent.
  const refused = await startServer({ config: mailConfig(plain.port, auth) });
  try {
    await admin(server, 'POST', 'outbox/test', { to: 'owner@shop.example' });
    await until(() => relay.messages.length === 1, 'the mail over STARTTLS');
    assert.equal(relay.messages[0].secure, true, 'the session was upgraded to TLS');
    assert.equal(relay.messages[0].user, 'reviews', 'the relay authenticated the server');
    const queued = await admin(refused, 'POST', 'outbox/test', { to: 'owner@shop.example' });
    const row = await until(async () => { const m = (await admin(refused, 'GET', `outbox/${queued.body.mail.id}`)).body.mail; return m.attempts >= 1 && m.state === 'queued' && m; }, 'a failed attempt');
    assert.match(row.last_error, /SSL|TLS|STARTTLS/i);
    assert.equal(plain.messages.length, 0);
  } finally {
    await server.stop();
    await refused.stop();
    await relay.close();
    await plain.close();
    rmSync(work, { recursive: true, force: true });
  }
});

test('erasing a reviewer (GDPR) removes the outbox\'s mails to the address and the address from webhook events not yet delivered', async () => {
  const relay = await startRelay({ refuse: (address) => (address.toLowerCase() === 'erase-me@example.com' ? 550 : 0) });
  let hookUp = false;
  const bodies = [];
  const { createServer } = await import('node:http');
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { if (hookUp) bodies.push(body); res.writeHead(hookUp ? 204 : 503).end(); });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const server = await startServer({ config: mailConfig(relay.port), args: ['--test-clock'] });
  try {
    await admin(server, 'POST', 'webhooks', { url: `http://127.0.0.1:${receiver.address().port}/`, events: ['review.created'], personal_data: true });
    const posted = await fetch(`http://127.0.0.1:${server.port}/api/v1/products/kettle-8/reviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rating: 3, title: 'Fine', body: 'A fine kettle, a little loud when it boils but it does the job well.', author: 'Erin', email: 'Erase-Me@example.com', consent: true }),
    });
    const { id } = await posted.json();
    const message = await admin(server, 'POST', `inbox/${id}/messages`, { text: 'Thanks for the review!' });
    await until(async () => (await admin(server, 'GET', `outbox/${message.body.outbox_id}`)).body.mail.state === 'failed', 'the refused mail');
    await admin(server, 'POST', 'outbox/test', { to: 'someone-else@example.com' });
    const erased = await admin(server, 'POST', 'reviewers/erase', { email: 'erase-me@example.com', mode: 'anonymise' });
    assert.equal(erased.status, 200);
    assert.equal(erased.body.mails_removed, 1);
    assert.equal((await admin(server, 'GET', `outbox/${message.body.outbox_id}`)).status, 404);
    const rest = (await admin(server, 'GET', 'outbox')).body.mails;
    assert.deepEqual(rest.map((m) => m.to), ['someone-else@example.com']);
    // The delivery that was retrying now goes out without the address.
    hookUp = true;
    await admin(server, 'POST', 'test/clock', { advance_seconds: 3600 });
    await until(() => bodies.length === 1, 'the delivery');
    assert.equal(JSON.parse(bodies[0]).type, 'review.created');
    assert.ok(!bodies[0].toLowerCase().includes('erase-me@example.com'), 'no address after the erasure');
  } finally {
    await server.stop();
    await relay.close();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
