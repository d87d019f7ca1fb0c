// @ts-check
// CSS selectors built from the DOM contract's names (web/src/generated/dom-contract.ts),
// so no module spells a data-action or hook the core does not write.
import { HOOK } from './generated/dom-contract.js';

/**
 * `[data-action="ACTION"]`
 * @param {string} action an ACTION member
 */
export function byAction(action) {
  return `[${HOOK.action}="${action}"]`;
}

/**
 * `[HOOK]`, or `[HOOK="VALUE"]` with a value (a CSS string: quotes and
 * backslashes escaped, so a review or question id cannot break out of it).
 * @param {string} hook a HOOK member
 * @param {string} [value]
 */
export function byHook(hook, value) {
  return value === undefined ? `[${hook}]` : `[${hook}="${String(value).replace(/["\\]/g, '\\$&')}"]`;
}
