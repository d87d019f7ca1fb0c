// A fully static store (no review server at request time): reviews imported by
// the real vouch-server, `export --static` to a folder, and that folder served
// by a plain file server with the bundle. Star badges read the exported
// summaries.json, the widget a .bin snapshot; nothing asks for /api/, and the
// controls that need the server (write, vote, report) are not shown. Then the
// badge's box: one line at every card width from 120 px, in all 7 locales.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distDir, launchBrowser, cardsParsed } from './support/browser.mjs';
import { findServerBinary, SERVER_CANDIDATES } from '../../scripts/lib/server-process.mjs';
import { startStaticServer } from '../../scripts/lib/static-server.mjs';

const serverBinary = findServerBinary();
const LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja', 'es', 'fr', 'de'];
let browser;
let server;
let site;

function review(product, rating, body) {
  return {
    product_id: product, rating, title: 'Static store review', body, author: 'Static Shopper',
    status: 'published', verification: 'imported', source: 'import:static-test', language: 'en',
    created: '2026-03-01T10:00:00Z', helpful_up: 2,
  };
}

before(async () => {
  assert.ok(serverBinary, `vouch-server not built (looked in ${SERVER_CANDIDATES.join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), 'vouch-static-store-'));
  site = join(dir, 'site');
  const reviews = [
    review('static-a', 5, 'The linen is soft and the wrap closes well; true to size for me.'),
    review('static-a', 4, 'Lovely colour, a little long in the sleeves but the fabric is great.'),
    review('static-b', 3, 'Fine for the price; the buttons feel cheap and one came loose.'),
  ];
  writeFileSync(join(dir, 'seed.json'), JSON.stringify({ format: 'vouch-export', version: 1, reviews }));
  execFileSync(serverBinary, ['import', '--db', join(dir, 'reviews.db'), '--format', 'vouch-json', join(dir, 'seed.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(serverBinary, ['export', '--db', join(dir, 'reviews.db'), '--static', site], { stdio: ['ignore', 'ignore', 'inherit'] });
  // The store's own pages, as a merchant would write them for a CDN.
  writeFileSync(join(site, 'store.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Static store</title></head><body>
  ${['static-a', 'static-b', 'static-c'].map((id) => `<div class="card" style="width:220px"><h2>${id}</h2><vouch-stars product="${id}" summaries="/site/summaries.json"></vouch-stars><p class="price">€10</p></div>`).join('\n')}
  <div data-vouch-reviews></div>
  <script src="/dist/vouch.js" data-product="static-a" data-snapshot="/site/products/static-a.bin" data-hash-state="false" async></script>
</body></html>`);
  // Badge sizes: counts from none to millions (a CDN file in the export's format).
  const counts = { none: [0, 0], one: [1, 50], many: [20000, 42], huge: [1234567, 37] };
  const summaries = Object.fromEntries(Object.entries(counts).map(([id, [count, tenths]]) => [id, { product: id, count, average_tenths: tenths }]));
  writeFileSync(join(site, 'widths.json'), JSON.stringify({ summaries }));
  const boxes = [];
  for (const locale of LOCALES) {
    for (const width of [120, 150, 200, 240, 320]) {
      for (const id of Object.keys(counts)) {
        boxes.push(`<div class="box" style="width:${width}px" data-width="${width}" data-locale="${locale}" data-product="${id}"><vouch-stars product="${id}" locale="${locale}" summaries="/site/widths.json"></vouch-stars><p>€10</p></div>`);
      }
    }
  }
  writeFileSync(join(site, 'widths.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Badge widths</title>
<style>body{margin:0;display:flex;flex-wrap:wrap;gap:4px;font:16px/1.5 sans-serif}.box{outline:1px dotted #999}.box p{margin:0}</style></head><body>
${boxes.join('\n')}
<script src="/dist/vouch.js" async></script></body></html>`);
  // Hostile summaries files: what a broken upload or a hand edit leaves on a CDN.
  writeFileSync(join(site, 'not-json.json'), '<html>502 Bad Gateway</html>');
  writeFileSync(join(site, 'wrong-shape.json'), JSON.stringify({ summaries: [1, 2, 3] }));
  writeFileSync(join(site, 'odd-entries.json'), JSON.stringify({
    summaries: {
      negative: { count: -3, average_tenths: -10 },
      huge: { count: 1e15, average_tenths: 9999 },
      words: { count: 'lots', average_tenths: '4.5' },
      text: 'not an object',
    },
  }));
  const hostileBadge = (file, id) => `<vouch-stars product="${id}" data-file="${file}" summaries="/site/${file}"></vouch-stars>`;
  writeFileSync(join(site, 'hostile.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Hostile summaries</title></head><body>
  ${hostileBadge('not-json.json', 'static-a')} ${hostileBadge('wrong-shape.json', 'static-a')}
  ${['negative', 'huge', 'words', 'text', 'constructor'].map((id) => hostileBadge('odd-entries.json', id)).join(' ')}
  <script src="/dist/vouch.js" async></script></body></html>`);
  server = await startStaticServer({ mounts: { '/dist/': distDir, '/site/': site } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a static store: badges from summaries.json, reviews from a .bin, no /api/ request, no control that needs a server', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
  const apiRequests = [];
  const problems = [];
  page.on('request', (r) => r.url().includes('/api/') && apiRequests.push(r.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener('vouch:ready', (e) => window.__events.push(`ready ${e.target.getAttribute('product') || e.detail.product}`));
    document.addEventListener('vouch:error', (e) => window.__events.push(`error ${e.detail.code}: ${e.detail.message}`));
  });
  await page.goto(`${server.url}/site/store.html`);
  await page.locator('.v-summary').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => window.__events.filter((e) => e.startsWith('ready static-')).length >= 3, null, { timeout: 20000 });
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.filter((e) => e.startsWith('error')), []);
  // The exported averages and counts, read by the badge (average_tenths included).
  assert.equal(await page.locator('vouch-stars[product="static-a"] .v-stars').getAttribute('aria-label'), '4.5 out of 5 stars');
  assert.match(await page.locator('vouch-stars[product="static-a"] .vouch-badge').textContent(), /4\.5.*\(2\).*2 reviews/);
  assert.equal(await page.locator('vouch-stars[product="static-b"] .v-stars').getAttribute('aria-label'), '3 out of 5 stars');
  assert.match(await page.locator('vouch-stars[product="static-c"] .vouch-badge').textContent(), /0 reviews/);
  // The widget reads; what needs POST routes is not offered.
  await cardsParsed(page);
  assert.equal(await page.locator('.v-card').count(), 2);
  assert.equal(await page.locator('[data-action="write"]').isVisible(), false);
  assert.equal(await page.locator('.v-card [data-action="vote"]').first().isVisible(), false);
  assert.equal(await page.locator('.v-card [data-action="report"]').first().isVisible(), false);
  assert.deepEqual(apiRequests, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a badge stays on one line inside its box at 120-320 px, in all 7 locales, 0 to 1,234,567 reviews', async () => {
  const page = await browser.newPage({ viewport: { width: 1600, height: 4000 } });
  await page.goto(`${server.url}/site/widths.html`);
  const total = await page.locator('.box').count();
  await page.waitForFunction((n) => [...document.querySelectorAll('vouch-stars')].filter((el) => el.shadowRoot && el.shadowRoot.querySelector('.v-badge-stars')).length === n, total, { timeout: 30000 });
  await page.evaluate(() => document.fonts.ready);
  const problems = await page.evaluate(() => {
    const out = [];
    for (const box of document.querySelectorAll('.box')) {
      const { width, locale, product } = box.dataset;
      const where = `${locale} ${product} at ${width}px`;
      const host = box.querySelector('vouch-stars');
      const h = host.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (h.width > b.width + 0.5) out.push(`${where}: badge ${h.width}px wide`);
      if (Math.abs(h.height - 24) > 0.5) out.push(`${where}: badge ${h.height}px high`);
      const price = box.querySelector('p').getBoundingClientRect();
      if (price.top < h.bottom - 0.5) out.push(`${where}: the price starts under the badge`);
      const items = [...host.shadowRoot.querySelector('.v-badge-stars').children].filter((el) => !el.classList.contains('v-sr'));
      const shown = [];
      for (const item of items) {
        const r = item.getBoundingClientRect();
        if (r.top >= h.bottom - 0.5) continue; // wrapped onto the clipped line: not drawn
        shown.push(item.className);
        if (r.bottom > h.bottom + 0.5 || r.right > h.right + 0.5 || r.left < h.left - 0.5) {
          out.push(`${where}: "${item.textContent}" sticks out of the badge (${JSON.stringify(r)})`);
        }
      }
      if (!shown.some((c) => c.startsWith('v-stars'))) out.push(`${where}: no stars shown`);
      if (Number(width) >= 240 && !shown.some((c) => c.startsWith('v-badge-count'))) out.push(`${where}: no count shown`);
    }
    return out;
  });
  assert.deepEqual(problems, []);
  // The compact count in a few locales (the exact one is read out).
  const text = (locale, product) => page.locator(`.box[data-width="320"][data-locale="${locale}"][data-product="${product}"] .v-badge-count`).textContent();
  assert.equal(await text('en', 'many'), '(20K)');
  assert.equal(await text('ja', 'many'), '（2万）');
  assert.equal(await text('de', 'huge'), '(1,2\u00a0Mio.)');
  assert.equal(await page.locator('.box[data-width="320"][data-locale="fr"][data-product="many"] .v-sr').textContent(), '20\u202f000 avis');
  await page.close();
});

test('hostile summaries files: a clear vouch:error for a broken file, safe numbers for odd entries, no page error', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    window.__badges = {};
    const key = (e) => `${e.target.dataset.file} ${e.target.getAttribute('product')}`;
    document.addEventListener('vouch:ready', (e) => { window.__badges[key(e)] = 'ready'; });
    document.addEventListener('vouch:error', (e) => { window.__badges[key(e)] = `${e.detail.code}: ${e.detail.message}`; });
  });
  await page.goto(`${server.url}/site/hostile.html`);
  await page.waitForFunction(() => Object.keys(window.__badges).length === 7, null, { timeout: 20000 });
  const badges = await page.evaluate(() => window.__badges);
  assert.match(badges['not-json.json static-a'], /^invalid_summaries: .*not-json\.json is not JSON/);
  assert.match(badges['wrong-shape.json static-a'], /^invalid_summaries: .*expected \{"summaries"/);
  assert.equal(await page.locator('vouch-stars[data-file="not-json.json"] .vouch-badge').textContent(), '');
  const text = (id) => page.locator(`vouch-stars[data-file="odd-entries.json"][product="${id}"] .vouch-badge`).textContent();
  assert.match(await text('negative'), /^★★★★★\(0\)0 reviews$/);
  assert.match(await text('huge'), /5\.0\(2\.1B\)2,147,483,647 reviews/); // clamped to what the core counts
  assert.match(await text('words'), /\(0\)0 reviews$/);
  assert.match(await text('text'), /\(0\)0 reviews$/);
  assert.match(await text('constructor'), /\(0\)0 reviews$/);
  assert.deepEqual(problems, []);
  await page.close();
});
