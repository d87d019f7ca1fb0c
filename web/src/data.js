// @ts-check
// Network: the product's snapshot (from the review server or a static file),
// summaries for star badges, submissions, votes and reports.
import { vouchError } from './events.js';

export const BINARY_TYPE = 'application/vnd.vouch.snapshot';

/**
 * Where the fragment (server-rendered reviews) lives: the fallback's link.
 * @param {{ reviewsUrl: string, api: string, product: string }} options
 */
export function fragmentUrl(options) {
  if (options.reviewsUrl) return options.reviewsUrl;
  if (options.api) return `${options.api}/api/v1/products/${encodeURIComponent(options.product)}/fragment`;
  return '';
}

/**
 * @param {{ snapshot: string, api: string, product: string }} options
 * @param {string} [fresh] after the shopper's own review was published: its id,
 *   to skip every cache (the browser's and a CDN's, which may serve a snapshot
 *   for max-age + stale-while-revalidate) so the review shows at once.
 * @returns {Promise<{ parts: Uint8Array[], json: boolean }>} the body in parts (see bodyParts)
 */
export async function fetchSnapshot(options, fresh) {
  let url = options.snapshot || `${options.api}/api/v1/products/${encodeURIComponent(options.product)}/snapshot`;
  if (fresh) url += `${url.includes('?') ? '&' : '?'}fresh=${encodeURIComponent(fresh)}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: `${BINARY_TYPE}, application/json;q=0.5` }, credentials: 'omit', cache: fresh ? 'no-store' : 'default' });
  } catch (error) {
    throw vouchError('network', `the reviews could not be loaded from ${url} (${error.message})`);
  }
  if (!response.ok) throw vouchError('snapshot_http', `the reviews could not be loaded: HTTP ${response.status} from ${url}`);
  let parts;
  try {
    parts = await bodyParts(response);
  } catch (error) {
    throw vouchError('network', `the reviews could not be read from ${url} (${error.message})`);
  }
  const type = (response.headers.get('Content-Type') || '').toLowerCase();
  // A static host may not know our media type: '{' (after optional spaces) is JSON.
  const json = type.includes('json') || (!type.includes(BINARY_TYPE) && firstByte(parts) === 0x7b);
  return { parts, json };
}

/**
 * The body in the parts it arrived in. `arrayBuffer()` assembles a large body
 * in one main-thread task (56-173 ms for 38 MB at 100k reviews, issue 19);
 * read part by part, no task holds more than one part, and the Store copies
 * the parts into its own buffer (wasm-snapshot.mjs), so they are never joined.
 * @param {Response} response
 * @returns {Promise<Uint8Array[]>}
 */
async function bodyParts(response) {
  if (!response.body || typeof response.body.getReader !== 'function') return [new Uint8Array(await response.arrayBuffer())];
  const reader = response.body.getReader();
  const parts = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    if (value && value.length) parts.push(value);
  }
}

/** The first byte that is not white space, or -1. */
function firstByte(parts) {
  for (const part of parts) for (const byte of part) if (byte > 0x20) return byte;
  return -1;
}

async function postJson(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
  return statusAndPayload(response);
}

/** The status and the JSON body (null when the body is not JSON, e.g. a proxy's HTML error page). */
async function statusAndPayload(response) {
  let payload = null;
  try {
    payload = await response.json();
  } catch (error) {
    payload = null;
  }
  return { status: response.status, payload };
}

/** A random id for this browser (votes: one per visitor and review). */
export function visitorId() {
  const make = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    let id = localStorage.getItem('vouch-visitor');
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = make();
      localStorage.setItem('vouch-visitor', id);
    }
    return id;
  } catch (error) {
    return make();
  }
}

export function sendVote(options, reviewId, vote) {
  return postJson(`${options.api}/api/v1/reviews/${encodeURIComponent(reviewId)}/votes`, { vote, visitor: visitorId() });
}

export function sendReport(options, reviewId, reason) {
  return postJson(`${options.api}/api/v1/reviews/${encodeURIComponent(reviewId)}/reports`, { reason, visitor: visitorId() });
}

/**
 * The signed review link the store e-mailed after an order lands on the product
 * page as ?review_token=...; the server checks it and marks the review "verified
 * purchase" (or silently leaves it unverified). docs/quickstart.md shows the link.
 */
export function reviewLinkToken() {
  try {
    return new URL(window.location.href).searchParams.get('review_token') || '';
  } catch (error) {
    return '';
  }
}

/**
 * The star a review-request mail's link chose (?vouch_rating=1..5, beside
 * review_token): the form opens with it checked. Anything else is 0 (ignored).
 */
export function linkRating() {
  try {
    const value = new URL(window.location.href).searchParams.get('vouch_rating');
    return /^[1-5]$/.test(value || '') ? Number(value) : 0;
  } catch (error) {
    return 0;
  }
}

/**
 * Posts a review: JSON, or multipart with a "review" part when there are photos.
 * @returns {Promise<{ status: number, payload: any }>}
 */
export async function sendReview(options, submission, files, locale, idempotencyKey) {
  const url = `${options.api}/api/v1/products/${encodeURIComponent(options.product)}/reviews`;
  const headers = { 'Accept-Language': locale, 'Idempotency-Key': idempotencyKey };
  const token = reviewLinkToken();
  if (token) submission = { ...submission, token };
  if (!files.length) return postJson(url, submission, headers);
  const body = new FormData();
  body.append('review', new Blob([JSON.stringify(submission)], { type: 'application/json' }), 'review.json');
  for (const file of files) body.append('photos', file, file.name);
  return statusAndPayload(await fetch(url, { method: 'POST', headers, body, credentials: 'omit' }));
}

// ---- star badges: one request for every badge on the page ------------------
const pending = new Map(); // api -> Map(product -> [resolve, reject][])
let flushScheduled = false;

/** The summary of `product` ({count, average_tenths, ...}), batched per API. */
export function fetchSummary(api, product) {
  return new Promise((resolve, reject) => {
    if (!pending.has(api)) pending.set(api, new Map());
    const waiting = pending.get(api);
    if (!waiting.has(product)) waiting.set(product, []);
    waiting.get(product).push([resolve, reject]);
    if (!flushScheduled) {
      flushScheduled = true;
      // A macrotask: every badge parsed in this turn joins the same request.
      setTimeout(flushSummaries, 0);
    }
  });
}

function flushSummaries() {
  flushScheduled = false;
  for (const [api, waiting] of pending) {
    pending.delete(api);
    const ids = [...waiting.keys()];
    for (let start = 0; start < ids.length; start += 100) {
      const chunk = ids.slice(start, start + 100); // the server takes 100 ids per request
      const url = `${api}/api/v1/summaries?products=${chunk.map(encodeURIComponent).join(',')}`;
      fetch(url, { credentials: 'omit' })
        .then((response) => {
          if (!response.ok) throw vouchError('summary_http', `HTTP ${response.status} from ${url}`);
          return response.json();
        })
        .then((payload) => {
          for (const id of chunk) {
            const summary = payload && payload.summaries && payload.summaries[id];
            for (const [resolve] of waiting.get(id)) resolve(summary || { count: 0, average_tenths: 0 });
          }
        })
        .catch((error) => {
          for (const id of chunk) for (const [, reject] of waiting.get(id)) reject(error);
        });
    }
  }
}

// ---- star badges of a static store: one exported summaries.json ----------
const staticFiles = new Map(); // url -> Promise of its "summaries" object

/** The summary of `product` from a static summaries.json (fetched once per page). */
export function fetchStaticSummary(url, product) {
  if (!staticFiles.has(url)) {
    const file = fetch(url, { credentials: 'omit' })
      .then((response) => {
        if (!response.ok) throw vouchError('summary_http', `HTTP ${response.status} from ${url}`);
        return response.json().catch((error) => {
          throw vouchError('invalid_summaries', `${url} is not JSON (${error.message}); expected the summaries.json of vouch-server export --static`);
        });
      })
      .then((payload) => {
        const summaries = payload && payload.summaries;
        if (!summaries || typeof summaries !== 'object' || Array.isArray(summaries)) {
          throw vouchError('invalid_summaries', `${url}: expected {"summaries": {product id: summary}} (vouch-server export --static)`);
        }
        return summaries;
      });
    file.catch(() => staticFiles.delete(url)); // a later badge may try again
    staticFiles.set(url, file);
  }
  return staticFiles.get(url).then((summaries) => {
    const summary = Object.prototype.hasOwnProperty.call(summaries, product) ? summaries[product] : null;
    return summary && typeof summary === 'object' ? summary : { count: 0, average_tenths: 0 };
  });
}
