// @ts-check
// The second wasm module, on demand. The first render needs only vouch-core
// (the view); the form's markup, the validator and the JSON snapshot reader
// live in vouch-form.js + vouch-form.wasm, imported the first time a shopper
// reaches for "Write a review" (hover, focus or click) or a store serves a JSON
// snapshot. Shared by every widget on the page; a failed load can be retried.
import { instantiate } from './core-loader.js';
import { vouchError } from './events.js';
import { HOOK } from './generated/dom-contract.js';
import { byHook } from './selectors.js';
import { setCoreHTML } from './trusted-html.js';
import { convertJsonSnapshot } from './wasm-snapshot.mjs';

/** @typedef {import('./wasm-types/vouch-form').VouchFormModule} VouchFormModule */
/**
 * @typedef {object} FormModule what vouch-form.js gives the widget
 * @property {VouchFormModule} core
 * @property {typeof import('./form.js').ReviewForm} ReviewForm
 * @property {typeof import('./report.js').ReportPicker} ReportPicker
 */

/** @type {Promise<FormModule> | null} */
let modulePromise = null;
let failures = 0;

/**
 * @param {{ formUrl: string, formWasmUrl: string }} env
 * @returns {Promise<FormModule>}
 */
export function loadFormModule(env) {
  if (!modulePromise) {
    modulePromise = importForm(env).catch((error) => {
      modulePromise = null;
      failures += 1;
      throw error;
    });
  }
  return modulePromise;
}

/**
 * @param {{ formUrl: string, formWasmUrl: string }} env
 * @returns {Promise<FormModule>}
 */
async function importForm(env) {
  /** @type {typeof import('../form-module.js')} */
  let exports;
  try {
    // import() (not a <script>): it needs no global and inherits this script's
    // nonce under a nonce-based CSP; from another origin it needs CORS, like the .wasm.
    // Some browsers remember a failed module fetch per URL: a retry asks anew.
    const url = failures ? `${env.formUrl}${env.formUrl.includes('?') ? '&' : '?'}retry=${failures}` : env.formUrl;
    exports = await import(/* webpackIgnore: true */ url);
  } catch (error) {
    throw vouchError('form_unavailable', `the review form could not be loaded from ${env.formUrl} (${error.message})`);
  }
  const core = await instantiate(exports.createVouchForm, env.formWasmUrl);
  return { core, ReviewForm: exports.ReviewForm, ReportPicker: exports.ReportPicker };
}

/**
 * Renders the form into the shell's slot and returns its controller.
 * @param {ParentNode} root where the shell's [data-form-slot] is (the shadow root)
 * @param {import('./form.js').FormContext & { idPrefix: string }} context the form's
 *   context (web/src/form.js FormContext) plus the widget's id prefix
 * @param {{ core: VouchFormModule, ReviewForm: typeof import('./form.js').ReviewForm }} module from loadFormModule
 */
export function mountForm(root, context, { core, ReviewForm }) {
  const slot = root.querySelector(byHook(HOOK.formSlot));
  if (!slot) return null;
  const rendered = core.renderForm(context.options.policy, context.locale, context.idPrefix);
  if (!rendered.ok) throw vouchError(rendered.code, rendered.message);
  const holder = document.createElement('div');
  setCoreHTML(holder, rendered.html);
  const form = /** @type {HTMLFormElement} */ (holder.querySelector('form'));
  slot.replaceWith(form); // same id as the slot: the button's aria-controls stays valid
  return new ReviewForm(context, form, core);
}

/**
 * A JSON snapshot -> binary bytes, by the form module's strict loader.
 * @param {VouchFormModule} core the form module
 * @param {Uint8Array} bytes
 * @returns {Uint8Array} a copy (the module's memory is not ours to keep)
 */
export function jsonToBinary(core, bytes) {
  const { status, binary } = convertJsonSnapshot(core, bytes);
  if (!status.ok) throw vouchError(status.code, `the reviews file is not usable: ${status.message}`);
  return binary;
}
