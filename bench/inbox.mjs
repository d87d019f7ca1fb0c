// The console's inbox query at 100k reviews (issue 15): a real SQLite file
// with 100,000 generated reviews written straight into `reviews` (as an older
// database would hold them), the start-up backfill of triage, due times and
// search text for every row (timed), vouch-server started on it, then
// p50/p95 of the inbox list over loopback: the default view, and
// needs_response + tag + a search word (two filters and a search).
//
// `node bench/inbox.mjs` runs this part alone and replaces only its section of
// bench/RESULTS.md; `npm run bench` includes it (VOUCH_BENCH_ONLY=inbox).
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVouchServer } from '../scripts/lib/server-process.mjs';
import { root } from '../scripts/lib/run.mjs';
import { timeAdminRequests } from './lib/admin-requests.mjs';
import { writeSection } from './lib/results-section.mjs';

const TOKEN = 'bench-inbox-token-0123456789abcdef';
const HEADING = '## 9. Console inbox query at 100k reviews';

// Deterministic text: a fixed phrase list with a linear congruential generator.
const PHRASES = [
  'The quality is poor and the stitching came loose after a week.',
  'Great quality fabric, it feels soft and looks expensive.',
  'The parcel arrived two weeks late and the box was crushed.',
  'Shipping was fast and the packaging was neat.',
  'Runs small, order one size up for a comfortable fit.',
  'Customer service answered quickly and sent a replacement.',
  'Good value for the money, I would buy it again.',
  'The colour is darker than in the photos but still nice.',
  'It broke on the second day, very disappointed with the quality.',
  'Lovely dress for summer evenings, light and flowy.',
  'The zipper is stiff and the seams are uneven.',
  'Perfect gift, my sister loved it.',
];

function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quote = (text) => `'${text.replace(/'/g, "''")}'`;

function writeReviews(db, binary, n) {
  execFileSync(binary, ['migrate', '--db', db]);
  const random = lcg(42);
  const start = 1_764_000_000;
  const lines = ['BEGIN;'];
  for (let i = 0; i < n; i += 1) {
    const rating = 1 + Math.floor(random() * 5);
    const body = `${PHRASES[Math.floor(random() * PHRASES.length)]} ${PHRASES[Math.floor(random() * PHRASES.length)]}`;
    const created = start + i * 60;
    lines.push(`INSERT INTO reviews (id, product_id, status, rating, title, body, author, created, updated) VALUES (${quote(`bench-${i}`)}, ${quote(`sku-${i % 200}`)}, 'published', ${rating}, 'Review ${i}', ${quote(body)}, 'Shopper ${i % 977}', ${created}, ${created});`);
  }
  lines.push('COMMIT;');
  const sql = join(db + '.sql');
  writeFileSync(sql, lines.join('\n'));
  execFileSync('sqlite3', [db, `.read ${sql}`]);
}

async function timeQuery(url, runs) {
  await timeAdminRequests(Array(5).fill(url), TOKEN); // warm-up
  const t = await timeAdminRequests(Array(runs).fill(url), TOKEN);
  return { p50: t.p50, p95: t.p95, total: JSON.parse(t.text).total };
}

/** The section's lines (markdown), measured now. */
export async function benchInbox({ nativeDir, quick }) {
  const binary = join(nativeDir, 'src', 'server', 'vouch-server');
  const work = mkdtempSync(join(tmpdir(), 'vouch-bench-inbox-'));
  const n = 100000;
  const runs = quick ? 20 : 200;
  let server;
  try {
    const db = join(work, 'vouch.db');
    writeReviews(db, binary, n);
    writeFileSync(join(work, 'config.json'), JSON.stringify({ admin_token: TOKEN }));
    // `migrate` opens the app as `serve` does: the start-up backfill runs there, timed alone.
    const begin = performance.now();
    execFileSync(binary, ['migrate', '--db', db]);
    const startup = performance.now() - begin;
    server = await startVouchServer({ binary, args: ['--db', db, '--config', join(work, 'config.json')] });
    const base = `${server.url}/api/v1/admin/inbox`;
    const queries = [
      ['default view (`GET /api/v1/admin/inbox`: sort urgent, limit 50, with counts)', base],
      ['`?view=needs_response&tag=quality&q=stitching`', `${base}?view=needs_response&tag=quality&q=stitching`],
      ['`?sort=newest&rating=1,2`', `${base}?sort=newest&rating=1,2`],
    ];
    const rows = [];
    for (const [name, url] of queries) {
      const t = await timeQuery(url, runs);
      rows.push(`| ${name} | ${t.total} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} |`);
    }
    const cpu = cpus()[0]?.model ?? 'unknown';
    return [
      HEADING,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu} (shared with other work), ` +
        `${n.toLocaleString('en')} generated reviews over 200 products in a real SQLite file, ` +
        `written without inbox rows; vouch-server's start-up backfilled them (triage, due time, ` +
        `search text) in batches of 1000: ${(startup / 1000).toFixed(1)} s (\`vouch-server migrate\`, which opens the app as \`serve\` does). ` +
        `Then ${runs} sequential requests per query over loopback (fetch from Node, after 5 warm-ups), ` +
        'the whole round trip including JSON of 50 items and the sidebar counts (one pass of sums over a covering index, then the assignee and tag groups).',
      '',
      '| query | matches | p50 ms | p95 ms |',
      '|---|---|---|---|',
      ...rows,
      '',
    ];
  } finally {
    server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const nativeDir = process.env.VOUCH_BENCH_NATIVE_DIR || join(root, 'build', 'native');
  const lines = await benchInbox({ nativeDir, quick: process.env.VOUCH_BENCH_QUICK === '1' });
  const target = join(root, 'bench', 'RESULTS.md');
  writeSection(target, HEADING, lines);
  console.log(lines.join('\n'));
}
