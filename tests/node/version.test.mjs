import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCore, root } from './support/core.mjs';

test('the wasm core reports the package version', async () => {
  const core = await loadCore();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(core.version(), version);
});
