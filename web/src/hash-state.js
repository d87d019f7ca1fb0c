// @ts-check
// The view (filters, sort, search, page) kept in the URL hash, so a shared
// link opens the same view: #vouch=sku-123&stars=45&sort=highest&page=2&q=fit
// Only one widget per page owns the hash (the first full widget). It writes
// with history.replaceState: filtering does not flood the back button.

const KEYS = ['vouch', 'stars', 'verified', 'photos', 'topic', 'q', 'sort', 'page'];

/** The state for `product` in the current hash, or null. */
export function readHash(product) {
  const raw = location.hash.replace(/^#/, '');
  if (!raw.startsWith('vouch=')) return null;
  const params = new URLSearchParams(raw);
  if (params.get('vouch') !== product) return null;
  const stars = (params.get('stars') || '').split('').reduce((mask, digit) => {
    const n = Number(digit);
    return n >= 1 && n <= 5 ? mask | (1 << (n - 1)) : mask;
  }, 0);
  const page = Math.max(0, Math.min(100000, Math.floor(Number(params.get('page') || 1) - 1) || 0));
  return {
    stars,
    verified: params.get('verified') === '1',
    media: params.get('photos') === '1',
    topic: params.get('topic') || '',
    search: (params.get('q') || '').slice(0, 200),
    sort: params.get('sort') || undefined,
    page,
  };
}

/** Writes the state (or clears the hash when the view is the default one). */
export function writeHash(product, state, defaults) {
  const params = new URLSearchParams();
  params.set('vouch', product);
  let stars = '';
  for (let n = 5; n >= 1; n -= 1) if (state.stars & (1 << (n - 1))) stars += n;
  if (stars) params.set('stars', stars);
  if (state.verified) params.set('verified', '1');
  if (state.media) params.set('photos', '1');
  if (state.topic) params.set('topic', state.topic);
  if (state.search) params.set('q', state.search);
  if (state.sort !== defaults.sort) params.set('sort', state.sort);
  if (state.page > 0) params.set('page', String(state.page + 1));
  const isDefault = [...params.keys()].length === 1;
  const ours = location.hash.startsWith('#vouch=');
  if (isDefault && !ours) return;
  const url = location.pathname + location.search + (isDefault ? '' : `#${params}`);
  try {
    history.replaceState(history.state, '', url);
  } catch (error) {
    // Sandboxed frames may refuse; the view still works, only the link does not carry it.
  }
}

export const HASH_KEYS = KEYS;
