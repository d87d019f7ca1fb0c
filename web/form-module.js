// The form module's entry (bundled to dist/vouch-form.js, an ES module the
// widget imports when a shopper opens the form or a snapshot is JSON): the
// Emscripten factory of vouch-form.wasm (form markup, validation, JSON ->
// binary snapshots) and the form's controller. Nothing here runs on import.
export { default as createVouchForm } from '../build/wasm/web/vouch-form.js';
export { ReviewForm } from './src/form.js';
