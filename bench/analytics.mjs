// The owner's analytics at 100k reviews (issue 16): a real SQLite file with
// 100,000 generated reviews over 200 products (English and Chinese text,
// every star, some photos, some rejected), vouch-server's start-up backfill of
// their inbox rows and tags, then p50/p95 of GET /api/v1/admin/analytics over
// loopback: full-cold (the first request: read every review from SQLite and
// derive it: fold, phrase candidates, tags), a new range (the derived reviews
// are in memory: aggregate every panel, serialise), warm (the same query again,
// answered from the cache), and after one write (a moderation decision or a
// tag correction, then the first request: re-derive that review, aggregate).
// Also the server's resident size before and after the cache is built.
//
// `node bench/analytics.mjs` runs this part alone and replaces only its
// section of bench/RESULTS.md; `npm run bench` includes it
// (VOUCH_BENCH_ONLY=analytics).
import { execFileSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVouchServer } from '../scripts/lib/server-process.mjs';
import { root } from '../scripts/lib/run.mjs';
import { percentile, timeAdminRequests } from './lib/admin-requests.mjs';
import { writeSection } from './lib/results-section.mjs';

const TOKEN = 'bench-analytics-token-0123456789ab';
const HEADING = '## 10. Owner analytics at 100k reviews';

// Deterministic text: fixed phrase lists with a linear congruential generator.
const NEGATIVE = [
  'The quality is poor and the stitching came loose after a week.',
  'The parcel arrived two weeks late and the box was crushed.',
  'It broke on the second day, very disappointed with the quality.',
  'The zipper is stiff and the seams are uneven.',
  '物流太慢，等了两个星期。',
  '质量差，穿了一次就开线了。',
];
const POSITIVE = [
  'Great quality fabric, it feels soft and looks expensive.',
  'Shipping was fast and the packaging was neat.',
  'Customer service answered quickly and sent a replacement.',
  'Good value for the money, I would buy it again.',
  '质量很好，发货很快。',
  '尺码合适，穿着舒服。',
];

function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quote = (text) => `'${text.replace(/'/g, "''")}'`;
const pick = (list, random) => list[Math.floor(random() * list.length)];

export function writeReviews(db, binary, n) {
  execFileSync(binary, ['migrate', '--db', db]);
  const random = lcg(16);
  const start = 1_764_000_000; // 2025-11-24
  const lines = ['BEGIN;'];
  for (let i = 0; i < n; i += 1) {
    const rating = 1 + Math.floor(random() * 5);
    const list = rating <= 2 ? NEGATIVE : rating >= 4 ? POSITIVE : [...NEGATIVE, ...POSITIVE];
    const body = `${pick(list, random)} ${pick(list, random)}`;
    const created = start + i * 60;
    const status = random() < 0.05 ? 'rejected' : random() < 0.05 ? 'pending' : 'published';
    const media = random() < 0.2 ? '["p.jpg"]' : '[]';
    lines.push(`INSERT INTO reviews (id, product_id, status, rating, title, body, author, created, updated, media) VALUES (${quote(`bench-${i}`)}, ${quote(`sku-${i % 200}`)}, '${status}', ${rating}, 'Review ${i}', ${quote(body)}, 'Shopper ${i % 977}', ${created}, ${created}, '${media}');`);
  }
  lines.push('COMMIT;');
  const sql = `${db}.sql`;
  writeFileSync(sql, lines.join('\n'));
  execFileSync('sqlite3', [db, `.read ${sql}`]);
}

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

