// The payload ratchet (issue 8): the bytes a store page downloads for the first
// render (dist/vouch.js with its CSS + the product's first response, issue 19,
// at its heaviest: the 10 longest demo reviews, brotli -q 11) must stay within
// bench/budget.json; vouch-core.wasm comes after the first render. Sizes are deterministic, so this is exact, not
// a timing. The budget only goes down: when a change cuts bytes, lower it; to
// raise it, add a line to bench/RESULTS.md saying what the bytes bought.
// VOUCH_DIST_DIR checks another bundle (an engineer's own build).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { measureFirstRender, payloadFiles } from '../../bench/lib/payload.mjs';
import { findServerBinary } from '../../scripts/lib/server-process.mjs';
import { root } from './support/core.mjs';

const distDir = process.env.VOUCH_DIST_DIR || join(root, 'dist');
const budget = JSON.parse(readFileSync(join(root, 'bench', 'budget.json'), 'utf8'));

test('the budget file is well-formed', () => {
  assert.equal(typeof budget.brotli_bytes, 'number');
  assert.ok(Number.isInteger(budget.brotli_bytes) && budget.brotli_bytes > 0, 'brotli_bytes: a positive integer');
  assert.equal(budget.goal_brotli_bytes, 40960, 'the goal is 40 KB brotli (issue 8); the budget ratchets down toward it');
});

test(`first-render payload (brotli -q 11) is within bench/budget.json`, () => {
  for (const name of payloadFiles) assert.ok(existsSync(join(distDir, name)), `${name} missing in ${distDir}: run npm run build`);
  const server = findServerBinary();
  assert.ok(server, 'vouch-server missing: run npm run build (it writes the first response measured here)');
  const { files, total } = measureFirstRender(distDir, server);
  const detail = files.map((f) => `${f.name} ${f.brotli} B`).join(', ');
  assert.ok(
    total.brotli <= budget.brotli_bytes,
    `payload ${total.brotli} B brotli (${detail}) exceeds the budget of ${budget.brotli_bytes} B in bench/budget.json ` +
      `by ${total.brotli - budget.brotli_bytes} B: cut bytes, or raise the budget with a line in bench/RESULTS.md saying what they bought`,
  );
});
