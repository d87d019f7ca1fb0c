// The Q&A module's entry (bundled to dist/vouch-qa.js, an ES module the widget
// imports when its Questions region nears the viewport): the Emscripten
// factory of vouch-qa.wasm and the section's controller. Nothing runs on import.
export { default as createVouchQa } from '../build/wasm/web/vouch-qa.js';
export { QuestionsSection } from './src/questions.js';
