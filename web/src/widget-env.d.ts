// What web/vouch.js hands every widget and element on the page: where the
// modules beside vouch.js live, and the script tag's defaults.
export interface WidgetEnv {
  /** vouch-core.js + vouch-core.wasm (web/src/core-loader.js) */
  coreUrl: string;
  wasmUrl: string;
  /** vouch-form.js + vouch-form.wasm (web/src/form-module.js) */
  formUrl: string;
  formWasmUrl: string;
  /** vouch-qa.js + vouch-qa.wasm (web/src/questions-loader.js) */
  qaUrl: string;
  qaWasmUrl: string;
  /** vouch-han-fold.bin (web/src/han-fold.js) */
  hanFoldUrl: string;
  /** the script tag's data-api, for elements without their own */
  defaultApi: string;
  /** the script tag's data-summaries (a static store's badges) */
  defaultSummaries: string;
  /** options every Vouch.mount() starts from */
  defaults: { api?: string };
}
