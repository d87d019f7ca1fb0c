// @ts-check
// The script tag's entry point:
//   <script src=".../vouch.js" data-product="sku-123" data-api="https://reviews.example.com" async></script>
// renders right after the tag (or into <div data-vouch-reviews> when present),
// defines <vouch-reviews> and <vouch-stars>, and exposes window.Vouch.mount().
//
// Thin by design: options, mount points, loading, events. The markup comes
// from the C++ core; no review logic lives here.
import { emit } from './src/events.js';
import { fallbackLocale, showFallback } from './src/fallback.js';
import { normalizeOptions, optionsFromElement } from './src/options.js';
import { defineReviewsElement } from './src/reviews-element.js';
import { defineStarsElement } from './src/stars-element.js';
import { attachStyles } from './src/shadow.js';
import { ReviewsWidget } from './src/widget.js';

// Captured synchronously: document.currentScript is null once this script has run.
const ownScript = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const scriptBase = (ownScript && ownScript.src) || document.baseURI;
/** @type {import('./src/widget-env').WidgetEnv} */
const env = {
  // The core (web/core-module.js + its wasm): fetched after the first render, at idle.
  coreUrl: new URL('vouch-core.js', scriptBase).href,
  wasmUrl: new URL('vouch-core.wasm', scriptBase).href,
  // The form module (web/src/form-module.js): fetched when a shopper reaches for the form.
  formUrl: new URL('vouch-form.js', scriptBase).href,
  formWasmUrl: new URL('vouch-form.wasm', scriptBase).href,
  // The Q&A module (web/src/questions-loader.js): fetched when the Questions section nears the viewport.
  qaUrl: new URL('vouch-qa.js', scriptBase).href,
  qaWasmUrl: new URL('vouch-qa.wasm', scriptBase).href,
  // Traditional -> Simplified search folding (web/src/han-fold.js): fetched when search is prepared.
  hanFoldUrl: new URL('vouch-han-fold.bin', scriptBase).href,
  // The script tag's data-api also serves <vouch-stars>/<vouch-reviews> without their own.
  defaultApi: ownScript ? ownScript.getAttribute('data-api') || '' : '',
  // A static store's badges: the exported summaries.json (vouch-server export --static).
  defaultSummaries: ownScript ? ownScript.getAttribute('data-summaries') || '' : '',
  defaults: {},
};
if (env.defaultApi) env.defaults.api = env.defaultApi;

/** Where an element cannot hold a widget (very old browser): text fallback + event. */
function failMount(host, error, locale) {
  const root = host.attachShadow ? attachStyles(host) : host;
  showFallback(root, { locale: fallbackLocale(locale) });
  emit(host, 'vouch:error', { code: error.code || 'unexpected', message: error.message });
}

/**
 * Mounts a reviews widget on `element`.
 * @param {HTMLElement} element
 * @param {import('./vouch').MountOptions} options
 * @returns {import('./vouch').VouchHandle}
 */
function mount(element, options) {
  if (!element || typeof element.attachShadow !== 'function') {
    throw new TypeError('Vouch.mount: expected an element that can hold a shadow root (e.g. a <div>)');
  }
  let current = { ...env.defaults, ...options };
  let widget = null;
  try {
    widget = new ReviewsWidget(element, normalizeOptions(current, element), env);
  } catch (error) {
    failMount(element, error, current.locale);
  }
  return {
    update(next) {
      current = { ...current, ...next };
      const normalized = normalizeOptions(current, element);
      if (widget) widget.update(normalized);
      else widget = new ReviewsWidget(element, normalized, env);
    },
    destroy() {
      if (widget) widget.destroy();
      widget = null;
    },
  };
}

function mountFromScriptTag() {
  if (!ownScript || ownScript.dataset.product === undefined) return;
  let host = /** @type {HTMLElement | null} */ (document.querySelector('[data-vouch-reviews]'));
  if (!host) {
    host = document.createElement('div');
    // The attribute docs/embedding.md styles (and a later script tag finds).
    host.setAttribute('data-vouch-reviews', '');
    if (ownScript.parentNode) ownScript.after(host);
    else document.body.append(host);
  }
  const raw = { ...optionsFromElement(ownScript, { data: true }), ...optionsFromElement(host, { data: true }) };
  try {
    new ReviewsWidget(host, normalizeOptions(raw, host), env); // eslint-disable-line no-new
  } catch (error) {
    failMount(host, error, raw.locale || document.documentElement.lang);
  }
}

const existing = window.Vouch;
if (!existing || !existing.mount) {
  window.Vouch = Object.freeze({ mount });
  if (window.customElements) {
    defineReviewsElement(env);
    defineStarsElement(env);
  }
}
mountFromScriptTag();
