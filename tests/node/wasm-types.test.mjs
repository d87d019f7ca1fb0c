// The .d.ts of each wasm module (web/src/wasm-types/, issue 19) describe exactly
// what its part of src/wasm/bindings.cpp registers: the same functions,
// classes with the same methods, value objects with the same fields. And each
// built module (build/wasm/node) has every member its .d.ts declares.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCore, loadFormCore, root } from './support/core.mjs';

const PARTS = { VIEW: 'vouch-core', FORM: 'vouch-form', QA: 'vouch-qa' };
const MODULE_INTERFACE = { VIEW: 'VouchCoreModule', FORM: 'VouchFormModule', QA: 'VouchQaModule' };
// What the Emscripten runtime exports (cmake/WasmModule.cmake) and Embind adds to every instance.
const RUNTIME = new Set(['_malloc', '_free', 'HEAPU8']);
const HANDLE = new Set(['delete', 'isDeleted']);

/** The registrations of bindings.cpp, per part ('' = every part). */
function registrations() {
  const text = readFileSync(join(root, 'src/wasm/bindings.cpp'), 'utf8');
  const parts = { '': { functions: new Set(), classes: new Map(), objects: new Map() } };
  for (const part of Object.keys(PARTS)) parts[part] = { functions: new Set(), classes: new Map(), objects: new Map() };
  let part = '';
  let current = null; // the class or value object whose .function/.field lines follow
  for (const line of text.split('\n')) {
    const open = /^#ifdef VOUCH_WASM_PART_(\w+)/.exec(line);
    if (open) part = open[1];
    if (/^#endif\s+\/\/ VOUCH_WASM_PART_/.test(line)) part = '';
    const into = parts[part];
    let m;
    if ((m = /emscripten::function\("(\w+)"/.exec(line))) into.functions.add(m[1]);
    if ((m = /class_<[^>]+>\("(\w+)"\)/.exec(line))) into.classes.set(m[1], (current = new Set()));
    else if ((m = /value_object<[^>]+>\("(\w+)"\)/.exec(line))) into.objects.set(m[1], (current = new Set()));
    else if ((m = /^\s*\.(?:function|field)\(\s*"(\w+)"/.exec(line)) || (m = /^\s*"(\w+)",\s*(?:\+\[\]|$)/.exec(line))) current.add(m[1]);
  }
  return parts;
}

/** Interfaces of the .d.ts files: name -> member names (extends resolved). */
function interfaces() {
  const raw = new Map();
  for (const file of ['embind', ...Object.values(PARTS)]) {
    const text = readFileSync(join(root, 'web/src/wasm-types', `${file}.d.ts`), 'utf8');
    for (const m of text.matchAll(/export interface (\w+)(?: extends ([\w, ]+))? \{([\s\S]*?)\n\}/g)) {
      const members = new Set([...m[3].matchAll(/^ {2}(?:readonly )?(\w+)\??[(:]/gm)].map((x) => x[1]));
      raw.set(m[1], { members, bases: m[2] ? m[2].split(',').map((b) => b.trim()) : [] });
    }
  }
  const resolve = (name) => {
    const entry = raw.get(name);
    assert.ok(entry, `interface ${name} is not declared in web/src/wasm-types/`);
    return new Set([...entry.members, ...entry.bases.flatMap((base) => [...resolve(base)])]);
  };
  return resolve;
}

const sorted = (set) => [...set].sort();

test('bindings.cpp is read: every part registers functions, VIEW a Store class', () => {
  const parts = registrations();
  assert.ok(parts[''].functions.has('version'));
  assert.ok(parts.VIEW.functions.has('renderView'));
  assert.deepEqual(sorted(parts.VIEW.classes.keys()), ['Store']);
  assert.ok(parts.VIEW.classes.get('Store').has('pageView'), 'methods registered by a lambda are read too');
  assert.ok(parts.FORM.functions.has('validateSubmissionBytes'));
  assert.ok(parts.QA.classes.get('QaList').has('hasQuestion'));
});

test('each module\'s .d.ts declares exactly the functions and classes its part registers', () => {
  const parts = registrations();
  const resolve = interfaces();
  for (const [part, name] of Object.entries(MODULE_INTERFACE)) {
    const declared = new Set([...resolve(name)].filter((member) => !RUNTIME.has(member)));
    const registered = new Set([...parts[''].functions, ...parts[part].functions, ...parts[part].classes.keys()]);
    assert.deepEqual(sorted(declared), sorted(registered), `${name} (web/src/wasm-types/${PARTS[part]}.d.ts) vs VOUCH_WASM_PART_${part}`);
    for (const [cls, methods] of parts[part].classes) {
      const members = new Set([...resolve(cls)].filter((member) => !HANDLE.has(member)));
      assert.deepEqual(sorted(members), sorted(methods), `class ${cls}`);
    }
  }
});

test('each value object of the .d.ts has exactly the registered fields', () => {
  const parts = registrations();
  const resolve = interfaces();
  let checked = 0;
  for (const { objects } of Object.values(parts)) {
    for (const [object, fields] of objects) {
      assert.deepEqual(sorted(resolve(object)), sorted(fields), `value_object ${object}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 10, `${checked} value objects`);
});

test('the built modules have every member their .d.ts declares', async () => {
  const resolve = interfaces();
  const buildDir = process.env.VOUCH_WASM_DIR || join(root, 'build', 'wasm', 'node');
  const require = createRequire(import.meta.url);
  const qa = await require(join(buildDir, 'vouch-qa.js'))({ wasmBinary: readFileSync(join(buildDir, 'vouch-qa.wasm')) });
  const modules = { VouchCoreModule: await loadCore(), VouchFormModule: await loadFormCore(), VouchQaModule: qa };
  for (const [name, module] of Object.entries(modules)) {
    for (const member of resolve(name)) {
      const expected = member === 'HEAPU8' ? 'object' : 'function';
      assert.equal(typeof module[member], expected, `${name}.${member}`);
    }
  }
  const store = new modules.VouchCoreModule.Store();
  try {
    for (const method of resolve('Store')) assert.equal(typeof store[method], 'function', `Store.${method}`);
  } finally {
    store.delete();
  }
});
