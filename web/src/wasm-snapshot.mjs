// @ts-check
// Bytes into wasm, given module instances: the one heap-copy helper
// (withBytesInHeap), and on it JSON -> binary by the form
// module's converter, and binary bytes into a Store through the buffer the Store
// reserves (so the snapshot is in wasm memory once); and the search fold table.
// The one copy of these paths: the widget (web/src/widget.js, form-module.js,
// han-fold.js), the Node tests and the bench import it. `.mjs` so that Node reads it as a module; no DOM, no Node API.

import { nextTask, runInSlices } from './slices.mjs';

/** @typedef {import('./wasm-types/embind').WasmHeap} WasmHeap */
/** @typedef {import('./wasm-types/embind').StoreStatus} StoreStatus */

/**
 * @param {import('./wasm-types/vouch-form').VouchFormModule} form the vouch-form module
 * @param {Uint8Array} bytes a JSON snapshot
 * @returns {{ status: StoreStatus, binary: Uint8Array | null }}
 */
export function convertJsonSnapshot(form, bytes) {
  const converter = new form.SnapshotConverter();
  try {
    const status = withBytesInHeap(form, bytes, (pointer, length) => converter.convert(pointer, length));
    return { status, binary: status.ok ? converter.binaryView().slice() : null };
  } finally {
    converter.delete();
  }
}

/**
 * The one way bytes are copied into an Emscripten module's heap for a call:
 * _malloc, HEAPU8.set (HEAPU8 read after _malloc: memory may have grown),
 * `use(pointer, length)`, _free (also when `use` throws). The widget, the
 * form, the Node tests and the bench all call this.
 * @template T
 * @param {WasmHeap} module any of the widget's wasm modules
 * @param {Uint8Array} bytes
 * @param {(pointer: number, length: number) => T} use
 * @returns {T}
 */
export function withBytesInHeap(module, bytes, use) {
  const pointer = module._malloc(bytes.length || 1);
  try {
    module.HEAPU8.set(bytes, pointer);
    return use(pointer, bytes.length);
  } finally {
    module._free(pointer);
  }
}

/**
 * The Store's own buffer for `bytes`, or the status that says why there is none.
 * @param {import('./wasm-types/vouch-core').Store} store
 * @param {{ length: number }} bytes
 * @returns {number | StoreStatus}
 */
function reserve(store, bytes) {
  const pointer = store.reserveBinary(bytes.length);
  return pointer || { ok: false, code: 'snapshot_too_large', message: `${bytes.length} bytes is more than a Store holds (1 GiB)` };
}

/**
 * Binary snapshot bytes into a Store, in one call (tests, the bench, small files).
 * @param {import('./wasm-types/vouch-core').VouchCoreModule} core the vouch-core module
 * @param {import('./wasm-types/vouch-core').Store} store a core.Store
 * @param {Uint8Array} bytes a binary snapshot
 * @returns {StoreStatus}
 */
export function loadBinaryInto(core, store, bytes) {
  const pointer = reserve(store, bytes);
  if (typeof pointer !== 'number') return pointer;
  core.HEAPU8.set(bytes, pointer); // HEAPU8 read after reserving (memory may have grown)
  store.beginLoadReserved();
  store.loadStep(0xFFFFFFFF);
  return store.loadResult();
}

// Bytes copied into the Store per slice: the copy is also where the pages of a
// new buffer are first touched (the Store does not zero them first).
const COPY_BYTES = 4 << 20;

/**
 * A snapshot in the parts it arrived in (data.js), as one array (the JSON
 * converter reads one buffer; the binary path never joins them).
 * @param {Uint8Array[]} parts
 * @returns {Uint8Array}
 */
export function joinParts(parts) {
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * The same in slices of about 12 ms each (slices.mjs), the widget's path: the
 * copy in 4 MB parts, then the checks and sort orders step by step
 * (Store.loadStep). Resolves the load's status, or null when `current()`
 * turned false first (the Store keeps its previous snapshot then).
 * @param {import('./wasm-types/vouch-core').VouchCoreModule} core
 * @param {import('./wasm-types/vouch-core').Store} store
 * @param {Uint8Array | Uint8Array[]} bytes a binary snapshot, whole or in the parts it arrived in
 * @param {() => boolean} current
 * @returns {Promise<StoreStatus | null>}
 */
export async function loadBinaryInSlices(core, store, bytes, current) {
  const parts = Array.isArray(bytes) ? bytes : [bytes];
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const pointer = reserve(store, { length });
  if (typeof pointer !== 'number') return pointer;
  let at = 0; // bytes copied
  let index = 0; // the part being copied
  let offset = 0; // how far into it
  const copy = () => {
    for (let room = COPY_BYTES; room > 0 && index < parts.length; ) {
      const piece = parts[index].subarray(offset, offset + room);
      core.HEAPU8.set(piece, pointer + at); // HEAPU8 read after reserving (memory may have grown)
      at += piece.length;
      room -= piece.length;
      offset += piece.length;
      if (offset >= parts[index].length) {
        index += 1;
        offset = 0;
      }
    }
    return index >= parts.length;
  };
  if (!(await runInSlices(copy, current))) return null;
  store.beginLoadReserved(); // cannot fail after a reservation; loadResult() would say so
  if (!(await runInSlices((budget) => store.loadStep(budget), current, 2000))) return null;
  // The caller renders next: in a task of its own, not in the last step's.
  await nextTask();
  return current() ? store.loadResult() : null;
}

/**
 * Installs the search fold table (the bytes of vouch-han-fold.bin) into a
 * vouch-core module, for every Store in it.
 * @param {import('./wasm-types/vouch-core').VouchCoreModule} core the vouch-core module
 * @param {Uint8Array} bytes
 * @returns {StoreStatus}
 */
export function setHanFoldInto(core, bytes) {
  return withBytesInHeap(core, bytes, (pointer, length) => core.setHanFold(pointer, length));
}
