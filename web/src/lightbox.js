// @ts-check
// The photo lightbox: a modal dialog (rendered hidden by the core) that shows
// one photo of a review at a time. It moves focus in, keeps Tab inside, closes
// on Escape, and gives focus back to the photo that opened it.

import { ACTION, DATASET, HOOK } from './generated/dom-contract.js';
import { byAction, byHook } from './selectors.js';

const FOCUSABLE = 'button:not([disabled]):not([hidden]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';
const PHOTO = byAction(ACTION.photo);

export class Lightbox {
  /** @param {ShadowRoot} root */
  constructor(root) {
    this.root = root;
    /** @type {HTMLElement[]} the photo buttons of the card that opened it */
    this.photos = [];
    this.index = 0;
    /** @type {HTMLElement | null} */
    this.opener = null;
    this.onKeydown = this.onKeydown.bind(this);
  }

  /** @returns {HTMLElement | null} the core's dialog (lightbox_shell) */
  get shell() {
    return this.root.querySelector(byHook(HOOK.lightbox));
  }

  get isOpen() {
    return Boolean(this.shell && !this.shell.hidden);
  }

  /**
   * The shell's element `selector` finds (the core renders each one).
   * @param {string} selector
   * @returns {HTMLElement}
   */
  part(selector) {
    return /** @type {HTMLElement} */ (this.shell.querySelector(selector));
  }

  /** @param {HTMLElement} opener a [data-action=photo] button in a card */
  open(opener) {
    const card = opener.closest('.v-card');
    this.photos = card ? [.../** @type {NodeListOf<HTMLElement>} */ (card.querySelectorAll(PHOTO))] : [opener];
    this.index = Math.max(0, this.photos.indexOf(opener));
    this.opener = opener;
    const shell = this.shell;
    shell.hidden = false;
    shell.addEventListener('keydown', this.onKeydown);
    this.show();
    this.part(byAction(ACTION.lightboxClose)).focus();
  }

  show() {
    const source = /** @type {HTMLImageElement} */ (this.photos[this.index].querySelector('img'));
    const image = /** @type {HTMLImageElement} */ (this.part(byHook(HOOK.lightboxImg)));
    image.src = source.currentSrc || source.src;
    image.alt = source.alt;
    this.part(byHook(HOOK.lightboxCaption)).textContent = source.alt;
    const several = this.photos.length > 1;
    this.part(byAction(ACTION.lightboxPrev)).hidden = !several;
    this.part(byAction(ACTION.lightboxNext)).hidden = !several;
  }

  /** @param {number} delta */
  step(delta) {
    this.index = (this.index + delta + this.photos.length) % this.photos.length;
    this.show();
  }

  close() {
    const shell = this.shell;
    if (!shell || shell.hidden) return;
    shell.hidden = true;
    shell.removeEventListener('keydown', this.onKeydown);
    this.part(byHook(HOOK.lightboxImg)).removeAttribute('src');
    // The opener may have been re-rendered meanwhile: fall back to the same photo's new button.
    let target = this.opener;
    if (target && !target.isConnected) {
      const review = target.dataset[DATASET.review];
      const media = target.dataset[DATASET.mediaIndex];
      target = this.root.querySelector(PHOTO + byHook(HOOK.review, review) + byHook(HOOK.mediaIndex, media));
    }
    if (target) target.focus();
    this.opener = null;
  }

  /** @param {KeyboardEvent} event */
  onKeydown(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'ArrowLeft' && this.photos.length > 1) {
      this.step(-1);
    } else if (event.key === 'ArrowRight' && this.photos.length > 1) {
      this.step(1);
    } else if (event.key === 'Tab') {
      const focusable = [.../** @type {NodeListOf<HTMLElement>} */ (this.shell.querySelectorAll(FOCUSABLE))].filter((el) => !el.hidden);
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = /** @type {HTMLElement | null} */ (this.root.activeElement);
      if (event.shiftKey && (active === first || !focusable.includes(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !focusable.includes(active))) {
        event.preventDefault();
        first.focus();
      }
    }
  }
}
