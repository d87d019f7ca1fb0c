// `serve --test-clock --test-clock-start=UNIX_SECONDS` (docs/api.md "Test clock"):
// the test clock may start in the past (the demo's seed asks its questions
// over the past weeks that way); a start outside 2000-01-01..now, one that is
// not a number, or the start without --test-clock is refused before the server listens.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminJson as admin, serverBinary, startServer } from './support/server.mjs';

test('the test clock starts where --test-clock-start says, then moves forward only', async () => {
  const start = Math.floor(Date.now() / 1000) - 40 * 86400;
  const server = await startServer({ args: ['--test-clock', `--test-clock-start=${start}`] });
  try {
    const first = await admin(server, 'POST', 'test/clock', { advance_seconds: 0 });
    assert.equal(first.status, 200);
    const now = Date.parse(first.body.now) / 1000;
    assert.ok(now >= start && now < start + 60, `${first.body.now} is the start given`);
    const later = await admin(server, 'POST', 'test/clock', { advance_seconds: 86400 });
    assert.ok(Date.parse(later.body.now) / 1000 >= now + 86400);
    assert.equal((await admin(server, 'POST', 'test/clock', { advance_seconds: -1 })).status, 400);
  } finally {
    server.stop();
  }
});

test('a bad --test-clock-start is refused with what and why, before the server listens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-clock-'));
  const now = Math.floor(Date.now() / 1000);
  const cases = [
    [['--test-clock-start=946684800'], /--test-clock-start: only with --test-clock/],
    ...['', 'soon', '12abc', '-5', '946684799', String(now + 3600), '99999999999999999999999'].map((value) =>
      [['--test-clock', `--test-clock-start=${value}`], /--test-clock-start: expected Unix seconds from 2000-01-01 to now/]),
  ];
  for (const [args, message] of cases) {
    const run = spawnSync(serverBinary, ['serve', '--db', join(dir, 'vouch.db'), '--port', '0', '--host', '127.0.0.1', ...args], { encoding: 'utf8', timeout: 20000 });
    assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message, args.join(' '));
  }
});
