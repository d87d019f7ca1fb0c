// Answer invitations by e-mail end to end (issue 17, docs/questions.md "By
// e-mail"): the built vouch-server with its outbox pointed at a real SMTP
// relay on loopback; orders go in over the admin API, a shopper asks, the
// owner presses "E-mail the buyers" (POST …/invites/mail), and each mail the
// relay received is parsed with mailparser: headers, both parts, the buyer's
// locale, an answer link whose token gives a verified-buyer answer, and the
// one-click unsubscribe that keeps the address out of the next invitation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { startServer, adminJson as admin, until } from './support/server.mjs';
import { startRelay } from '../support/smtp-relay.mjs';
import { freePort } from '../../scripts/lib/server-process.mjs';

const FROM = 'reviews@shop.example';

async function start(relay) {
  const port = await freePort();
  const server = await startServer({
    config: {
      store_name: 'Lumière Shop',
      public_url: `http://127.0.0.1:${port}`,
      mail: { smtp_url: `smtp://127.0.0.1:${relay.port}`, starttls: 'off', from: FROM, from_name: 'Lumière Reviews', timeout_seconds: 10 },
      requests: { delay_days: 30 }, // no request mail gets in the way
      questions: { product_url: 'https://shop.example/products/{product}' },
    },
    args: ['--port', String(port)],
  });
  assert.equal(server.port, port);
  return server;
}

function order(id, email, locale) {
  return {
    order_id: id,
    customer: { name: 'Mia <b>', email, locale },
    items: [{ product: 'dress', name: 'Linen <dress>', url: 'https://shop.example/products/dress' }],
    fulfilled_at: Math.floor(Date.now() / 1000) - 3600,
  };
}

async function ask(server, text) {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/products/dress/questions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, author: 'Lena', consent: true, elapsed_ms: 9000, email: 'asker@example.com' }),
  });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  const approved = await admin(server, 'POST', `questions/${body.id}/approve`);
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return body.id;
}

function headerLine(mail, name) {
  const found = mail.headerLines.find((h) => h.key === name);
  return found ? found.line.slice(found.line.indexOf(':') + 1).trim() : '';
}

test('an answer invitation through the relay: both parts, the buyer locale, a working answer link, one-click unsubscribe', async () => {
  const relay = await startRelay();
  const server = await start(relay);
  try {
    for (const body of [order('qi-de', 'hans@example.com', 'de-AT'), order('qi-en', 'mia@example.com', 'en-GB'), order('qi-asker', 'ASKER@example.com', 'en')]) {
      assert.equal((await admin(server, 'POST', 'orders', body)).status, 201);
    }
    const question = await ask(server, 'Does the linen shrink <when> washed?');
    const report = await admin(server, 'POST', `questions/${question}/invites/mail`);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.equal(report.body.queued, 2);
    assert.equal(report.body.skipped.asker, 1);
    await until(() => relay.messages.length === 2, 'two invitations');
    const parsed = await Promise.all(relay.messages.map((m) => simpleParser(m.raw)));
    const to = (address) => parsed.find((m) => m.to.value[0].address === address);
    const de = to('hans@example.com');
    const en = to('mia@example.com');
    assert.ok(de && en, 'one mail each');
    assert.equal(de.subject, 'Ein Kunde hat eine Frage zu Linen <dress>');
    assert.equal(en.subject, 'A shopper has a question about Linen <dress>');
    assert.deepEqual(en.from.value, [{ address: FROM, name: 'Lumière Reviews' }]);
    // Both parts, the question and the product escaped once in HTML.
    assert.match(en.text, /> Does the linen shrink <when> washed\?/);
    assert.match(en.html, /Does the linen shrink &lt;when&gt; washed\?/);
    assert.match(en.html, /Linen &lt;dress&gt;/);
    assert.doesNotMatch(en.html, /<when>|<dress>/);
    assert.match(en.text, /because you bought Linen <dress> from Lumière Shop/);
    assert.match(de.text, /Diese Frage beantworten: https:\/\/shop\.example\/products\/dress\?vouch_answer=/);
    // The answer link: the same in both parts, for this question.
    const href = en.html.match(/<a href="([^"]+)" data-vouch-answer-link/)[1].replaceAll('&amp;', '&');
    assert.ok(en.text.includes(href), 'the text part has the answer link');
    const link = new URL(href);
    assert.equal(`${link.origin}${link.pathname}`, 'https://shop.example/products/dress');
    assert.equal(link.hash, `#vouch-answer=${question}`);
    const token = link.searchParams.get('vouch_answer');
    const answered = await fetch(`http://127.0.0.1:${server.port}/api/v1/questions/${question}/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Not at all, it kept its size at 40 degrees.', author: 'Mia', consent: true, elapsed_ms: 9000, token }),
    });
    const answer = await answered.json();
    assert.equal(answered.status, 201, JSON.stringify(answer));
    assert.equal(answer.badge, 'verified_buyer');

    // List-Unsubscribe with the one-click header; GET asks, POST records it.
    const raw = headerLine(de, 'list-unsubscribe');
    assert.match(raw, /^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/unsubscribe\/[^/<>]+>$/);
    assert.equal(headerLine(de, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const unsubscribe = raw.slice(1, -1);
    assert.ok(de.text.includes(unsubscribe) && de.html.includes(unsubscribe), 'the footer links it');
    const page = await fetch(unsubscribe);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /lang="de"/);
    const posted = await fetch(unsubscribe, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(posted.status, 200);

    // Pressing again mails nobody twice; the next question skips the unsubscribed address.
    const again = await admin(server, 'POST', `questions/${question}/invites/mail`);
    assert.equal(again.body.queued, 0);
    assert.deepEqual(again.body.skipped, { unsubscribed: 1, already_invited: 1, cooldown: 0, asker: 1, cap: 0 });
    const next = await ask(server, 'Is the dress lined inside?');
    const second = await admin(server, 'POST', `questions/${next}/invites/mail`);
    assert.deepEqual(second.body.skipped, { unsubscribed: 1, already_invited: 0, cooldown: 1, asker: 1, cap: 0 });
    assert.equal(second.body.queued, 0);
    const sent = await until(async () => {
      const mails = (await admin(server, 'GET', 'outbox?state=sent')).body.mails.filter((m) => m.kind === 'question_invite');
      return mails.length === 2 && mails;
    }, 'both invitations marked sent');
    assert.equal(sent.length, 2);
    assert.equal(relay.messages.length, 2);
  } finally {
    await server.stop();
    await relay.close();
  }
});
