// Issue 19: the fonts the first render's text needs (characters the widget's font
// lacks: Han, ★, …) are looked up before it, in hidden probes of at most 60
// characters, one per task (web/src/glyph-warmup.js), so the first frame is not
// one long task of font fallback. Checked on both first-render paths: the
// product's first response, and the core + full snapshot.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsParsed, useFixtureServerAndBrowser } from './support/browser.mjs';

const env = useFixtureServerAndBrowser();

/** In the page, before its scripts: records the probes each shadow root sees, per mutation batch. */
function recordProbes() {
  window.probeBatches = [];
  window.probesLeft = () => document.querySelector('[data-vouch-reviews]').shadowRoot.querySelectorAll(':scope > [aria-hidden="true"].vouch').length;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((records) => {
      const probes = records.flatMap((record) => [...record.addedNodes]).filter((node) => node.nodeType === 1 && node.getAttribute('aria-hidden') === 'true' && node.classList.contains('vouch'));
      if (probes.length) window.probeBatches.push(probes.map((probe) => probe.textContent));
    }).observe(root, { childList: true });
    return root;
  };
}

for (const [path, name] of [['first-render.html?', 'the first response'], ['widget.html', 'the core and the full snapshot']]) {
  test(`fonts for the first render are found first, 60 characters a task (${name})`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(recordProbes);
    await page.goto(`${env.server.url}/test-pages/${path}`);
    await page.locator('[data-vouch-reviews] .v-card').first().waitFor({ timeout: 20000 });
    await cardsParsed(page);
    const { batches, left, shown } = await page.evaluate(() => ({
      batches: window.probeBatches,
      left: window.probesLeft(),
      shown: document.querySelector('[data-vouch-reviews]').shadowRoot.querySelector('[data-region="view"]').textContent,
    }));
    assert.ok(batches.length > 0, 'probes were laid out before the first render');
    for (const batch of batches) assert.equal(batch.length, 1, 'one probe per task');
    const probed = new Set(batches.flat().join('').replace(/ /g, ''));
    for (const text of batches.flat()) assert.ok(text.replace(/ /g, '').length <= 60, `a slice of ≤ 60 characters: ${text.length}`);
    const rare = [...new Set(shown)].filter((char) => char.codePointAt(0) >= 0x300);
    assert.ok(rare.some((char) => /\p{Script=Han}/u.test(char)), 'the fixture shows Chinese reviews');
    assert.deepEqual(rare.filter((char) => !probed.has(char)), [], 'every such character shown was probed');
    assert.equal(left, 0, 'no probe is left in the widget');
    assert.deepEqual(problems, []);
    await page.close();
  });
}
