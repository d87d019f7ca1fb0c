// @ts-check
// Widget options from the three ways of embedding: the script tag's data-*
// attributes, a custom element's attributes, or the object given to
// Vouch.mount(). All end up as one normalised WidgetOptions.
import { vouchError } from './events.js';

/** attribute name (custom element) -> option name */
const ATTRIBUTES = {
  product: 'product',
  api: 'api',
  snapshot: 'snapshot',
  locale: 'locale',
  theme: 'theme',
  'page-size': 'pageSize',
  sort: 'sort',
  paging: 'paging',
  'reviews-url': 'reviewsUrl',
  config: 'config',
  policy: 'policy',
  'hash-state': 'hashState',
  questions: 'questions',
  qa: 'qa',
};

export const OPTION_ATTRIBUTES = Object.keys(ATTRIBUTES);

/**
 * Raw options from `data-*` (script tag, [data-vouch-reviews]) or plain attributes.
 * @param {Element} element
 * @param {{ data: boolean }} how
 * @returns {Record<string, string>}
 */
export function optionsFromElement(element, { data }) {
  /** @type {Record<string, string>} */
  const raw = {};
  for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
    const value = element.getAttribute(data ? `data-${attribute}` : attribute);
    if (value !== null) raw[option] = value;
  }
  return raw;
}

function parseJsonOption(name, value) {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return value;
  try {
    return JSON.parse(String(value));
  } catch (error) {
    throw vouchError('invalid_option', `${name} must be JSON (${error.message})`);
  }
}

const CONFIG_FLAGS = {
  verifies_purchases: 'verifiesPurchases',
  moderates_before_publishing: 'moderatesBeforePublishing',
  accepts_unverified: 'acceptsUnverified',
  offers_incentives: 'offersIncentives',
};

/**
 * data-config (the store's collection facts, docs/embedding.md) -> the core's
 * ShellConfig value object. Types are checked here because Embind would coerce
 * "yes" to true; the core checks the app names' encoding and lengths.
 */
function shellConfig(config) {
  /** @type {import('./wasm-types/vouch-core').ShellConfig} */
  const shell = { verifiesPurchases: true, moderatesBeforePublishing: true, acceptsUnverified: true, offersIncentives: false, importedFrom: '' };
  if (config === undefined) return shell;
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw vouchError('invalid_config', 'config: expected an object');
  for (const [key, field] of Object.entries(CONFIG_FLAGS)) {
    if (config[key] === undefined) continue;
    if (typeof config[key] !== 'boolean') throw vouchError('invalid_config', `config.${key}: expected true or false`);
    shell[field] = config[key];
  }
  const apps = config.imported_from;
  if (apps !== undefined) {
    if (!Array.isArray(apps)) throw vouchError('invalid_config', 'config.imported_from: expected an array of strings');
    apps.forEach((app, i) => {
      if (typeof app !== 'string' || app.includes('\n')) throw vouchError('invalid_config', `config.imported_from[${i}]: expected a string (one line)`);
    });
    shell.importedFrom = apps.join('\n');
  }
  return shell;
}

/** http(s) URL resolved against the page, or '' (never javascript:, data: ...). */
export function safeUrl(value) {
  if (!value) return '';
  try {
    const url = new URL(String(value), document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch (error) {
    return '';
  }
}

/** The page's language for `element`: the nearest lang attribute, else <html lang>. */
function pageLanguage(element) {
  const withLang = element && element.closest && element.closest('[lang]');
  return (withLang && withLang.getAttribute('lang')) || document.documentElement.lang || 'en';
}

/**
 * What this widget can do, derived from its options: writing, voting and
 * reporting need the review server's POST routes (data-api). A static store
 * (data-snapshot alone) reads only, and the widget hides those controls
 * rather than showing buttons that cannot work.
 * @returns {{ write: boolean, vote: boolean, report: boolean }}
 */
export function capabilities(options) {
  const server = Boolean(options.api);
  return { write: server, vote: server, report: server };
}

/**
 * @param {Record<string, any>} raw options as given (strings from attributes or typed values)
 * @param {Element} host where the widget renders (for the page language)
 */
export function normalizeOptions(raw, host) {
  const product = raw.product === undefined ? '' : String(raw.product).trim();
  if (!product) throw vouchError('invalid_option', 'product is required (data-product="your-product-id")');
  const pageSize = raw.pageSize === undefined ? 10 : Number(raw.pageSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw vouchError('invalid_option', `page size must be an integer 1..100, not "${raw.pageSize}"`);
  }
  const theme = raw.theme || 'auto';
  if (!['auto', 'light', 'dark'].includes(theme)) {
    throw vouchError('invalid_option', `theme must be auto, light or dark, not "${theme}"`);
  }
  const paging = raw.paging || 'pages';
  if (!['pages', 'more'].includes(paging)) {
    throw vouchError('invalid_option', `paging must be "pages" or "more", not "${paging}"`);
  }
  const api = raw.api ? safeUrl(raw.api).replace(/\/+$/, '') : '';
  const snapshot = safeUrl(raw.snapshot);
  if (!api && !snapshot) {
    throw vouchError('invalid_option', 'set data-api (the review server) or data-snapshot (a static snapshot file)');
  }
  // The Questions section (issue 17): after the reviews ("section"), as a tab
  // beside them ("tab") or none ("off"); a static store shows it only with
  // data-questions (the exported products/<file>.questions.json).
  const qa = raw.qa || 'section';
  if (!['section', 'tab', 'off'].includes(qa)) {
    throw vouchError('invalid_option', `qa must be "section", "tab" or "off", not "${qa}"`);
  }
  const config = parseJsonOption('config', raw.config);
  const policy = parseJsonOption('policy', raw.policy);
  return {
    product,
    api,
    snapshot,
    locale: raw.locale || pageLanguage(host),
    theme,
    pageSize,
    sort: raw.sort || 'newest',
    paging,
    reviewsUrl: safeUrl(raw.reviewsUrl),
    config: shellConfig(config),
    policy: policy === undefined ? '' : JSON.stringify(policy),
    questions: safeUrl(raw.questions),
    qa,
    hashState: raw.hashState === undefined ? true : raw.hashState !== false && raw.hashState !== 'false',
  };
}

/** @typedef {ReturnType<typeof normalizeOptions>} WidgetOptions one widget's options, normalised */
