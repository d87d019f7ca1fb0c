// Review-request mails end to end (issue 18, docs/review-requests.md): the
// built vouch-server with `serve --test-clock`, its outbox pointed at a real
// SMTP relay on loopback (tests/support/smtp-relay.mjs); orders go in over the
// admin API, the test clock moves past the delay, and each mail the relay
// received is parsed with mailparser: headers, both parts, star links that
// carry valid signed tokens (one opened: the review it leads to is verified),
// the one-click unsubscribe (no further mail to that address), the cap, the
// reminder skipped after the customer reviewed, the locale from the order.
// (kill -9 durability and the relay-down backoff are in outbox.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { adminToken, startServer, adminJson as admin, until } from './support/server.mjs';
import { startRelay } from '../support/smtp-relay.mjs';
import { freePort } from '../../scripts/lib/server-process.mjs';

const FROM = 'reviews@shop.example';
const DAY = 86400;

async function start(relay, requests = {}) {
  const port = await freePort();
  const server = await startServer({
    config: {
      store_name: 'Lumière Shop',
      public_url: `http://127.0.0.1:${port}`,
      mail: { smtp_url: `smtp://127.0.0.1:${relay.port}`, starttls: 'off', from: FROM, from_name: 'Lumière Reviews', timeout_seconds: 10 },
      requests: { delay_days: 7, reminders: 1, reminder_after_days: 5, cap_per_30_days: 2, ...requests },
    },
    // The last --port wins: the one public_url names.
    args: ['--test-clock', '--port', String(port)],
  });
  assert.equal(server.port, port);
  return server;
}



function order(id, email, fulfilledAt, locale, products) {
  return {
    order_id: id,
    customer: { name: 'Mia <b>', email, locale },
    items: products.map((p) => ({ product: p, name: `The ${p}`, url: `https://shop.example/products/${p}?ref=mail#reviews`, image: `https://shop.example/img/${p}.png` })),
    fulfilled_at: fulfilledAt,
  };
}

/** The server's clock after moving it (Unix seconds). */
async function advance(server, seconds) {
  const moved = await admin(server, 'POST', 'test/clock', { advance_seconds: seconds });
  assert.equal(moved.status, 200);
  return Date.parse(moved.body.now) / 1000;
}

/** The orders' requests once none is due at `now` and every queued mail went out. */
async function settledRequests(server, orderIds, now) {
  return until(async () => {
    const listed = (await admin(server, 'GET', 'orders?limit=500')).body.orders;
    const mine = listed.filter((o) => orderIds.includes(o.order_id));
    const all = mine.flatMap((o) => o.requests.map((r) => ({ order: o.order_id, ...r })));
    const queuedUnsent = all.some((r) => r.state === 'queued' && r.mail_state !== 'sent');
    const due = all.some((r) => r.state === 'scheduled' && Date.parse(r.due) / 1000 <= now);
    return !queuedUnsent && !due && mine.length === orderIds.length && all;
  }, `requests of ${orderIds.join(', ')} decided`);
}

/** A header line as it came (mailparser folds List-* into one `list` object). */
function headerLine(mail, name) {
  const found = mail.headerLines.find((h) => h.key === name);
  return found ? found.line.slice(found.line.indexOf(':') + 1).trim() : '';
}

function unsubscribeUrl(mail) {
  const raw = headerLine(mail, 'list-unsubscribe');
  assert.match(raw, /^<[^<>]+>$/);
  assert.equal(mail.headers.get('list').unsubscribe.url, raw.slice(1, -1));
  return raw.slice(1, -1);
}

