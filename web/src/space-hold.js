// @ts-check
// The space the widget holds so the page around it never moves (issue 19).
//
// A layout shift is content that was on screen moving. So the widget takes,
// from the moment it is mounted, at least a screen's height (or what the
// store reserved, if more): when it renders, whatever it grows by lies below
// the bottom of the screen, and nothing the shopper sees moves. The held
// height stays on the rendered widget while it is on screen (a short widget
// would otherwise pull the page up under the shopper's eyes) and is let go
// the first time it is off screen, where the change moves nothing visible
// (above the screen, the browser's scroll anchoring keeps the view still).
//
// The store's own reservation (a min-height or height on the element, before
// vouch.js has run: docs/embedding.md) is measured before the shadow styles
// apply, because :host resets the page's rules on the element.

const SKELETON_MIN = 240;

/** The height the page gave `host` before the widget styled it, in px. */
export function measureReserve(host) {
  try {
    return host.getBoundingClientRect().height || 0;
  } catch (error) {
    return 0;
  }
}

export class SpaceHold {
  /** @param {number} reserved what the store reserved (measureReserve) */
  constructor(reserved) {
    this.height = Math.ceil(Math.max(reserved, window.innerHeight || 0, SKELETON_MIN));
    this.element = null;
    this.observer = null;
  }

  /**
   * Holds `element` at least as tall as the reservation; with `untilOffScreen`,
   * lets go for good the first time it is not on screen.
   */
  apply(element, { untilOffScreen = false } = {}) {
    this.stop();
    if (!this.height) return;
    this.element = element;
    // CSSOM, not a style attribute: a strict style-src allows it.
    element.style.minHeight = `${this.height}px`;
    if (!untilOffScreen) return;
    if (typeof IntersectionObserver !== 'function') {
      this.release();
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      if (!entries[entries.length - 1].isIntersecting) this.release();
    });
    this.observer.observe(element);
  }

  /** Lets go for good: later renders take their natural height. */
  release() {
    this.stop();
    this.height = 0;
  }

  stop() {
    if (this.observer) this.observer.disconnect();
    this.observer = null;
    if (this.element) this.element.style.minHeight = '';
    this.element = null;
  }
}
