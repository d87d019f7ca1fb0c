// Loaded first in the CLS pages: records every layout shift and the moment the
// widget announces it is ready (vouch:ready bubbles from the host element).
'use strict';
window.benchCls = { shifts: 0, readyAt: null };
// product.html?below-fold: the reviews sit below the first screen (bench/cls.mjs).
if (location.search.includes('below-fold')) document.documentElement.classList.add('below-fold');
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.benchCls.shifts += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
document.addEventListener('vouch:ready', () => {
  window.benchCls.readyAt = performance.now();
}, true);
