// @ts-check
// Cards parsed when they near the screen (issue 19). A new card goes into the
// list as an empty slot that holds its markup (the <li> render_view wrote).
// When the action is done (focus moved, so the scroll position is final), the
// slots above the bottom of the screen, and a quarter screen below it, are
// parsed in the action's own task (for a render no shopper asked for, such as
// the first one, in the next frame's animation callback, before its paint).
// The rest are parsed in a task after the next paint. So a sort, a filter or a
// page turn paints once the two to six cards the shopper can see are parsed and
// laid out, not all twenty. Nothing on
// screen moves when a late slot fills: it is below the screen's bottom, so only
// what is below it moves, which is off screen too. Everything above the bottom
// is filled at once, so a list scrolled past cannot grow above the screen.
// The hash is what regions.js keys cards by; slots are <li>s with no children
// until filled (styles.css gives them a small height of their own).
import { HOOK } from './generated/dom-contract.js';
import { setCoreHTML } from './trusted-html.js';

/** slot <li> -> the card's markup, until it is filled */
const pending = new WeakMap();

/** list -> how many of its first items were near the screen after the last action */
const nearCount = new WeakMap();

/** How far below the screen a card is parsed at once, in screen heights. */
const NEAR = 0.25;

/**
 * An empty <li> standing for a card not parsed yet.
 * @param {string} hash the core's markup hash of the card (data-hash)
 * @param {string} markup the card's <li>…</li> as the core rendered it
 */
export function cardSlot(hash, markup) {
  const slot = document.createElement('li');
  slot.setAttribute(HOOK.markupHash, hash);
  pending.set(slot, markup);
  return slot;
}

/**
 * Parses the cards of `slots` in one go and puts each in its slot's place.
 * @param {Element[]} slots
 * @param {(element: Element) => void} prepare what a new card needs (dates, votes)
 */
function fill(slots, prepare) {
  const template = document.createElement('template');
  setCoreHTML(template, slots.map((slot) => pending.get(slot)).join(''));
  const cards = [...template.content.children];
  slots.forEach((slot, i) => {
    pending.delete(slot);
    const card = cards[i];
    if (!card) return;
    slot.replaceWith(card);
    prepare(card);
  });
}

const slotsIn = (list) => [...list.children].filter((item) => pending.has(item));

/**
 * Fills the slots among as many first items of `list` as were near the screen
 * after its last action, before anything measures it: the screen and the
 * list's place rarely change between two actions, so showCards' first
 * measurement (a layout, as is moving the focus) usually finds nothing left to fill.
 * @param {Element | null} list the view's .v-list
 * @param {(element: Element) => void} prepare
 */
export function fillExpected(list, prepare) {
  const expected = list ? [...list.children].slice(0, nearCount.get(list) || 0).filter((item) => pending.has(item)) : [];
  if (expected.length) fill(expected, prepare);
}

/**
 * Fills the slots of `list` that are on screen or near it, and the rest after
 * the next paint. `beforePaint`: a render nobody is waiting on (the first one,
 * after a load) measures in the next frame's animation callback instead of
 * now, so its first layout is the frame's own, not a second long task's part.
 * @param {Element | null} list the view's .v-list
 * @param {(element: Element) => void} prepare
 * @param {{ beforePaint?: boolean }} [options]
 */
export function showCards(list, prepare, { beforePaint = false } = {}) {
  if (!list) return;
  const fillNear = () => {
    const bottom = window.innerHeight * (1 + NEAR);
    // A filled card may be shorter than its slot, pulling the next slots up:
    // measured again until none is left above the line.
    for (let round = 0; round < 64; round++) {
      const near = [];
      let count = 0;
      for (const item of list.children) {
        if (item.getBoundingClientRect().top >= bottom) break; // items are stacked: the rest are lower
        count++;
        if (pending.has(item)) near.push(item);
      }
      nearCount.set(list, count);
      if (!near.length) break;
      fill(near, prepare);
    }
    if (!slotsIn(list).length) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const rest = slotsIn(list);
        if (rest.length) fill(rest, prepare);
      }),
    );
  };
  if (beforePaint) requestAnimationFrame(fillNear);
  else fillNear();
}
