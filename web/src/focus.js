// @ts-check
// Keeping the shopper's focus across a re-render: the control that had focus
// (found again by data-action + data-value + data-review) gets it back, with
// its text selection; and the focus moves the widget makes itself are told
// apart from a shopper's (intent handlers ignore them).

import { DATASET, HOOK } from './generated/dom-contract.js';
import { byHook } from './selectors.js';

let refocusing = false;

/** data-action + data-value + data-review: "the same control" after a re-render. */
function controlKey(element) {
  if (!element || !element.dataset || !element.dataset[DATASET.action]) return '';
  return [element.dataset[DATASET.action], element.dataset[DATASET.value] || '', element.dataset[DATASET.review] || ''].join('|');
}

/**
 * The control in `container` that does what `element` did before a re-render
 * (same data-action, data-value and data-review), or null.
 * @param {ParentNode} container
 * @param {Element} element
 * @returns {HTMLElement | null}
 */
export function sameControl(container, element) {
  const key = controlKey(element);
  if (!key) return null;
  return /** @type {HTMLElement | undefined} */ ([...container.querySelectorAll(byHook(HOOK.action))].find((el) => controlKey(el) === key)) || null;
}

/** True while the widget itself moves focus (not a shopper's intent). */
export function isRefocusing() {
  return refocusing;
}

/**
 * What has focus inside `container` now, to give it back after `container`
 * was re-rendered: `restore()` focuses the same control again, if any.
 * @param {DocumentOrShadowRoot} root
 * @param {Element} container
 * @returns {{ restore: () => void }}
 */
export function rememberFocus(root, container) {
  const active = /** @type {any} */ (root.activeElement);
  const key = active && container.contains(active) ? controlKey(active) : '';
  const selection = key && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  return {
    restore() {
      if (!key) return;
      const again = /** @type {any} */ (sameControl(container, active));
      if (!again || again === root.activeElement) return;
      refocusing = true;
      try {
        again.focus();
      } finally {
        refocusing = false;
      }
      if (selection && 'setSelectionRange' in again) again.setSelectionRange(selection[0], selection[1]);
    },
  };
}

/** Focus on a status line (after a page change or "clear filters"): screen readers read it. */
export function focusStatus(container) {
  const status = container.querySelector('.v-status');
  if (!status || /** @type {Document | ShadowRoot} */ (container.getRootNode()).activeElement === status) return;
  status.tabIndex = -1;
  status.focus();
}
