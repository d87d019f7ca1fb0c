// @ts-check
// The view region updated in place instead of replaced whole: the core's markup
// for the new view is split into the frame (summary, controls, status, pager)
// and the cards (at the DOM contract's markers). The frame is parsed into an
// inert <template>; each part of the live view is kept when the core rendered
// it exactly as before. In the list, cards are keyed by the markup hash the
// core stamps on each card's <li> (it covers the review id and everything the
// card shows): a card whose hash is on screen already is the same element,
// moved if the order changed; a new card goes in as a slot that
// card-slots.js parses when it nears the screen. So a sort or a page turn
// parses only the cards that are new on screen, and the summary and controls
// stay the same elements, patched where their counts or pressed states changed
// (style, layout and images of the rest stay).
// Frame parts are compared by their data-hash, else by the markup each was made
// from (kept here), never by the live DOM, which the widget changes (dates,
// votes, "read more"); a part that changed is patched in place
// (morph.js), so the search box keeps its focus and only what changed is laid out.
import { DATASET, HOOK, MARKUP } from './generated/dom-contract.js';
import { cardSlot } from './card-slots.js';
import { morph } from './morph.js';
import { setCoreHTML } from './trusted-html.js';

/** element -> the core markup it was parsed from */
const markupOf = new WeakMap();

/** What identifies the markup `element` was parsed from: the core's hash, else the markup itself. */
function markupKey(element) {
  const { dataset } = /** @type {HTMLElement} */ (element);
  const hash = dataset ? dataset[DATASET.markupHash] : undefined;
  return hash === undefined ? element.outerHTML : `#${hash}`;
}

/**
 * Keeps `old` when it came from the same markup as `fresh`; patches it in place
 * when both are the same part (same tag and class: the summary, the controls,
 * the status line, the pager); else `fresh` goes in.
 */
function keepOrReplace(old, fresh, prepare) {
  const markup = markupKey(fresh);
  if (old && markupOf.get(old) === markup) return old;
  if (old && old.tagName === fresh.tagName && old.className === fresh.className) {
    morph(old, fresh);
    markupOf.set(old, markup);
    prepare(old);
    return old;
  }
  markupOf.set(fresh, markup);
  prepare(fresh);
  return fresh;
}

/**
 * @typedef {{ hash: string, markup: string }} Card
 * The view's markup without its cards (the list left empty), and each card.
 * @param {string} html
 * @returns {{ frame: string, cards: Card[] }}
 */
function splitCards(html) {
  const first = html.indexOf(MARKUP.cardItemOpen);
  if (first < 0) return { frame: html, cards: [] };
  const cards = [];
  for (let at = first; ; ) {
    const next = html.indexOf(MARKUP.cardItemOpen, at + 1);
    const end = next >= 0 ? next : html.indexOf(MARKUP.cardListClose, at);
    if (end < 0) return { frame: html, cards: [] }; // not the core's shape: parsed whole
    const hashAt = at + MARKUP.cardItemOpen.length;
    cards.push({ hash: html.slice(hashAt, html.indexOf('"', hashAt)), markup: html.slice(at, end) });
    if (next < 0) return { frame: html.slice(0, first) + html.slice(end), cards };
    at = next;
  }
}

/**
 * `cards` into `oldList`, reusing the items whose hash is there already; the
 * new ones as slots. Cards the frame carried parsed (a list not split) go in as they are.
 * @param {Element} oldList
 * @param {Element} freshList
 * @param {Card[]} cards
 * @param {(element: Element) => void} prepare
 */
