// @ts-check
// The one place markup enters the page. The HTML comes from the C++ core,
// which escapes every user value with one tested function (render.hpp), so the
// policy passes it through unchanged; its job is to make that the ONLY way in
// on pages that enforce Trusted Types (`require-trusted-types-for 'script'`).
// A page that also restricts policy names must allow `trusted-types vouch`.
import { vouchError } from './events.js';

let policy = null;

/** @param {string} html markup rendered by the core */
function toTrusted(html) {
  const factory = typeof window !== 'undefined' ? window.trustedTypes : undefined;
  if (!factory || typeof factory.createPolicy !== 'function') return html;
  if (!policy) {
    try {
      policy = factory.createPolicy('vouch', { createHTML: (markup) => markup });
    } catch (error) {
      throw vouchError('trusted_types', `this page's CSP does not allow the Trusted Types policy "vouch" (add it to trusted-types): ${error.message}`);
    }
  }
  return policy.createHTML(html);
}

/**
 * Replaces the children of `element` with the core's markup.
 * @param {Element|ShadowRoot} element
 * @param {string} html
 */
export function setCoreHTML(element, html) {
  element.innerHTML = toTrusted(html);
}
