// @ts-check
// Resolves when `element` comes within `margin` of the viewport, so the wasm
// and the snapshot load only for shoppers who scroll towards the reviews.
// Without IntersectionObserver (old browsers) it resolves at once.

/**
 * @param {Element} element
 * @param {string} [margin]
 * @returns {{ promise: Promise<void>, cancel: () => void }}
 */
// 1250px is the distance Chromium's own loading="lazy" starts at: far enough that
// a shopper scrolling normally finds the reviews rendered, so the box grows while
// it (and what follows it) is still off screen and nothing visible shifts.
export function whenNearViewport(element, margin = '1250px') {
  if (typeof IntersectionObserver !== 'function') return { promise: Promise.resolve(), cancel() {} };
  let observer;
  /** @type {Promise<void>} */
  const promise = new Promise((resolve) => {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    }, { rootMargin: margin });
    observer.observe(element);
  });
  return { promise, cancel: () => observer.disconnect() };
}
