// Records every layout shift (PerformanceObserver), every long task, the
// requests the widget made before vouch:ready, and the position of #after.
'use strict';
// The page's layout for the case, set before the first paint (this script is in <head>).
(() => {
  const query = new URLSearchParams(location.search);
  const root = document.documentElement;
  if (query.has('below') || query.has('scroll')) root.classList.add('below');
  if (query.has('tail')) root.classList.add('has-tail');
  for (const name of ['reserve', 'reserve-height']) {
    if (!query.has(name)) continue;
    root.classList.add(name);
    root.style.setProperty('--page-reserve', query.get(name));
  }
})();
window.probe = { shifts: [], longTasks: [], readyAt: null, ready: null, afterTops: [] };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.probe.shifts.push(entry.value);
  }
}).observe({ type: 'layout-shift', buffered: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.probe.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });
document.addEventListener('vouch:ready', (event) => {
  window.probe.readyAt = performance.now();
  window.probe.ready = event.detail;
  window.probe.resourcesAtReady = performance.getEntriesByType('resource').map((e) => e.name.replace(/^.*\//, ''));
}, true);
