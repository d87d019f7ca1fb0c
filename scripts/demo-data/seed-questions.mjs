// Seeds the demo's questions and answers (scripts/demo-data/questions.mjs)
// once, through vouch-server's own routes, so every row passes the core's
// question/answer validator and takes the path a store's would: a shopper
// asks (pending), the store answers in the console's route (which publishes
// the question), a verified buyer answers through the signed answer link the
// console lists for their order, and the owner approves the buyer's answer.
// A buyer's order becomes a verified one the only way vouch-server knows: they
// review the product through the signed review link of that order.
//
// The seed runs on its own vouch-server (a free loopback port) over the demo's
// database, with a copy of the demo config that lifts the per-address rate
// limits (every seeded request comes from 127.0.0.1) and sends no mail; the
// copy is removed afterwards. The marker var/seeded-questions keeps a second
// `npm start` from seeding again, and a var/ seeded before questions existed
// gets them once. A question already stored (same product and text) is not
// asked again, so a run that stopped half-way can be repeated.
//
//   seedDemoQuestions({ binary, db, config, dir, log })   synchronous, from seedDemo()
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVouchServer } from '../lib/server-process.mjs';
import { demoBuyers, demoQuestions } from './questions.mjs';

const here = fileURLToPath(import.meta.url);
export const questionsMarker = 'seeded-questions';

/**
 * Seeds the questions unless `dir`/seeded-questions exists. Synchronous like
 * the rest of seedDemo(): the HTTP work runs in a child node process.
 * @returns {{ seeded: boolean, questions?: number, answers?: number }}
 */