function starLinks(html) {
  return [...html.matchAll(/href="([^"]*\/api\/v1\/requests\/\d+\/click\?[^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
}

test('a request mail through the relay: headers, both parts, signed star links, a verified review, the reminder skipped', async () => {
  const relay = await startRelay();
  const server = await start(relay);
  try {
    const now = Math.floor(Date.now() / 1000);
    const created = await admin(server, 'POST', 'orders', order('e2e-1', 'mia@example.com', now, 'en-GB', ['mug']));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const requestId = created.body.request.id;
    // Not before the delay: a day early, nothing is queued.
    const sixDays = await advance(server, 6 * DAY);
    const early = await settledRequests(server, ['e2e-1'], sixDays);
    assert.deepEqual(early.map((r) => r.state), ['scheduled']);
    assert.equal(relay.messages.length, 0);

    await advance(server, DAY + 60);
    await until(() => relay.messages.length === 1, 'the request mail');
    const received = relay.messages[0];
    const mail = await simpleParser(received.raw);
    // Headers: From with the display name, To, Subject in the order's locale, Message-ID of the row.
    assert.deepEqual(mail.from.value, [{ address: FROM, name: 'Lumière Reviews' }]);
    assert.deepEqual(mail.to.value.map((v) => v.address), ['mia@example.com']);
    assert.deepEqual(received.to, ['mia@example.com']);
    assert.equal(mail.subject, 'How was your order from Lumière Shop?');
    const row = await until(async () => (await admin(server, 'GET', 'outbox?state=sent')).body.mails.find((m) => m.kind === 'review_request'), 'the outbox row marked sent');
    assert.equal(mail.messageId, `<${row.message_id}>`);
    const unsubscribe = unsubscribeUrl(mail);
    assert.match(unsubscribe, new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/api/v1/unsubscribe/[^/]+$`));
    assert.equal(headerLine(mail, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    // Both parts; the name is escaped once in HTML; five star links per product, in both parts.
    assert.match(mail.text, /Mia <b>/);
    assert.match(mail.html, /Mia &lt;b&gt;/);
    assert.doesNotMatch(mail.html, /<b>/);
    const links = starLinks(mail.html);
    assert.equal(links.length, 5);
    for (const link of links) assert.ok(mail.text.includes(link), `the text part has ${link}`);
    assert.ok(mail.text.includes(unsubscribe) && mail.html.includes(unsubscribe), 'the footer links the unsubscribe page');
    assert.deepEqual(links.map((l) => new URL(l).searchParams.get('rating')), ['1', '2', '3', '4', '5']);

    // A tampered token: a small page, no redirect.
    const four = new URL(links[3]);
    const tampered = new URL(four);
    tampered.searchParams.set('token', `${four.searchParams.get('token').slice(0, -3)}AAA`);
    const refused = await fetch(tampered, { redirect: 'manual' });
    assert.equal(refused.status, 404);
    assert.equal(refused.headers.get('location'), null);
    // The real 4-star link: 303 to the product page with the token and the rating.
    const clicked = await fetch(four, { redirect: 'manual' });
    assert.equal(clicked.status, 303);
    const landing = new URL(clicked.headers.get('location'));
    assert.equal(`${landing.origin}${landing.pathname}`, 'https://shop.example/products/mug');
    assert.equal(landing.searchParams.get('ref'), 'mail');
    assert.equal(landing.searchParams.get('vouch_rating'), '4');
    assert.equal(landing.hash, '#reviews');
    const token = landing.searchParams.get('review_token');
    assert.ok(token);
    // The review written with it is a verified purchase.
    const review = await fetch(`http://127.0.0.1:${server.port}/api/v1/products/mug/reviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rating: 4, title: 'Good mug', body: 'Keeps the tea warm for a long time.', author: 'Mia', email: 'mia@example.com', consent: true, token }),
    });
    const reviewBody = await review.json();
    assert.equal(review.status, 201, JSON.stringify(reviewBody));
    assert.equal(reviewBody.verified, true);
    const clicks = (await admin(server, 'GET', 'orders')).body.orders[0].requests[0].clicks;
    assert.equal(clicks, 1);

    // The reminder's time comes: nothing left to review, so no second mail.
    await advance(server, 5 * DAY + 60);
    const after = await until(async () => {
      const requests = (await admin(server, 'GET', 'orders')).body.orders[0].requests;
      return requests.length === 2 && requests[1].state !== 'scheduled' && requests;
    }, 'the reminder decided');
    assert.equal(after[0].id, requestId);
    assert.deepEqual([after[1].kind, after[1].state, after[1].skip_reason], ['reminder', 'skipped', 'reviewed']);
    assert.equal(relay.messages.length, 1);
  } finally {
    await server.stop();
    await relay.close();
  }
});

test('locale from the order, the cap per address, and one-click unsubscribe stops every later mail', async () => {
  const relay = await startRelay();
  const server = await start(relay, { reminders: 0 });
  try {
    const now = Math.floor(Date.now() / 1000);
    const posts = [
      order('zh-1', 'li@example.com', now, 'zh-CN', ['mug', 'scarf']),
      order('cap-1', 'cap@example.com', now - 30, 'de-AT', ['mug']),
      order('cap-2', 'CAP@example.com', now - 20, 'de-AT', ['scarf']),
      order('cap-3', 'cap@example.com', now - 10, 'de-AT', ['plate']),
    ];
    for (const body of posts) assert.equal((await admin(server, 'POST', 'orders', body)).status, 201);
    const due = await advance(server, 7 * DAY + 60);
    await until(() => relay.messages.length === 3, 'three mails');
    const requests = await settledRequests(server, posts.map((p) => p.order_id), due);
    assert.ok(requests.every((r) => r.kind === 'request'), 'reminders: 0 in the config schedules none');
    const state = Object.fromEntries(requests.map((r) => [r.order, `${r.state}:${r.skip_reason}`]));
    // Two mails per address in 30 days: the third order of cap@ is skipped (the address case-folded).
    assert.deepEqual(state, { 'zh-1': 'queued:', 'cap-1': 'queued:', 'cap-2': 'queued:', 'cap-3': 'skipped:cap' });
    const parsed = await Promise.all(relay.messages.map((m) => simpleParser(m.raw)));
    const byTo = (address) => parsed.filter((m) => m.to.value[0].address.toLowerCase() === address);
    assert.equal(byTo('cap@example.com').length, 2);
    for (const m of byTo('cap@example.com')) assert.equal(m.subject, 'Wie war Ihre Bestellung bei Lumière Shop?');
    const [zh] = byTo('li@example.com');
    assert.equal(zh.subject, '您在 Lumière Shop 的订单怎么样？');
    assert.equal(starLinks(zh.html).length, 10);
    assert.match(zh.text, /Mia <b>/);

    // One-click unsubscribe (RFC 8058): GET only asks, POST records it.
    const url = unsubscribeUrl(zh);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form/);
    const posted = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(posted.status, 200);
    // A later order of the same address: never mailed.
    const later = await advance(server, 0);
    assert.equal((await admin(server, 'POST', 'orders', order('zh-2', 'Li@Example.com', later, 'zh-CN', ['plate']))).status, 201);
    assert.equal((await admin(server, 'POST', 'orders', order('other-1', 'ok@example.com', later, 'fr-CA', ['plate']))).status, 201);
    const laterDue = await advance(server, 7 * DAY + 60);
    await until(() => relay.messages.length === 4, 'the other customer\'s mail');
    const decided = await settledRequests(server, ['zh-2', 'other-1'], laterDue);
    assert.deepEqual(decided.map((r) => `${r.order}:${r.state}:${r.skip_reason}`).sort(), ['other-1:queued:', 'zh-2:skipped:unsubscribed']);
    const last = await simpleParser(relay.messages[3].raw);
    assert.equal(last.subject, 'Votre commande chez Lumière Shop vous a-t-elle plu ?');
    assert.equal(relay.messages.filter((m) => m.to[0].toLowerCase() === 'li@example.com').length, 1);
  } finally {
    await server.stop();
    await relay.close();
  }
});
