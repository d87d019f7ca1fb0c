// Adds the store's script tag for the size asked for (?n=20000), as a store
// page would have it: <script src=vouch.js data-product data-snapshot async>.
'use strict';
(() => {
  const query = new URLSearchParams(location.search);
  const n = query.get('n') || '1000';
  if (!query.has('reserve')) document.querySelector('[data-vouch-reviews]').remove(); // a plain script tag
  const script = document.createElement('script');
  script.src = '/dist/vouch.js';
  script.async = true;
  script.dataset.product = 'bench-dress';
  script.dataset.snapshot = `/data/${query.has('full') ? 'full-' : ''}reviews-${n}.bin`;
  script.dataset.hashState = 'false';
  // ?scroll: the shopper goes to the reviews once vouch.js has run (its placeholder is
  // there) and before they loaded.
  // (a moment later: the placeholder is on screen when the shopper arrives)
  const scroll = () => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => document.querySelector('.reviews').scrollIntoView())), 100);
  if (query.has('scroll')) script.addEventListener('load', scroll);
  document.querySelector('.reviews h2').after(script);
})();
