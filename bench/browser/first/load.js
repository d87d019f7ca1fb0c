// Adds the store's script tag for the size asked for (?n=20000), as a store
// page would have it: <script src=vouch.js data-product data-snapshot async>.
'use strict';
(() => {
  const query = new URLSearchParams(location.search);
  const n = query.get('n') || '1000';
  for (const flag of ['below', 'reserve']) if (query.has(flag) || (flag === 'below' && query.has('scroll'))) document.documentElement.classList.add(flag);
  if (!query.has('reserve')) document.querySelector('[data-vouch-reviews]').remove(); // a plain script tag
  const script = document.createElement('script');
  script.src = '/dist/vouch.js';
  script.async = true;
  script.dataset.product = 'bench-dress';
  script.dataset.snapshot = `/data/${query.has('full') ? 'full-' : ''}reviews-${n}.bin`;
  script.dataset.hashState = 'false';
  document.querySelector('.reviews h2').after(script);
})();
