// The charting chunk (dist/admin/charts.js): Chart.js with only the pieces the
// analytics page draws (bars, lines, category and linear axes, legend,
// tooltip). Built as its own file so the inbox never downloads it; the page
// loads it with views/charts.js, which reads window.VouchCharts. Chart.js 4
// injects no <style> element: it sizes its canvas through element.style,
// which the console's CSP (style-src 'self') allows.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
window.VouchCharts = { Chart };
