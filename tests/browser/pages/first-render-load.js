// The store's script tag for the case in the query string (first-render.html).
'use strict';
(() => {
  const query = new URLSearchParams(location.search);
  const script = document.createElement('script');
  script.src = '/dist/vouch.js';
  script.async = true;
  script.dataset.product = query.get('product') || 'demo-linen-dress';
  script.dataset.snapshot = `/fixtures/${query.get('snapshot') || 'demo-linen-dress.bin'}`;
  if (query.has('api')) script.dataset.api = '/';
  if (query.has('pagesize')) script.dataset.pageSize = query.get('pagesize');
  // ?config=JSON: the store's collection facts (data-config); other than the defaults, the
  // export's shell is not this store's, and the engine re-renders it when it loads.
  if (query.has('config')) script.dataset.config = query.get('config');
  // ?scroll: the shopper goes to the reviews once vouch.js has run (its placeholder is
  // there) and before they loaded.
  // (a moment later: the placeholder is on screen when the shopper arrives)
  const scroll = () => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => document.querySelector('.reviews').scrollIntoView())), 100);
  if (query.has('scroll')) script.addEventListener('load', scroll);
  document.querySelector('.reviews h2').after(script);
})();
