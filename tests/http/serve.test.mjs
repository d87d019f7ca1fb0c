// `serve` on a port another server holds fails loudly (no SO_REUSEPORT), and
// the listen backlog holds a burst (issue #13 A7).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runBinary, startServer } from './support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('a second serve on a port in use exits non-zero with a clear message', async () => {
  const result = await runBinary(['serve', '--db', join(server.dir, 'second.db'), '--config',
    join(server.dir, 'vouch.json'), '--host', '127.0.0.1', '--port', String(server.port)]);
  assert.equal(result.signal, null, `it exited by itself (stderr: ${result.stderr})`);
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, new RegExp(`127\\.0\\.0\\.1:${server.port}: the port is already in use`));
});

test('the listen backlog is at least 511', () => {
  // ss reports a listening socket's backlog in Send-Q.
  const line = execFileSync('ss', ['-ltnH', `sport = :${server.port}`], { encoding: 'utf8' }).trim();
  const sendQ = Number(line.split(/\s+/)[2]);
  assert.ok(sendQ >= 511, `backlog ${sendQ} (ss: ${line})`);
});
