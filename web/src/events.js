// @ts-check
// DOM events and errors: every event bubbles out of the shadow root
// (composed) so a store listens on document or on the widget element.

/**
 * The events of docs/embedding.md ("Events").
 * @typedef {'vouch:ready' | 'vouch:query' | 'vouch:submitted' | 'vouch:error' | 'vouch:warning' | 'vouch:reported'
 *   | 'vouch:questions-ready' | 'vouch:question-submitted' | 'vouch:answer-submitted'} VouchEventName
 */

/**
 * @param {EventTarget} target
 * @param {VouchEventName} name
 * @param {object} detail
 */
export function emit(target, name, detail) {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/**
 * A named Error with a machine-readable `code`, as every shim error is.
 * @param {string} code
 * @param {string} message
 */
export function vouchError(code, message) {
  const error = /** @type {Error & { code: string }} */ (new Error(`Vouch: ${message}`));
  error.name = 'VouchError';
  error.code = code;
  return error;
}
