// @ts-check
// Loads the C++ core (vouch-core.js + vouch-core.wasm: the Store, the view,
// the shell, badges) once per page, and instantiates any Emscripten module of
// ours (the form module uses it too). The core's glue is its own ES module,
// imported (not bundled into vouch.js) so the first render, which shows the
// product's first response, does not download it.
//
// The promise is memoised so every widget on the page shares one instance, and
// reset when loading fails so a later attempt (e.g. after the network returns)
// can try again instead of replaying the old failure.
import { vouchError } from './events.js';

export { vouchError };

let corePromise = null;
let failures = 0;

/** @typedef {import('./wasm-types/vouch-core').VouchCoreModule} VouchCoreModule */

/**
 * @param {{ coreUrl: string, wasmUrl: string }} env absolute URLs of vouch-core.js and vouch-core.wasm
 * @returns {Promise<VouchCoreModule>} the Embind module
 */
export function loadCore(env) {
  if (!corePromise) {
    corePromise = importCore(env).catch((error) => {
      corePromise = null;
      failures += 1;
      throw error;
    });
  }
  return corePromise;
}

/** @param {{ coreUrl: string, wasmUrl: string }} env */
async function importCore(env) {
  /** @type {typeof import('../core-module.js')} */
  let exports;
  try {
    // import() (not a <script>): no global, the nonce of this script under a
    // nonce-based CSP, CORS from another origin. A retry asks anew.
    const url = failures ? `${env.coreUrl}${env.coreUrl.includes('?') ? '&' : '?'}retry=${failures}` : env.coreUrl;
    exports = await import(/* webpackIgnore: true */ url);
  } catch (error) {
    throw vouchError('wasm_failed', `the review engine could not be loaded from ${env.coreUrl} (${error.message})`);
  }
  return instantiate(exports.createVouchCore, env.wasmUrl);
}

/**
 * Runs an Emscripten factory (MODULARIZE) with its .wasm at `wasmUrl`.
 * @template Module
 * @param {(options: import('./wasm-types/embind').ModuleOptions) => Promise<Module>} factory
 * @param {string} wasmUrl
 * @returns {Promise<Module>} the Embind module
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
