// Loaded first in the first-render bench page (bench/first-render.mjs): every
// layout shift, every long task, when the reviews' place first comes within
// 1250 px of the viewport (the widget's own lazy margin) and when the widget
// says its first render is on screen (vouch:ready).
'use strict';
// The page's layout for the case, before the first paint (this script is in <head>).
for (const flag of ['below', 'reserve']) {
  if (location.search.includes(flag) || (flag === 'below' && location.search.includes('scroll'))) document.documentElement.classList.add(flag);
}
window.benchFirst = { shifts: 0, shiftList: [], longTasks: [], nearAt: null, readyAt: null, ready: null };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.benchFirst.shifts += entry.value;
    window.benchFirst.shiftList.push([Math.round(entry.startTime), entry.value]);
  }
}).observe({ type: 'layout-shift', buffered: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.benchFirst.longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
}).observe({ type: 'longtask', buffered: true });
document.addEventListener('vouch:ready', (event) => {
  window.benchFirst.readyAt = performance.now();
  window.benchFirst.ready = event.detail;
}, true);
document.addEventListener('DOMContentLoaded', () => {
  const place = document.querySelector('.reviews');
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      window.benchFirst.nearAt = performance.now();
      observer.disconnect();
    }
  }, { rootMargin: '1250px' });
  observer.observe(place);
});
