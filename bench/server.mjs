// The review server under wrk (Debian) on loopback, side by side with Debian's
// nginx serving the same snapshot bytes from disk; then POST throughput of
// review submissions (validated, durable SQLite writes). Both servers are
// started here on free ports and stopped at the end.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './lib/stats.mjs';
import { freePort, startVouchServer, waitForOk } from '../scripts/lib/server-process.mjs';

const BINARY_TYPE = 'application/vnd.vouch.snapshot';
const sleep = (msec) => new Promise((resolve) => setTimeout(resolve, msec));

const csvField = (text) => `"${String(text).replace(/"/g, '""')}"`;

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 Hz ticks). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * wrk's requests/s and p50 latency; with `pid`, the server's CPU ms per
 * request over the run too (what compressing per request would cost shows here).
 */
function wrk(url, seconds, accept, { headers = {}, pid } = {}) {
  const extra = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const out = execFileSync('wrk', ['-t2', '-c32', `-d${seconds}s`, '--latency', '-H', `Accept: ${accept}`, ...extra, url], { encoding: 'utf8' });
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
  const p50 = out.match(/^\s+50%\s+(\S+)/m)?.[1] ?? '?';
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
  const transfer = out.match(/Transfer\/sec:\s+(\S+)/)?.[1] ?? '?';
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/);
  if (errors) throw new Error(`wrk: ${errors[1]} non-2xx responses from ${url}`);
  const cpuPerRequest = pid && requests ? (cpuMs(pid) - cpuBefore) / requests : undefined;
  return { rps, p50, cpuPerRequest, transfer };
}

/** Bytes of one response with these request headers (what goes over the wire). */
async function responseBytes(url, headers) {
  try {
    const response = await fetch(url, { headers: { ...headers, Connection: 'close' } });
    await response.arrayBuffer(); // fetch decodes: the wire size is the Content-Length
    return { bytes: Number(response.headers.get('content-length')), encoding: response.headers.get('content-encoding') ?? 'identity' };
  } catch (error) {
    return { bytes: NaN, encoding: `failed (${error.cause?.code ?? error.message})` };
  }
}

