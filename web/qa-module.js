// @ts-check
// The Q&A module's entry (bundled to dist/vouch-qa.js, an ES module the widget
// imports when its Questions region nears the viewport): the Emscripten
// factory of vouch-qa.wasm and the section's controller. Nothing runs on import.
// 'vouch-wasm/vouch-qa.js' is the Emscripten glue build/wasm/web/vouch-qa.js
// (scripts/bundle.mjs resolves it), typed by web/src/wasm-types/vouch-qa.d.ts.
export { default as createVouchQa } from 'vouch-wasm/vouch-qa.js';
export { QuestionsSection } from './src/questions.js';
