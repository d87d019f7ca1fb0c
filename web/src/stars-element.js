// @ts-check
// <vouch-stars product="sku-1" api="..."> : a compact average + count badge
// for product cards. Many badges share one wasm instance (loadCore is
// memoised) and one summaries request per API (data.js batches them).
// A static store (no server) names its exported file instead:
// <vouch-stars product="sku-1" summaries=".../summaries.json">, fetched once.
import { fetchStaticSummary, fetchSummary } from './data.js';
import { emit, vouchError } from './events.js';
import { loadCore } from './core-loader.js';
import { safeUrl } from './options.js';
import { attachStyles } from './shadow.js';
import { setCoreHTML } from './trusted-html.js';
import { whenNearViewport } from './lazy.js';

/**
 * A count from a summaries file (a CDN's, maybe hand-edited) as the core's int: 0..2^31-1.
 * @param {unknown} value
 */
function whole(value) {
  const n = Math.floor(Number(value));
  return n > 0 ? Math.min(n, 2147483647) : 0;
}

/** @param {import('./widget-env').WidgetEnv} env */
export function defineStarsElement(env) {
  if (customElements.get('vouch-stars')) return;
  class VouchStars extends HTMLElement {
    static get observedAttributes() {
      return ['product', 'api', 'summaries', 'locale', 'theme'];
    }

    connectedCallback() {
      this.render();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    disconnectedCallback() {
      if (this.lazy) this.lazy.cancel();
    }

    async render() {
      const root = attachStyles(this);
      const frame = document.createElement('span');
      frame.className = 'vouch vouch-badge';
      // Text and star colours follow the page like the widget's (auto, light, dark).
      const theme = this.getAttribute('theme') || 'auto';
      frame.dataset.theme = ['auto', 'light', 'dark'].includes(theme) ? theme : 'auto';
      root.replaceChildren(...root.querySelectorAll(':scope > style'), frame);
      const product = (this.getAttribute('product') || '').trim();
      const api = safeUrl(this.getAttribute('api') || env.defaultApi || '').replace(/\/+$/, '');
      const file = safeUrl(this.getAttribute('summaries') || env.defaultSummaries || '');
      if (this.lazy) this.lazy.cancel();
      this.lazy = whenNearViewport(this);
      await this.lazy.promise;
      try {
        if (!product || (!api && !file)) throw vouchError('invalid_option', 'vouch-stars needs a product and either api (the review server) or summaries (an exported summaries.json)');
        const summaryPromise = api ? fetchSummary(api, product) : fetchStaticSummary(file, product);
        const [core, summary] = await Promise.all([loadCore(env), summaryPromise]);
        const locale = core.resolveLocale(this.getAttribute('locale') || /** @type {HTMLElement} */ (this.closest('[lang]') || document.documentElement).lang || 'en');
        frame.lang = locale;
        setCoreHTML(frame, core.renderBadge(whole(summary.average_tenths), whole(summary.count), locale));
        emit(this, 'vouch:ready', { product, count: summary.count });
      } catch (error) {
        // A badge is decoration: leave it empty-but-present and say why in the event.
        frame.textContent = '';
        emit(this, 'vouch:error', { product, code: error.code || 'unexpected', message: error.message });
      }
    }
  }
  customElements.define('vouch-stars', VouchStars);
}
