// Loads the web,node build of the core for Node tests. The wasm bytes are passed
// as wasmBinary: Node 20's fetch() cannot read the file path the loader builds.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertJsonSnapshot, loadBinaryInto } from '../../../web/src/wasm-snapshot.mjs';

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

export { loadBinaryInto };

/** JSON snapshot bytes -> binary snapshot bytes by the form module's converter; throws with its status. */
export async function jsonToBinary(bytes) {
  const { status, binary } = convertJsonSnapshot(await loadFormCore(), bytes);
  if (!status.ok) throw Object.assign(new Error(`${status.code}: ${status.message}`), { status });
  return binary;
}

/** The widget's JSON path: the form module's converter, then the binary path. Returns the first failing status. */
export async function loadJsonInto(core, store, bytes) {
  const { status, binary } = convertJsonSnapshot(await loadFormCore(), bytes);
  return status.ok ? loadBinaryInto(core, store, binary) : status;
}

/** Path of a file under ../shared/data, or null (with the CI rule applied by the caller). */
export function sharedDataPath(relative) {
  const dir = process.env.VOUCH_SHARED_DATA_DIR || join(root, '..', 'shared', 'data');
  return join(dir, relative);
}

/**
 * The path of a shared corpus file, or null after marking the test skipped.
 * Under CI=true a missing corpus fails the test instead (see README).
 * @param {import('node:test').TestContext} t
 */
export function sharedDataOrSkip(t, relative) {
  const path = sharedDataPath(relative);
  if (existsSync(path)) return path;
  if (process.env.CI === 'true') throw new Error(`shared test data missing under CI=true: ${path}`);
  t.skip(`shared test data not present (${path})`);
  return null;
}
