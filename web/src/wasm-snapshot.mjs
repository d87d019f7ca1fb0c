// @ts-check
// Bytes into wasm, given module instances: the one heap-copy helper
// (withBytesInHeap), and on it JSON -> binary by the form
// module's converter, and binary bytes into a Store through the buffer the Store
// reserves (so the snapshot is in wasm memory once); and the search fold table.
// The one copy of these paths: the widget (web/src/widget.js, form-module.js,
// han-fold.js), the Node tests and the bench import it. `.mjs` so that Node reads it as a module; no DOM, no Node API.

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
 * @param {import('./wasm-types/vouch-core').VouchCoreModule} core the vouch-core module
 * @param {import('./wasm-types/vouch-core').Store} store a core.Store
 * @param {Uint8Array} bytes a binary snapshot
 * @returns {StoreStatus}
 */
export function loadBinaryInto(core, store, bytes) {
  const pointer = store.reserveBinary(bytes.length);
  if (!pointer) return { ok: false, code: 'snapshot_too_large', message: `${bytes.length} bytes is more than a Store holds (1 GiB)` };
  core.HEAPU8.set(bytes, pointer); // HEAPU8 read after reserving (memory may have grown)
  return store.loadReserved();
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