export function seedDemoQuestions({ binary, db, config, dir, log = console.log }) {
  if (existsSync(join(dir, questionsMarker))) return { seeded: false };
  log(`seed: ${demoQuestions.length} questions and their answers (scripts/demo-data/questions.mjs, written for the demo)`);
  const run = spawnSync(process.execPath, [here, JSON.stringify({ binary, db, config, dir })], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const lines = (run.stdout || '').trim().split('\n').filter(Boolean);
  if (run.status !== 0) throw new Error(`seed: questions failed (${run.status}): ${run.stderr.trim().split('\n').slice(-8).join('\n')}`);
  const summary = JSON.parse(lines.pop());
  for (const line of lines) log(`seed: ${line}`);
  writeFileSync(join(dir, questionsMarker), `${new Date().toISOString()}\n`);
  return { seeded: true, ...summary };
}

/** The demo config with the seed's own limits: all requests come from one address; no mail. */
function seedConfig(config) {
  const settings = JSON.parse(readFileSync(config, 'utf8'));
  delete settings.mail;
  delete settings.webhooks;
  settings.limits = {
    ...settings.limits,
    submissions_per_ip: 1000,
    submissions_per_product: 1000,
    votes_per_ip_per_review: 1000,
    votes_per_ip_per_hour: 1000,
  };
  // Beside the demo config: relative paths in it (uploads) resolve the same way.
  const path = join(dirname(config), `.seed-questions-${basename(config)}`);
  writeFileSync(path, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  return { path, adminToken: settings.admin_token };
}

/** One JSON request; any status other than `expected` stops the seed with the server's answer. */
async function call(server, method, path, { body, token, language, expected = [200, 201] } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (language) headers['Accept-Language'] = language;
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!expected.includes(response.status)) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

// A shopper's form takes a while to fill: the seed says so (elapsed_ms), so no
// seeded text is flagged as too fast.
const FILLED_IN_MS = 45000;

// The questions are asked over the past weeks, in the data's order, two to
// three days apart, and answered three to 23 hours after the previous step: a
// fixed schedule, the same dates relative to the seed's day on every machine.
// The seed's server starts its clock that far back (--test-clock-start) and
// moves it forward (POST /api/v1/admin/test/clock), so every row gets its time
// from the server as a store's would.
const DAY = 86400;
const questionGap = (k) => 2 * DAY + ((k * 7919) % DAY);
const answerGap = (k, a) => 3 * 3600 + (((k + 1) * (a + 3) * 4409) % (20 * 3600));
const scheduleLength = demoQuestions.reduce(
  (sum, question, k) => sum + questionGap(k) + question.answers.reduce((total, _, a) => total + answerGap(k, a), 0), 0);

async function seed({ binary, db, config }) {
  const { path, adminToken } = seedConfig(config);
  const start = Math.floor(Date.now() / 1000) - scheduleLength - DAY;
  const server = await startVouchServer({
    binary,
    args: ['--db', db, '--config', path, '--test-clock', `--test-clock-start=${start}`],
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const admin = { token: adminToken };
  const counts = { questions: 0, answers: 0, buyers: 0, votes: 0 };
  try {
    const stored = await call(server, 'GET', '/api/v1/admin/questions?limit=200', admin);
    const known = new Set(stored.questions.map((q) => `${q.product_id}\n${q.text}`));
    const verified = new Set();

    /** Makes `key`'s order a verified one: their review through the order's signed review link. */
    const verifyBuyer = async (key) => {
      if (verified.has(key)) return;
      const buyer = demoBuyers[key];
      const signed = spawnSync(binary, ['sign-link', '--config', path, '--product', buyer.product, '--order', buyer.order], { encoding: 'utf8' });
      if (signed.status !== 0) throw new Error(`sign-link failed: ${signed.stderr}`);
      const review = await call(server, 'POST', `/api/v1/products/${encodeURIComponent(buyer.product)}/reviews`, {
        language: buyer.language,
        body: {
          rating: buyer.rating, title: buyer.title, body: buyer.body, author: buyer.author,
          email: `${buyer.order}@example.com`, consent: true, language: buyer.language,
          elapsed_ms: FILLED_IN_MS, token: signed.stdout.trim(),
        },
      });
      if (!review.verified) throw new Error(`${buyer.author}'s review was not taken as a verified purchase: ${JSON.stringify(review)}`);
      if (review.status === 'pending') await call(server, 'POST', `/api/v1/admin/reviews/${review.id}/approve`, { ...admin, body: {} });
      verified.add(key);
      counts.buyers += 1;
    };

    const vote = async (answerId, votes) => {
      for (let i = 0; i < votes; i += 1) {
        await call(server, 'POST', `/api/v1/answers/${answerId}/votes`, { body: { visitor: `demo-visitor-${answerId}-${i}`, vote: 'up' } });
        counts.votes += 1;
      }
    };

    const advance = (seconds) => call(server, 'POST', '/api/v1/admin/test/clock', { ...admin, body: { advance_seconds: seconds } });
    for (const [k, question] of demoQuestions.entries()) {
      await advance(questionGap(k));
      if (known.has(`${question.product}\n${question.text}`)) continue;
      const asked = await call(server, 'POST', `/api/v1/products/${encodeURIComponent(question.product)}/questions`, {
        language: question.language,
        body: { text: question.text, author: question.author, consent: true, elapsed_ms: FILLED_IN_MS },
      });
      counts.questions += 1;
      const id = asked.id;
      let published = false;
      if (question.approved || question.answers[0]?.by === 'buyer') {
        await call(server, 'POST', `/api/v1/admin/questions/${id}/approve`, { ...admin, body: {} });
        published = true;
      }
      for (const [a, answer] of question.answers.entries()) {
        await advance(answerGap(k, a));
        let answerId;
        if (answer.by === 'store') {
          answerId = (await call(server, 'POST', `/api/v1/admin/questions/${id}/answers`, { ...admin, body: { text: answer.text } })).answer.id;
          published = true;
        } else {
          if (!published) throw new Error(`a buyer answers only a published question: ${question.text}`);
          const buyer = demoBuyers[answer.buyer];
          await verifyBuyer(answer.buyer);
          // The link the console lists for this buyer's order.
          const { invites } = await call(server, 'GET', `/api/v1/admin/questions/${id}/invites`, admin);
          const invite = invites.find((i) => i.order_id === buyer.order);
          if (!invite) throw new Error(`no invite for ${buyer.order} on ${question.product}`);
          const answered = await call(server, 'POST', `/api/v1/questions/${id}/answers`, {
            language: buyer.language,
            body: { text: answer.text, author: buyer.author, consent: true, elapsed_ms: FILLED_IN_MS, token: invite.token },
          });
          if (answered.badge !== 'verified_buyer') throw new Error(`${buyer.author}'s answer was not taken as a verified buyer's: ${JSON.stringify(answered)}`);
          answerId = answered.id;
          if (!answer.pending && answered.status === 'pending') await call(server, 'POST', `/api/v1/admin/answers/${answerId}/approve`, { ...admin, body: {} });
        }
        counts.answers += 1;
        if (!answer.pending) await vote(answerId, answer.votes || 0);
      }
    }
  } finally {
    server.stop();
    await exited; // the demo's own server opens the database next
    rmSync(path, { force: true });
  }
  return counts;
}

if (process.argv[1] === here) {
  const counts = await seed(JSON.parse(process.argv[2]));
  console.log(`${counts.questions} questions, ${counts.answers} answers (${counts.buyers} verified buyers), ${counts.votes} helpful votes`);
  console.log(JSON.stringify(counts));
}