export async function benchServer({ nativeDir, jsonPath, quick, distDir }) {
  const binary = join(nativeDir, 'src', 'server', 'vouch-server');
  const work = mkdtempSync(join(tmpdir(), 'vouch-bench-server-'));
  chmodSync(work, 0o755); // nginx's workers run as an unprivileged user and must read snapshot.bin
  const children = [];
  try {
    // The 1k-review set, imported through the server's own importer (judge.me CSV columns).
    const snapshot = JSON.parse(readFileSync(jsonPath, 'utf8'));
    const rows = ['product_handle,rating,title,body,reviewer_name,reviewer_email,review_date'];
    snapshot.reviews.forEach((r, i) => rows.push([snapshot.product.id, r.rating, r.title, r.body, r.author, `bench${i}@example.com`, r.created].map(csvField).join(',')));
    writeFileSync(join(work, 'reviews.csv'), `${rows.join('\n')}\n`);
    const limits = { submissions_per_ip: 100000000, submissions_per_product: 100000000 };
    writeFileSync(join(work, 'config.json'), JSON.stringify({ limits }));
    const db = join(work, 'vouch.db');
    const imported = execFileSync(binary, ['import', '--db', db, '--config', join(work, 'config.json'), '--format', 'judgeme', '--partial', join(work, 'reviews.csv')], { encoding: 'utf8' });

    // dist/ mounted when built: vouch.js with Accept-Encoding: br is the
    // request that used to be brotli-compressed (quality 11) every time.
    const mount = distDir && existsSync(join(distDir, 'vouch.js')) ? ['--mount', `/dist/=${distDir}`] : [];
    const vouch = await startVouchServer({ binary, args: ['--db', db, '--config', join(work, 'config.json'), ...mount] });
    children.push(vouch.child);
    const snapshotUrl = `${vouch.url}/api/v1/products/${snapshot.product.id}/snapshot`;
    const first = await waitForOk(snapshotUrl, { Accept: BINARY_TYPE });
    const bytes = new Uint8Array(await first.arrayBuffer());
    if (!(first.headers.get('content-type') || '').includes(BINARY_TYPE)) throw new Error(`snapshot came back as ${first.headers.get('content-type')}`);

    // nginx serving the same bytes from a file.
    const nginxPort = await freePort();
    writeFileSync(join(work, 'snapshot.bin'), bytes);
    writeFileSync(join(work, 'nginx.conf'), `worker_processes 2;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/tmp; proxy_temp_path ${work}/tmp; fastcgi_temp_path ${work}/tmp;
  uwsgi_temp_path ${work}/tmp; scgi_temp_path ${work}/tmp;
  types { ${BINARY_TYPE} bin; }
  server {
    listen 127.0.0.1:${nginxPort};
    root ${work};
    location / { etag on; }
  }
}
`);
    const nginx = spawn('nginx', ['-c', join(work, 'nginx.conf'), '-p', work], { stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(nginx);
    const nginxUrl = `http://127.0.0.1:${nginxPort}/snapshot.bin`;
    await waitForOk(nginxUrl);

    const seconds = quick ? 3 : 8;
    const runs = quick ? 1 : 3;
    const samples = { nginx: [], vouch: [], summaries: [], jsonIdentity: [], jsonCompressed: [], script: [] };
    const pid = vouch.child.pid;
    const compressed = { 'Accept-Encoding': 'br, gzip' };
    const scriptUrl = mount.length ? `${vouch.url}/dist/vouch.js` : undefined;
    // A small answer too (what <vouch-stars> badges fetch): small responses are
    // where per-request overheads such as Nagle + delayed ACK show.
    const summariesUrl = `${vouch.url}/api/v1/summaries?products=${encodeURIComponent(snapshot.product.id)}`;
    await waitForOk(summariesUrl);
    for (let r = 0; r < runs; r++) {
      samples.nginx.push(wrk(nginxUrl, seconds, BINARY_TYPE));
      samples.vouch.push(wrk(snapshotUrl, seconds, BINARY_TYPE));
      samples.summaries.push(wrk(summariesUrl, seconds, 'application/json'));
      samples.jsonIdentity.push(wrk(snapshotUrl, seconds, 'application/json', { pid }));
      samples.jsonCompressed.push(wrk(snapshotUrl, seconds, 'application/json', { pid, headers: compressed }));
      if (scriptUrl) samples.script.push(wrk(scriptUrl, seconds, '*/*', { pid, headers: { 'Accept-Encoding': 'br' } }));
    }
    const wire = {
      jsonIdentity: await responseBytes(snapshotUrl, { Accept: 'application/json', 'Accept-Encoding': 'identity' }),
      jsonCompressed: await responseBytes(snapshotUrl, { Accept: 'application/json', ...compressed }),
      script: scriptUrl ? await responseBytes(scriptUrl, { 'Accept-Encoding': 'br' }) : undefined,
    };
    const summarize = (list) => (list.length ? {
      rps: median(list.map((s) => s.rps)),
      p50: list[list.length >> 1].p50,
      cpuPerRequest: list[0].cpuPerRequest === undefined ? undefined : median(list.map((s) => s.cpuPerRequest)),
    } : undefined);

    // POST: concurrent clients, each review different (the spam checks look for near-duplicates).
    const clients = 4;
    const postSeconds = quick ? 3 : 8;
    const statuses = {};
    let accepted = 0;
    let sequence = 0;
    const words = ['linen', 'soft', 'fits', 'colour', 'summer', 'stitching', 'sleeves', 'pockets', 'length', 'washes', 'breathes', 'waist'];
    const postUrl = `${vouch.url}/api/v1/products/${snapshot.product.id}/reviews`;
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, async () => {
      while (performance.now() - started < postSeconds * 1000) {
        const k = sequence++;
        const body = `Review ${k}: ${words[k % 12]} ${words[(k >> 2) % 12]} ${words[(k >> 4) % 12]}, the ${words[(k >> 6) % 12]} is ${k % 2 ? 'great' : 'fine'} and I would buy it again (${k}).`;
        let response;
        try {
          response = await fetch(postUrl, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Connection: 'close' },
            body: JSON.stringify({ rating: 1 + (k % 5), title: `Bench ${k}`, body, author: `Shopper ${k}`, email: `shopper${k}@example.com`, consent: true }),
          });
          await response.arrayBuffer();
        } catch (error) {
          statuses[`error: ${error.cause?.code || error.message}`] = (statuses[`error: ${error.cause?.code || error.message}`] || 0) + 1;
          continue;
        }
        statuses[response.status] = (statuses[response.status] || 0) + 1;
        if (response.status === 201) accepted++;
      }
    }));
    const postElapsed = (performance.now() - started) / 1000;
    return {
      imported: imported.trim().split('\n').pop(),
      snapshotBytes: bytes.length,
      seconds,
      runs,
      nginx: summarize(samples.nginx),
      vouch: summarize(samples.vouch),
      summaries: summarize(samples.summaries),
      jsonIdentity: summarize(samples.jsonIdentity),
      jsonCompressed: summarize(samples.jsonCompressed),
      script: summarize(samples.script),
      wire,
      post: { clients, count: accepted, seconds: postElapsed, rps: accepted / postElapsed, statuses },
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(300);
    rmSync(work, { recursive: true, force: true });
  }
}
