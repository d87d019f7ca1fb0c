// The Q&A module (vouch-qa.wasm, issue 17) in Node: validator parity with the
// native build on tests/fixtures/questions.json (expected verdicts written by
// tests/core/qa_golden_test.cpp), the questions list reader tolerant of broken
// rows, rendering with search/sort, and naughty strings as questions/answers.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
// The widget's own heap copy, as the Q&A section calls it.
import { withBytesInHeap } from '../../web/src/wasm-snapshot.mjs';
import { root, sharedDataOrSkip } from './support/core.mjs';

const buildDir = process.env.VOUCH_WASM_DIR || join(root, 'build', 'wasm', 'node');
const require = createRequire(import.meta.url);
let instance = null;
function loadQa() {
  if (!instance) instance = require(join(buildDir, 'vouch-qa.js'))({ wasmBinary: readFileSync(join(buildDir, 'vouch-qa.wasm')) });
  return instance;
}

const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/questions.json'), 'utf8'));
const expected = JSON.parse(readFileSync(join(root, 'tests/fixtures/questions.expected.json'), 'utf8'));

function caseBytes(c) {
  if ('raw' in c) return Buffer.from(c.raw, 'utf8');
  if ('raw_hex' in c) return Buffer.from(c.raw_hex, 'hex');
  return Buffer.from(JSON.stringify(c.submission), 'utf8');
}
const optionalJson = (c, key) => (key in c ? JSON.stringify(c[key]) : '');


test('the fixture and the expected verdicts name the same cases', () => {
  assert.ok(fixture.cases.length >= 40);
  assert.deepEqual(Object.keys(expected).sort(), fixture.cases.map((c) => c.name).sort());
});

test('wasm question/answer verdicts equal the native ones, case by case', async () => {
  const core = await loadQa();
  for (const c of fixture.cases) {
    const validate = c.kind === 'question' ? core.validateQuestionBytes : core.validateAnswerBytes;
    const verdict = JSON.parse(withBytesInHeap(core, caseBytes(c), (p, n) => validate(p, n, optionalJson(c, 'policy'), optionalJson(c, 'context'), c.locale)));
    assert.deepEqual(verdict, expected[c.name], `case ${c.name}`);
  }
});

const answer = (id, text, helpful, badge) => ({ id, text, author: 'Ana', badge, created: '2026-11-02T10:00:00Z', helpful });
const list = (questions) => ({ version: 1, product_id: 'p1', count: questions.length, questions });
const question = (id, text, created, answers) => ({ id, text, author: 'Bo', created, url: `/q/${id}`, answers });

function load(core, doc) {
  const qa = new core.QaList();
  const status = withBytesInHeap(core, Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)), (p, n) => qa.load(p, n));
  return { qa, status };
}

test('the list loads, skips a broken row with its path, and refuses a broken document', async () => {
  const core = await loadQa();
  const { qa, status } = load(core, list([question('q1', 'Is it warm?', '2026-11-01T00:00:00Z', [answer('a1', 'Very warm.', 2, 'store')]), { id: 'q2' }]));
  assert.equal(status.ok, true);
  assert.equal(status.total, 1);
  assert.equal(status.skipped, 1);
  assert.match(status.message, /^questions\[1\]\.text/);
  assert.equal(qa.hasQuestion('q1'), true);
  const bad = load(core, '{"version":1,"questions":[');
  assert.equal(bad.status.ok, false);
  assert.equal(bad.status.code, 'invalid_json');
  const wrong = load(core, '{"version":7,"questions":[]}');
  assert.equal(wrong.status.code, 'invalid_questions');
  for (const x of [qa, bad.qa, wrong.qa]) x.delete();
});

test('render: search over answers with <mark>, the sorts, badges', async () => {
  const core = await loadQa();
  const { qa } = load(core, list([
    question('q1', 'Is the fabric thick?', '2026-11-01T00:00:00Z', [answer('a1', 'Thick and warm.', 9, 'verified_buyer')]),
    question('q2', 'Does it run small?', '2026-11-03T00:00:00Z', [answer('a2', 'True to size.', 0, 'store')]),
    question('q3', 'Machine washable?', '2026-11-02T00:00:00Z', [answer('a3', 'Cold wash.', 1, 'none'), answer('a4', 'Yes.', 0, 'none')]),
  ]));
  const order = (sort) => [...qa.render('', sort, 'en', 'v', false).html.matchAll(/data-question="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(order('most_helpful'), ['q1', 'q3', 'q2']);
  assert.deepEqual(order('newest'), ['q2', 'q3', 'q1']);
  assert.deepEqual(order('most_answers'), ['q3', 'q2', 'q1']);
  const found = qa.render('WARM', 'newest', 'en', 'v', false);
  assert.equal(found.shown, 1);
  assert.match(found.html, /Thick and <mark>warm<\/mark>\./);
  const all = qa.render('', 'newest', 'ja', 'v', true);
  assert.match(all.html, /ストアの回答/);
  assert.match(all.html, /data-action="qa-answer" data-question="q2"/);
  assert.match(core.renderQaForm('', '', 'fr', 'v'), /De 10 à 500 caractères/);
  assert.equal(core.qaText('qa_pending', 'de'), 'Danke! Es ist eingegangen und erscheint nach der Prüfung.');
  qa.delete();
});

test('naughty strings as questions and answers render as text only', async (t) => {
  const path = sharedDataOrSkip(t, 'conformance/naughty_strings/blns.json');
  if (!path) return;
  const core = await loadQa();
  const strings = JSON.parse(readFileSync(path, 'utf8')).filter((s) => typeof s === 'string' && s.length);
  const questions = strings.map((s, i) => question(`q${i}`, s, '2026-11-01T00:00:00Z', [answer(`a${i}`, s, 0, 'none')]));
  const { qa, status } = load(core, list(questions));
  assert.equal(status.ok, true);
  const html = qa.render('', 'newest', 'en', 'v', true).html;
  // No tag from the corpus survives: every '<' in the markup opens one of the renderer's own tags.
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9-]+)/g)].map((m) => m[1]));
  for (const tag of tags) assert.ok(['section', 'h2', 'h3', 'div', 'label', 'input', 'select', 'option', 'p', 'ol', 'li', 'span', 'bdi', 'time', 'ul', 'button', 'mark'].includes(tag), `unexpected tag <${tag}>`);
  // And no event-handler attribute in any tag (the corpus's text stays text, escaped).
  const handler = /<[^>]*\son[a-z]+\s*=/i.exec(html);
  assert.equal(handler, null, handler && handler[0].slice(0, 200));
  qa.delete();
});