function updateList(oldList, freshList, cards, prepare) {
  const byHash = new Map();
  for (const item of oldList.children) byHash.set(item.getAttribute(HOOK.markupHash), item);
  const parsed = [...freshList.children];
  const wanted = parsed.length
    ? parsed.map((item) => byHash.get(item.getAttribute(HOOK.markupHash)) || (prepare(item), item))
    : cards.map((card) => byHash.get(card.hash) || cardSlot(card.hash, card.markup));
  if (!wanted.some((item) => item.parentNode === oldList)) {
    oldList.replaceChildren(...wanted); // nothing reused (a search, a page turn): one mutation
    return;
  }
  // Cards that go are removed first, so the ones that stay in the same order
  // (a filter keeps the order of its matches) are not moved: a moved card is
  // styled and laid out again, a card left in place is not.
  const kept = new Set(wanted);
  for (const item of [...oldList.children]) if (!kept.has(item)) item.remove();
  // Then only the moves and insertions the new order needs.
  let cursor = oldList.firstElementChild;
  for (const item of wanted) {
    if (item === cursor) cursor = cursor.nextElementSibling;
    else oldList.insertBefore(item, cursor);
  }
}

/**
 * The cards of a list that went in with its frame (nothing to reuse): slots
 * (a list the frame carried parsed was prepared with it).
 * @param {Element} parent
 * @param {Card[]} cards
 */
function newList(parent, cards) {
  const list = parent.querySelector('.v-list');
  if (list && !list.children.length) list.append(...cards.map((card) => cardSlot(card.hash, card.markup)));
}

/**
 * Brings `container` (the view region) to the core's `html` for the new view.
 * New cards are slots until card-slots.js showCards() fills them.
 * @param {Element} container
 * @param {string} html summary + controls + results, as render_view emits them
 * @param {(element: Element) => void} prepare called for each element that is new (dates to format, votes to show)
 */
export function updateView(container, html, prepare) {
  const typed = typedText(container);
  updateParts(container, html, prepare);
  keepTypedText(container, typed);
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
 * @param {(element: Element) => void} prepare
 */
function updateParts(container, html, prepare) {
  const { frame, cards } = splitCards(html);
  const template = document.createElement('template');
  setCoreHTML(template, frame);
  const fresh = [...template.content.children];
  const old = [...container.children];
  const sameShape = old.length === fresh.length && old.every((element, i) => element.className === fresh[i].className);
  if (!sameShape) {
    for (const element of fresh) keepOrReplace(null, element, prepare);
    container.replaceChildren(...fresh);
    newList(container, cards);
    return;
  }
  fresh.forEach((element, i) => {
    if (element.classList.contains('v-results')) {
      updateResults(old[i], element, cards, prepare);
      return;
    }
    const kept = keepOrReplace(old[i], element, prepare);
    if (kept !== old[i]) old[i].replaceWith(kept);
  });
}

/** Status, "clear filters" and pager are small: replaced; the list keeps its cards. */
function updateResults(oldResults, freshResults, cards, prepare) {
  const oldList = oldResults.querySelector(':scope > .v-list');
  const freshList = freshResults.querySelector(':scope > .v-list');
  if (!oldList || !freshList) {
    for (const element of freshResults.children) keepOrReplace(null, element, prepare);
    oldResults.replaceChildren(...freshResults.children);
    newList(oldResults, cards);
    return;
  }
  updateList(oldList, freshList, cards, prepare);
  const oldParts = [...oldResults.children];
  const freshParts = [...freshResults.children];
  if (oldParts.length === freshParts.length && oldParts.every((part, i) => (part === oldList) === (freshParts[i] === freshList))) {
    // The same parts around the list (status, pager): patched in place, so a
    // focused page button is not removed (removing the focused element costs a
    // style and layout pass of its own) and only what changed is laid out again.
    oldParts.forEach((part, i) => {
      if (part === oldList) return;
      const kept = keepOrReplace(part, freshParts[i], prepare);
      if (kept !== part) part.replaceWith(kept);
    });
    return;
  }
  // Other parts around the list: replaced by the new ones, in their order.
  for (const element of [...oldResults.children]) if (element !== oldList) element.remove();
  let before = true;
  for (const element of [...freshResults.children]) {
    if (element === freshList) {
      before = false;
      continue;
    }
    keepOrReplace(null, element, prepare);
    if (before) oldResults.insertBefore(element, oldList);
    else oldResults.append(element);
  }
}
