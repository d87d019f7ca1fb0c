// The form module's entry (bundled to dist/vouch-form.js, an ES module the
// widget imports when a shopper opens the form or a snapshot is JSON): the
// Emscripten factory of vouch-form.wasm (form markup, validation, JSON ->
// binary snapshots), the form's controller and the report picker. Nothing here runs on import.
export { default as createVouchForm } from '../build/wasm/web/vouch-form.js';
export { ReviewForm } from './src/form.js';
export { ReportPicker } from './src/report.js';