// Each run: one write (not timed), then the first analytics request (timed).
async function timeAfterWrites(url, base, runs) {
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    // Per review: hide it, publish it again, correct its tags.
    const id = `bench-${(Math.floor(i / 3) * 7919) % 100000}`;
    const write = i % 3 < 2
      ? fetch(`${base}/api/v1/admin/reviews/${id}/${i % 3 === 0 ? 'hide' : 'approve'}`, { method: 'POST', headers, body: i % 3 === 0 ? '{"reason":"off_topic"}' : '{}' })
      : fetch(`${base}/api/v1/admin/inbox/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ tags: i % 2 ? ['quality'] : ['logistics', 'value'] }) });
    const written = await write;
    await written.text();
    if (!written.ok) throw new Error(`write ${id}: ${written.status}`);
    const t = await timeAdminRequests([url], TOKEN);
    times.push(t.p50);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function timeRequests(urls) {
  const t = await timeAdminRequests(urls, TOKEN);
  return { p50: t.p50, p95: t.p95, bytes: t.text.length };
}

/** The section's lines (markdown), measured now. */
export async function benchAnalytics({ nativeDir, quick }) {
  const binary = join(nativeDir, 'src', 'server', 'vouch-server');
  const work = mkdtempSync(join(tmpdir(), 'vouch-bench-analytics-'));
  const n = 100000;
  const coldRuns = quick ? 3 : 10;
  const warmRuns = quick ? 20 : 200;
  const writeRuns = quick ? 5 : 30;
  let server;
  try {
    const db = join(work, 'vouch.db');
    writeReviews(db, binary, n);
    writeFileSync(join(work, 'config.json'), JSON.stringify({ admin_token: TOKEN }));
    execFileSync(binary, ['migrate', '--db', db]); // the start-up backfill (inbox rows, tags)
    server = await startVouchServer({ binary, args: ['--db', db, '--config', join(work, 'config.json')] });
    const base = `${server.url}/api/v1/admin/analytics`;
    // Every review falls in the range (2025-11-24 .. 2026-02-01); each cold
    // request starts the range one day earlier, so none is cached.
    const cold = [];
    for (let i = 0; i < coldRuns; i += 1) {
      const from = new Date(Date.UTC(2025, 10, 20 - i)).toISOString().slice(0, 10);
      cold.push(`${base}?from=${from}&to=2026-02-28&period=week`);
    }
    const warmUrl = `${base}?from=2025-11-01&to=2026-02-28&period=week`;
    const monthUrl = `${base}?from=2025-11-01&to=2026-02-28&period=month&product=sku-7`;
    const rows = [];
    const rssBefore = rssKiB(server.child.pid);
    const first = await timeRequests([`${base}?from=2025-10-01&to=2026-02-28&period=week`]);
    rows.push(`| full-cold: first request (read and derive every review) | ${first.p50.toFixed(0)} | ${first.p50.toFixed(0)} | ${(first.bytes / 1024).toFixed(0)} |`);
    const rssAfter = rssKiB(server.child.pid);
    const c = await timeRequests(cold);
    rows.push(`| new range: all products, weekly, ${coldRuns} distinct ranges (aggregate only) | ${c.p50.toFixed(0)} | ${c.p95.toFixed(0)} | ${(c.bytes / 1024).toFixed(0)} |`);
    const w = await timeRequests(Array(warmRuns + 1).fill(warmUrl)); // the first fills the cache
    rows.push(`| warm: all products, weekly (same query) | ${w.p50.toFixed(1)} | ${w.p95.toFixed(1)} | ${(w.bytes / 1024).toFixed(0)} |`);
    const aw = await timeAfterWrites(warmUrl, server.url, writeRuns);
    rows.push(`| after one write: all products, weekly, ${writeRuns} writes (moderation or tag correction) | ${aw.p50.toFixed(0)} | ${aw.p95.toFixed(0)} | ${(w.bytes / 1024).toFixed(0)} |`);
    const p = await timeRequests([monthUrl]);
    const pw = await timeRequests(Array(warmRuns).fill(monthUrl));
    rows.push(`| new range: one product, monthly | ${p.p50.toFixed(0)} | ${p.p50.toFixed(0)} | ${(p.bytes / 1024).toFixed(0)} |`);
    rows.push(`| warm: one product, monthly | ${pw.p50.toFixed(1)} | ${pw.p95.toFixed(1)} | ${(pw.bytes / 1024).toFixed(0)} |`);
    const cpu = cpus()[0]?.model ?? 'unknown';
    return [
      HEADING,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu} (shared with other work), ` +
        `${n.toLocaleString('en')} generated reviews (English and Chinese sentences, every star, 20 % with photos, ` +
        `5 % rejected) over 200 products in a real SQLite file, inbox rows and tags from the start-up backfill. ` +
        'Sequential requests over loopback (fetch from Node), the whole round trip. Full-cold: the first request after ' +
        'start-up (read every review from SQLite and derive it: folding, phrase candidates, tags; then aggregate). ' +
        'New range: a query not asked before, over the derived reviews in memory (every panel including the phrases of ' +
        'every product, JSON). Warm: the same query again, answered from the cache (kept until a write to reviews, inbox ' +
        `or audit log); ${warmRuns} requests. After one write: a moderation decision or a tag correction, then the first ` +
        'request (re-derive the written reviews only, aggregate); the write itself is not timed.',
      '',
      `Resident size of the server: ${(rssBefore / 1024).toFixed(0)} MiB before the first analytics request, ` +
        `${(rssAfter / 1024).toFixed(0)} MiB after it (the derived reviews of the cache: ${((rssAfter - rssBefore) / 1024).toFixed(0)} MiB at ${n.toLocaleString('en')} reviews).`,
      '',
      '| request | p50 ms | p95 ms | JSON KiB |',
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
  const lines = await benchAnalytics({ nativeDir, quick: process.env.VOUCH_BENCH_QUICK === '1' });
  const target = join(root, 'bench', 'RESULTS.md');
  writeSection(target, HEADING, lines);
  console.log(lines.join('\n'));
}
