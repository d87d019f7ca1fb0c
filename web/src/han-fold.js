// @ts-check
// Traditional -> Simplified search folding, on demand. The table (2,429 OpenCC
// pairs) is not in the first render's vouch-core.wasm: it is data,
// vouch-han-fold.bin beside vouch.js, fetched when a shopper reaches for the
// search box or a view with a query is loaded, and installed into the core
// (shared by every widget on the page) before the index is built. Without it
// search still works, folding case, width and accents only; a failed fetch is
// reported by the caller and tried again on the next attempt.
import { vouchError } from './events.js';
import { setHanFoldInto } from './wasm-snapshot.mjs';

/** @type {Promise<boolean> | null} the fetch + install in flight, shared by every widget */
let pending = null;
let failures = 0;

/**
 * @param {import('./wasm-types/vouch-core').VouchCoreModule} core the vouch-core module
 * @param {string} url absolute URL of vouch-han-fold.bin
 * @returns {Promise<boolean>} true when this load installed the table (search
 *   results change), false when it was in force already. Rejects with a
 *   vouchError: 'search_fold_unavailable' (fetch failed) or 'invalid_han_fold'.
 */
export function loadHanFold(core, url) {
  if (core.hasHanFold()) return Promise.resolve(false);
  if (!pending) {
    pending = fetchAndInstall(core, url).then(
      () => {
        pending = null;
        return true;
      },
      (error) => {
        pending = null;
        failures += 1;
        throw error;
      },
    );
  }
  return pending;
}

/**
 * @param {import('./wasm-types/vouch-core').VouchCoreModule} core
 * @param {string} url
 */
async function fetchAndInstall(core, url) {
  let bytes;
  try {
    // Like the .wasm: from another origin it needs CORS (docs/embedding.md).
    // A retry skips the HTTP cache, which may hold the failed answer.
    const response = await fetch(url, { credentials: 'omit', cache: failures ? 'no-store' : 'default' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw vouchError('search_fold_unavailable', `search works without Traditional/Simplified Chinese folding: ${url} could not be loaded (${error.message})`);
  }
  const status = setHanFoldInto(core, bytes);
  if (!status.ok) throw vouchError(status.code, `search works without Traditional/Simplified Chinese folding: ${url} is not usable (${status.message})`);
}
