// A real SMTP relay on loopback for tests and the demo (npm smtp-server +
// mailparser): it accepts mail like a relay would and keeps each message it
// answered 250 to, parsed, in `messages` (and as .eml files in `dir` when
// given). A message whose client hung up before the 250 (a server killed
// mid-send) is not kept, as a real relay would not have accepted it. Like a
// well-behaved relay, it accepts a Message-ID it already holds without
// delivering it twice (counted in `duplicates`): the outbox resends a mail
// whose 250 it may not have recorded, always with the same Message-ID.
//
//   const relay = await startRelay({ delayMs: 20 });
//   ... mail: { smtp_url: `smtp://127.0.0.1:${relay.port}`, starttls: 'off', from: ... }
//   relay.messages            // [{ messageId, from, to, subject, text, html, headers, helo, user, secure, raw }]
//   relay.countByMessageId()  // Map messageId -> times delivered
//   relay.duplicates          // resends of a Message-ID it already had
//   await relay.close();
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/**
 * Options: port (0 = any free one), host, delayMs (before each 250: a slow
 * relay), dir (write <n>.eml files), tls ({ key, cert }: offer STARTTLS with
 * this certificate), users ({ name: password }: require AUTH), refuse
 * (address => SMTP code 4xx/5xx to refuse that recipient, or 0), onMessage
 * ((message, file) => void, after each delivery), log (smtp-server's logger).
 */
export async function startRelay({ port = 0, host = '127.0.0.1', delayMs = 0, dir = '', tls = null, users = null, refuse = () => 0, onMessage = null, log = false } = {}) {
  const messages = [];
  const closed = new Set();
  let refusals = 0;
  let duplicates = 0;
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    disabledCommands: [...(tls ? [] : ['STARTTLS']), ...(users ? [] : ['AUTH'])],
    authOptional: !users,
    allowInsecureAuth: false,
    logger: log,
    size: 10 * 1024 * 1024,
    onAuth(auth, session, callback) {
      if (users && users[auth.username] === auth.password) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, session, callback) {
      const code = refuse(address.address);
      if (code) {
        refusals += 1;
        return callback(Object.assign(new Error(`refused ${address.address}`), { responseCode: code }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (closed.has(session.id)) return callback(new Error('client gone'));
        const parsed = await simpleParser(raw);
        if (parsed.messageId && messages.some((m) => m.messageId === parsed.messageId)) {
          duplicates += 1;
          return callback(null, 'already have it');
        }
        const message = {
          messageId: parsed.messageId,
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject,
          text: parsed.text,
          html: parsed.html || '',
          headers: parsed.headers,
          user: session.user || null,
          helo: session.hostNameAppearsAs,
          secure: Boolean(session.secure),
          raw: raw.toString('utf8'),
        };
        messages.push(message);
        let file = '';
        if (dir) {
          // Time first, so the folder lists in arrival order across restarts.
          file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(messages.length).padStart(5, '0')}.eml`);
          writeFileSync(file, raw);
        }
        onMessage?.(message, file);
        callback(null, 'queued');
      });
    },
    onClose(session) { closed.add(session.id); },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  server.on('error', () => {});
  return {
    port: server.server.address().port,
    messages,
    get refusals() { return refusals; },
    get duplicates() { return duplicates; },
    countByMessageId() {
      const counts = new Map();
      for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) || 0) + 1);
      return counts;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
