// Layout shift (CLS) and time from script start to widget visible, in Chromium,
// on the demo store's product page and on a Bootstrap host page
// (bench/browser/pages/), each loading dist/vouch.js with a 1k-review snapshot.
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { startStaticServer } from '../scripts/lib/static-server.mjs';
import { launchChromium } from './browser.mjs';
import { dataDir } from './data.mjs';
import { median } from './lib/stats.mjs';

const pages = [
  ['demo product page (demo/store.css), widget in the first screen', 'product.html'],
  ['the same, reviews below the first screen (the usual place)', 'product.html?below-fold'],
  ['Bootstrap 5 host page, widget in the first screen', 'bootstrap.html'],
];

export async function benchCls({ distDir, runs }) {
  const server = await startStaticServer({
    mounts: {
      '/dist/': distDir,
      '/data/': dataDir,
      '/demo/': join(root, 'demo'),
      '/vendor/bootstrap/': join(root, 'node_modules', 'bootstrap', 'dist', 'css'),
      '/bench/': join(root, 'bench', 'browser'),
    },
  });
  const browser = await launchChromium();
  const results = [];
  try {
    for (const [name, file] of pages) {
      const shifts = [];
      const visible = [];
      for (let r = 0; r < runs; r++) {
        const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
        await page.goto(`${server.url}/bench/pages/${file}`);
        await page.waitForFunction(() => window.benchCls.readyAt !== null, null, { timeout: 30000 });
        await page.waitForTimeout(1000); // late shifts (fonts, images) would land here
        const sample = await page.evaluate(() => {
          const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/dist/vouch.js'));
          return { shifts: window.benchCls.shifts, visible: window.benchCls.readyAt - script.responseEnd };
        });
        shifts.push(sample.shifts);
        visible.push(sample.visible);
        await page.close();
      }
      results.push({ page: name, cls: Math.max(...shifts), visibleMs: median(visible) });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
