// @ts-check
// The core module's entry (bundled to dist/vouch-core.js, an ES module the
// shim imports after the first render, at idle, or when a badge or a widget
// without a first response needs it): the Emscripten factory of
// vouch-core.wasm. Out of vouch.js so the first render does not carry its
// glue (issue 19). Nothing here runs on import.
// 'vouch-wasm/vouch-core.js' is the Emscripten glue build/wasm/web/vouch-core.js
// (scripts/bundle.mjs resolves it), typed by web/src/wasm-types/vouch-core.d.ts.
export { default as createVouchCore } from 'vouch-wasm/vouch-core.js';
