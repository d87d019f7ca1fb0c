// Loads the charting chunk (charts.js beside console.js) once, on the first
// page that draws a chart, and draws charts with it. A chart is a picture of
// a data table that the page shows too (views/data-table.js), so the canvas
// carries a short label and points to the table for the figures.
import { h } from '../dom.js';

let loading = null;

export function loadCharts() {
  if (window.VouchCharts) return Promise.resolve(window.VouchCharts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = 'charts.js';
      script.onload = () => resolve(window.VouchCharts);
      script.onerror = () => {
        loading = null;
        script.remove();
        reject(new Error('charts.js could not be loaded'));
      };
      document.head.append(script);
    });
  }
  return loading;
}

// Colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics).
export const COLORS = {
  stars: ['#b42318', '#c4560b', '#6b7079', '#3b7d2a', '#1d5c1f'],
  series: ['#0b5cad', '#b42318', '#6d3fb0', '#8a5a00', '#1d6b2f', '#a3176e', '#245d6b', '#4a4f57'],
};

/** A canvas in a sized box, labelled for assistive technology; draws when the chunk is there. */
export function chartBox(labelText, tableId, build) {
  const canvas = h('canvas', { role: 'img', 'aria-label': labelText, 'aria-describedby': tableId });
  const box = h('div', { class: 'chart' }, canvas);
  box.ready = loadCharts().then(({ Chart }) => {
    const config = build();
    config.options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      ...config.options,
    };
    box.chart = new Chart(canvas, config);
    canvas.dataset.drawn = 'true';
  });
  return box;
}
