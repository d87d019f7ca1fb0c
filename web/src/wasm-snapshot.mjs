// Snapshot bytes into wasm, given module instances: JSON -> binary by the form
// module's converter, and binary bytes into a Store through the buffer the Store
// reserves (so the snapshot is in wasm memory once); and the search fold table.
// The one copy of these paths: the widget (web/src/widget.js, form-module.js,
// han-fold.js), the Node tests and the bench import it. `.mjs` so that Node reads it as a module; no DOM, no Node API.

/**
 * @param {object} form the vouch-form module
 * @param {Uint8Array} bytes a JSON snapshot
 * @returns {{ status: { ok: boolean, code: string, message: string }, binary: Uint8Array | null }}
 */
export function convertJsonSnapshot(form, bytes) {
  const converter = new form.SnapshotConverter();
  const pointer = form._malloc(bytes.length || 1);
  try {
    form.HEAPU8.set(bytes, pointer); // HEAPU8 re-read after _malloc (memory may have grown)
    const status = converter.convert(pointer, bytes.length);
    return { status, binary: status.ok ? converter.binaryView().slice() : null };
  } finally {
    form._free(pointer);
    converter.delete();
  }
}

/**
 * @param {object} core the vouch-core module
 * @param {object} store a core.Store
 * @param {Uint8Array} bytes a binary snapshot
 * @returns {{ ok: boolean, code: string, message: string }}
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
 * @param {object} core the vouch-core module
 * @param {Uint8Array} bytes
 * @returns {{ ok: boolean, code: string, message: string }}
 */
export function setHanFoldInto(core, bytes) {
  const pointer = core._malloc(bytes.length || 1);
  try {
    core.HEAPU8.set(bytes, pointer); // HEAPU8 re-read after _malloc (memory may have grown)
    return core.setHanFold(pointer, bytes.length);
  } finally {
    core._free(pointer);
  }
}
