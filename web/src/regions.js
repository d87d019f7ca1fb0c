// @ts-check
// The view region updated in place instead of replaced whole: the core's markup
// for the new view is parsed into an inert <template>, then each part of the
// live view (summary, controls, results) is kept when the core rendered it
// exactly as before, and inside the results the cards are keyed by review id:
// a card whose markup did not change is the same element, moved if the order
// changed. So a sort or a page turn re-creates only the cards that are new on
// screen, and the summary and controls are only re-created when their counts
// or pressed states changed (style, layout and images of the rest stay).
// Comparisons are against the markup each element was made from (kept here),
// not the live DOM, which the widget changes (dates, votes, "read more"). The
// core stamps the parts it re-renders (summary, controls, each card) with a
// hash of their markup (data-hash): those are compared by it, without
// serialising the fresh element; anything unstamped by its outerHTML.
import { DATASET } from './generated/dom-contract.js';
import { setCoreHTML } from './trusted-html.js';

/** element -> the core markup it was parsed from */
const markupOf = new WeakMap();

function keyOf(item) {
  const card = item.firstElementChild;
  return card && card.dataset && card.dataset[DATASET.id] !== undefined ? card.dataset[DATASET.id] : '';
}

/** What identifies the markup `element` was parsed from: the core's hash, else the markup itself. */
function markupKey(element) {
  const { dataset } = /** @type {HTMLElement} */ (element);
  const hash = dataset ? dataset[DATASET.markupHash] : undefined;
  return hash === undefined ? element.outerHTML : `#${hash}`;
}

/** Keeps `old` when it came from the same markup as `fresh`; else `fresh` goes in. */
function keepOrReplace(old, fresh, added) {
  const markup = markupKey(fresh);
  if (old && markupOf.get(old) === markup) return old;
  markupOf.set(fresh, markup);
  // A list that goes in whole: its cards are remembered for the next update.
  for (const item of fresh.querySelectorAll('.v-list > li')) markupOf.set(item, markupKey(item));
  added.push(fresh);
  return fresh;
}

/** The cards of `freshList` into `oldList`, reusing unchanged cards by review id. */
function updateList(oldList, freshList, added) {
  const byKey = new Map();
  for (const item of oldList.children) byKey.set(keyOf(item), item);
  const wanted = [...freshList.children].map((item) => keepOrReplace(byKey.get(keyOf(item)), item, added));
  // Only the moves and insertions the new order needs; the rest stays put.
  let cursor = oldList.firstElementChild;
  for (const item of wanted) {
    if (item === cursor) {
      cursor = cursor.nextElementSibling;
    } else {
      oldList.insertBefore(item, cursor);
    }
  }
  while (cursor) {
    const next = cursor.nextElementSibling;
    cursor.remove();
    cursor = next;
  }
}

/**
 * Brings `container` (the view region) to the core's `html` for the new view.
 * @param {Element} container
 * @param {string} html summary + controls + results, as render_view emits them
 * @returns {Element[]} the elements that are new (dates to format, votes to show)
 */
export function updateView(container, html) {
  const typed = typedText(container);
  const added = updateParts(container, html);
  keepTypedText(container, typed);
  return added;
}

/**
 * Text typed into a box (the search box) and not applied yet, by data-action:
 * [the value the box was rendered with, what is typed]. A re-render for another
 * action (a filter clicked while the snapshot loaded, then typing) replaces the
 * controls, and the shopper's words would go with them.
 * @param {Element} container
 * @returns {Map<string, [string, string]>}
 */
function typedText(container) {
  const typed = new Map();
  for (const input of container.querySelectorAll('input')) {
    const action = input.dataset[DATASET.action];
    if (action && input.value !== input.defaultValue) typed.set(action, [input.defaultValue, input.value]);
  }
  return typed;
}

/**
 * Puts typed text back into a box re-created with the same value it had: one
 * rendered with another value (the search was applied, or cleared) keeps it.
 * @param {Element} container
 * @param {Map<string, [string, string]>} typed
 */
function keepTypedText(container, typed) {
  if (!typed.size) return;
  for (const input of container.querySelectorAll('input')) {
    const was = typed.get(input.dataset[DATASET.action]);
    if (was && input.defaultValue === was[0] && input.value === input.defaultValue) input.value = was[1];
  }
}

/**
 * updateView without the typed text.
 * @param {Element} container
 * @param {string} html
 * @returns {Element[]}
 */
function updateParts(container, html) {
  const template = document.createElement('template');
  setCoreHTML(template, html);
  const fresh = [...template.content.children];
  const old = [...container.children];
  const added = [];
  const sameShape = old.length === fresh.length && old.every((element, i) => element.className === fresh[i].className);
  if (!sameShape) {
    for (const element of fresh) keepOrReplace(null, element, added);
    container.replaceChildren(...fresh);
    return added;
  }
  fresh.forEach((element, i) => {
    if (element.classList.contains('v-results')) {
      updateResults(old[i], element, added);
      return;
    }
    const kept = keepOrReplace(old[i], element, added);
    if (kept !== old[i]) old[i].replaceWith(kept);
  });
  return added;
}

/** Status, "clear filters" and pager are small: replaced; the list keeps its cards. */
function updateResults(oldResults, freshResults, added) {
  const oldList = oldResults.querySelector(':scope > .v-list');
  const freshList = freshResults.querySelector(':scope > .v-list');
  if (!oldList || !freshList) {
    for (const element of freshResults.children) keepOrReplace(null, element, added);
    oldResults.replaceChildren(...freshResults.children);
    return;
  }
  updateList(oldList, freshList, added);
  // Everything around the list: replaced by the new parts, in their order.
  for (const element of [...oldResults.children]) if (element !== oldList) element.remove();
  let before = true;
  for (const element of [...freshResults.children]) {
    if (element === freshList) {
      before = false;
      continue;
    }
    keepOrReplace(null, element, added);
    if (before) oldResults.insertBefore(element, oldList);
    else oldResults.append(element);
  }
}
