// Parity, wasm side (the form module, vouch-form.wasm, which holds the validator): it must return exactly the verdicts the native
// build wrote to tests/fixtures/submissions.expected.json (see
// tests/core/validate_golden_test.cpp), through both entry points.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadFormCore as loadCore, root, sharedDataOrSkip } from './support/core.mjs';
import { withBytesInHeap } from '../../web/src/wasm-snapshot.mjs';

const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/submissions.json'), 'utf8'));
const expected = JSON.parse(readFileSync(join(root, 'tests/fixtures/submissions.expected.json'), 'utf8'));

/** The bytes a case submits: the same rule as the native golden test. */
function submissionBytes(c) {
  if ('raw' in c) return Buffer.from(c.raw, 'utf8');
  if ('raw_hex' in c) return Buffer.from(c.raw_hex, 'hex');
  return Buffer.from(JSON.stringify(c.submission), 'utf8');
}
const optionalJson = (c, key) => (key in c ? JSON.stringify(c[key]) : '');

/** Copies bytes into wasm memory, calls validateSubmissionBytes, frees. */
function validateBytes(core, bytes, c) {
  return withBytesInHeap(core, bytes, (pointer, length) =>
    core.validateSubmissionBytes(pointer, length, optionalJson(c, 'policy'), optionalJson(c, 'context'), c.locale));
}

test('the fixture covers dozens of cases and the expected file matches it', () => {
  assert.ok(fixture.cases.length >= 50);
  assert.deepEqual(Object.keys(expected).sort(), fixture.cases.map((c) => c.name).sort());
});

test('wasm verdicts equal the native verdicts, case by case (bytes entry point)', async () => {
  const core = await loadCore();
  for (const c of fixture.cases) {
    const verdict = JSON.parse(validateBytes(core, submissionBytes(c), c));
    assert.deepEqual(verdict, expected[c.name], `case ${c.name}`);
  }
});

test('the string entry point gives the same verdicts for valid UTF-8 input', async () => {
  const core = await loadCore();
  for (const c of fixture.cases) {
    if ('raw_hex' in c) continue; // invalid UTF-8 cannot travel as a JS string
    const text = 'raw' in c ? c.raw : JSON.stringify(c.submission);
    const verdict = JSON.parse(core.validateSubmission(text, optionalJson(c, 'policy'), optionalJson(c, 'context'), c.locale));
    assert.deepEqual(verdict, expected[c.name], `case ${c.name}`);
  }
});

test('JS strings with lone surrogates: TextEncoder + the bytes entry point give U+FFFD', async () => {
  // Embind 3.1.6 encodes a lone surrogate together with the NEXT code unit
  // (a garbage astral character that swallows it), so callers holding JS
  // strings from user input should encode with TextEncoder (which substitutes
  // U+FFFD) and use validateSubmissionBytes. See docs/validation.md.
  const core = await loadCore();
  // Built by hand: JSON.stringify would escape the surrogate as "\\ud800",
  // which the core's JSON parser refuses (invalid_json) before any of this matters.
  const text = '{"rating": 3, "body": "lone \uD800 surrogate in a long enough body", "author": "Ana", "email": "a@example.com", "consent": true}';
  const bytes = new TextEncoder().encode(text);
  const verdict = JSON.parse(validateBytes(core, bytes, { locale: 'en' }));
  assert.equal(verdict.ok, true);
  assert.equal(verdict.normalized.body, 'lone \uFFFD surrogate in a long enough body');
  const mangled = JSON.parse(core.validateSubmission(text, '', '', 'en')); // no crash either way
  assert.equal(typeof mangled.ok, 'boolean');
});

test('messages, graphemes, truncation, fingerprints and the default policy', async () => {
  const core = await loadCore();
  assert.equal(core.validationMessage('too_short', '{"min": 10}', 'zh-CN'), '请至少输入 10 个字。');
  assert.equal(core.validationMessage('too_short', '{"min": 1}', 'fr-CA'), 'Écrivez au moins 1 caractère.');
  assert.equal(core.graphemeCount('👍🏽👩‍👩‍👧‍👦🇯🇵 中文'), 6);
  assert.equal(core.truncateGraphemes('👩‍👩‍👧‍👦👍🏽 more text', 2, '…'), '👩‍👩‍👧‍👦👍🏽…');
  assert.deepEqual(JSON.parse(core.textFingerprint('One two, THREE four')), JSON.parse(core.textFingerprint('one two three  four')));
  const policy = JSON.parse(core.defaultPolicy());
  assert.equal(policy.body.min, 10);
  assert.deepEqual(policy.photos.types, ['image/jpeg', 'image/png', 'image/webp']);
});

test('all naughty strings as a body give the same verdict in wasm as a second call (no state, no crash)', async (t) => {
  const path = sharedDataOrSkip(t, 'conformance/naughty_strings/blns.json');
  if (!path) return;
  const core = await loadCore();
  const strings = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(strings.length, 515);
  for (const s of strings) {
    const submission = JSON.stringify({ rating: 3, body: s, author: s, title: s, email: 'a@example.com' });
    const first = core.validateSubmission(submission, '', '', 'en');
    const verdict = JSON.parse(first);
    assert.equal(typeof verdict.ok, 'boolean');
    assert.equal(core.validateSubmission(submission, '', '', 'en'), first);
  }
});
