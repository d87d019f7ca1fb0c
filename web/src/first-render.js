// @ts-check
// The first render without the wasm (issue 19). The review server (GET
// /api/v1/products/{id}/first) or a static export (<snapshot>.first-<locale>.json)
// answers with the view's markup and the shell's, rendered by the same C++
// renderer the wasm runs; the widget shows it at once and loads the wasm and
// the full snapshot after (at idle, or at the first sort, filter or search).
// So the first render costs vouch.js + one small answer whatever the product's size.
//
// The markup is adopted only if it is what the core emits: it is parsed inert
// (a <template>), and one element or attribute the core never writes (a
// script, an event handler, a style, a URL that is not http(s)) refuses the
// whole answer; the widget then renders from the wasm as before.
import { fallbackLocale } from './fallback.js';
import { setCoreHTML } from './trusted-html.js';

const TAGS = new Set('article button dd details div dl dt figcaption figure form h3 img input label li mark meter nav ol option p section select span summary time ul'.split(' '));
const ATTRIBUTES = new Set('alt autocomplete class datetime decoding for height hidden id lang loading max min name role selected src tabindex type value width'.split(' '));
const ID_REFERENCES = ['id', 'for', 'aria-controls', 'aria-describedby', 'aria-labelledby'];
// The shell's defaults (options.js shellConfig): what a static export renders with.
const DEFAULT_SHELL = { verifiesPurchases: true, moderatesBeforePublishing: true, acceptsUnverified: true, offersIncentives: false, importedFrom: '' };
const SHELL_PARAMS = {
  verifiesPurchases: 'verifies_purchases',
  moderatesBeforePublishing: 'moderates_before_publishing',
  acceptsUnverified: 'accepts_unverified',
  offersIncentives: 'offers_incentives',
  importedFrom: 'imported_from',
};

/** True when `state` is the default view a static export renders. */
function isDefaultView(options, state) {
  return !state.stars && !state.verified && !state.media && !state.topic && !state.search && !state.page &&
    state.sort === 'newest' && options.pageSize === 10 && options.paging === 'pages';
}

/**
 * Where the first response for this view lives, or '' when there is none
 * (a static store's export holds the default view only, per locale).
 * @returns {{ url: string, exactShell: boolean }}
 */
export function firstRenderUrl(options, state) {
  const locale = fallbackLocale(options.locale);
  if (options.snapshot) {
    const url = new URL(options.snapshot);
    if (!/\.(bin|json)$/.test(url.pathname) || !isDefaultView(options, state)) return { url: '', exactShell: false };
    url.pathname = url.pathname.replace(/\.(bin|json)$/, `.first-${locale}.json`);
    url.search = '';
    const exactShell = Object.keys(DEFAULT_SHELL).every((key) => options.config[key] === DEFAULT_SHELL[key]);
    return { url: url.href, exactShell };
  }
  const params = new URLSearchParams({ locale });
  const add = (name, value, fallback) => value !== fallback && params.set(name, String(value));
  add('sort', state.sort, 'newest');
  add('page_size', options.pageSize, 10);
  add('paging', options.paging, 'pages');
  add('stars', state.stars, 0);
  add('verified', state.verified, false);
  add('media', state.media, false);
  add('topic', state.topic, '');
  add('q', state.search, '');
  add('page', state.page, 0);
  for (const [key, name] of Object.entries(SHELL_PARAMS)) add(name, options.config[key], DEFAULT_SHELL[key]);
  return { url: `${options.api}/api/v1/products/${encodeURIComponent(options.product)}/first?${params}`, exactShell: true };
}

/** The answer matches the view asked for (a stale CDN copy or another product does not). */
function matches(first, options, state) {
  const view = first && first.view;
  return Boolean(view) && first.version === 1 && first.product === options.product &&
    first.locale === fallbackLocale(options.locale) && typeof first.html === 'string' && typeof first.shell === 'string' &&
    typeof first.id_prefix === 'string' && /^[A-Za-z0-9-]+$/.test(first.id_prefix) &&
    view.stars === state.stars && view.verified === state.verified && view.media === state.media &&
    view.topic === state.topic && view.search === state.search && view.sort === state.sort && view.page === state.page &&
    view.page_size === options.pageSize && view.show_more === (options.paging === 'more');
}

/**
 * Fetches the first response; null when there is none or it is not usable
 * (the widget then loads the wasm and the snapshot as before).
 */
export async function fetchFirstRender(options, state) {
  const { url, exactShell } = firstRenderUrl(options, state);
  if (!url) return null;
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) return null;
    const first = await response.json();
    return matches(first, options, state) ? { ...first, exactShell } : null;
  } catch (error) {
    return null;
  }
}

/**
 * The core's markup, parsed inert and checked, with ids renamed from the
 * served prefix to the widget's. A fragment to append, or null when any node
 * is not one the core writes.
 */
export function adoptMarkup(html, servedPrefix, idPrefix) {
  const template = document.createElement('template');
  setCoreHTML(template, html);
  const from = `${servedPrefix}-`;
  for (const element of template.content.querySelectorAll('*')) {
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !TAGS.has(element.localName)) return null;
    for (const { name, value } of [...element.attributes]) {
      if (!ATTRIBUTES.has(name) && !/^(data|aria)-[a-z-]+$/.test(name)) return null;
      if (name === 'src' && !/^https?:\/\//i.test(value)) return null;
    }
    for (const name of ID_REFERENCES) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.split(' ').map((id) => (id.startsWith(from) ? idPrefix + id.slice(servedPrefix.length) : id)).join(' '));
    }
  }
  return template.content;
}
