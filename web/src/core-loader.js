// Loads the C++ core (vouch-core.wasm, the first render) once per page, and
// instantiates any Emscripten module of ours (the form module uses it too).
//
// The promise is memoised so every widget on the page shares one instance, and
// reset when loading fails so a later attempt (e.g. after the network returns)
// can try again instead of replaying the old failure.
import createVouchCore from '../../build/wasm/web/vouch-core.js';
import { vouchError } from './events.js';

export { vouchError };

let corePromise = null;

/**
 * @param {string} wasmUrl absolute URL of vouch-core.wasm
 * @returns {Promise<object>} the Embind module
 */
export function loadCore(wasmUrl) {
  if (!corePromise) {
    corePromise = instantiate(createVouchCore, wasmUrl).catch((error) => {
      corePromise = null;
      throw error;
    });
  }
  return corePromise;
}

/**
 * Runs an Emscripten factory (MODULARIZE) with its .wasm at `wasmUrl`.
 * @param {(options: object) => Promise<object>} factory
 * @param {string} wasmUrl
 * @returns {Promise<object>} the Embind module
 */
export function instantiate(factory, wasmUrl) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return Promise.reject(vouchError('wasm_unsupported', 'this browser cannot run WebAssembly'));
  }
  return new Promise((resolve, reject) => {
    factory({
      locateFile: () => wasmUrl,
      // A failed compile (CSP without 'wasm-unsafe-eval', missing file) lands here;
      // without it Emscripten would only log and leave the promise pending.
      onAbort: (what) => reject(vouchError('wasm_failed', `the review engine could not start (${what})`)),
      print: () => {},
      printErr: () => {},
    }).then(resolve, (error) => reject(vouchError('wasm_failed', `the review engine could not start (${error})`)));
  });
}
