// Loads the web,node build of the core for Node tests. The wasm bytes are passed
// as wasmBinary: Node 20's fetch() cannot read the file path the loader builds.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// VOUCH_WASM_DIR lets a developer test a wasm build of their own tree.
// Resolved here: require() takes a relative path without "./" for a package name.
const buildDir = process.env.VOUCH_WASM_DIR ? resolve(process.env.VOUCH_WASM_DIR) : join(root, 'build', 'wasm', 'node');
const require = createRequire(import.meta.url);

const instances = new Map();

function instantiate(name) {
  if (!instances.has(name)) {
    instances.set(name, require(join(buildDir, `${name}.js`))({ wasmBinary: readFileSync(join(buildDir, `${name}.wasm`)) }));
  }
  return instances.get(name);
}

/** The shared first-render module (vouch-core: Store, views, shell) for a test file. */
export function loadCore() {
  return instantiate('vouch-core');
}

/** The shared form module (vouch-form: validation, form markup, JSON -> binary) for a test file. */
export function loadFormCore() {
  return instantiate('vouch-form');
}

/** The widget's binary path: reserveBinary + HEAPU8.set + loadReserved (web/src/widget.js). */
export function loadBinaryInto(core, store, bytes) {
  const pointer = store.reserveBinary(bytes.length);
  if (!pointer) return { ok: false, code: 'snapshot_too_large', message: `${bytes.length} bytes` };
  core.HEAPU8.set(bytes, pointer);
  return store.loadReserved();
}

/** JSON snapshot bytes -> binary snapshot bytes by the form module's converter; throws with its status. */
export async function jsonToBinary(bytes) {
  const form = await loadFormCore();
  const converter = new form.SnapshotConverter();
  const pointer = form._malloc(bytes.length || 1);
  try {
    form.HEAPU8.set(bytes, pointer);
    const status = converter.convert(pointer, bytes.length);
    if (!status.ok) throw Object.assign(new Error(`${status.code}: ${status.message}`), { status });
    return converter.binaryView().slice();
  } finally {
    form._free(pointer);
    converter.delete();
  }
}

/**
 * The widget's JSON path: the form module's converter, then the binary path
 * (web/src/form-module.js jsonToBinary). Returns the first failing status.
 */
export async function loadJsonInto(core, store, bytes) {
  let binary;
  try {
    binary = await jsonToBinary(bytes);
  } catch (error) {
    if (error.status) return error.status;
    throw error;
  }
  return loadBinaryInto(core, store, binary);
}
