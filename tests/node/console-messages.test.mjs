// The console's message catalogues (web/console/messages/) cannot drift: every
// locale has exactly the English keys with the same {placeholders}, and every
// literal key the console's code asks for exists.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from './support/core.mjs';

const dir = join(root, 'web', 'console', 'messages');
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every console locale has the English keys and placeholders', () => {
  const en = read('en.json');
  const locales = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'en.json');
  assert.ok(locales.includes('zh-CN.json'));
  for (const name of locales) {
    const messages = read(name);
    assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), name);
    for (const [key, text] of Object.entries(en)) {
      assert.deepEqual(placeholders(messages[key]), placeholders(text), `${name} ${key}`);
      assert.ok(messages[key].trim(), `${name} ${key} is empty`);
    }
  }
});

test('every literal t(\'key\') in the console code is in the catalogue', () => {
  const en = read('en.json');
  const sources = [join(root, 'web', 'console', 'src')];
  const files = [];
  while (sources.length) {
    const folder = sources.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) sources.push(join(folder, entry.name));
      else if (entry.name.endsWith('.js')) files.push(join(folder, entry.name));
    }
  }
  const missing = [];
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) {
      if (!(match[1] in en)) missing.push(`${file}: ${match[1]}`);
    }
  }
  assert.ok(files.length >= 10);
  assert.deepEqual(missing, []);
});
