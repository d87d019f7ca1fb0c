// @ts-check
// The form module's entry (bundled to dist/vouch-form.js, an ES module the
// widget imports when a shopper opens the form or a snapshot is JSON): the
// Emscripten factory of vouch-form.wasm (form markup, validation, JSON ->
// binary snapshots), the form's controller and the report picker. Nothing here runs on import.
// 'vouch-wasm/vouch-form.js' is the Emscripten glue build/wasm/web/vouch-form.js
// (scripts/bundle.mjs resolves it), typed by web/src/wasm-types/vouch-form.d.ts.
export { default as createVouchForm } from 'vouch-wasm/vouch-form.js';
export { ReviewForm } from './src/form.js';
export { ReportPicker } from './src/report.js';
