// The admin API, same origin, cookie session. Every write carries the session's
// CSRF token (X-CSRF-Token); a 401 anywhere sends the owner back to the login page.
export class ApiError extends Error {
  constructor(status, body, retryAfter) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || '';
    this.body = body || {};
    this.retryAfter = retryAfter;
  }
}

let csrf = '';
let onUnauthorized = () => {};

export function setCsrf(token) {
  csrf = token || '';
}
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * `body`: an object (sent as JSON), a Blob/File (sent as is), or undefined.
 * `as`: 'json' (default) or 'blob' (downloads).
 */
export async function api(method, path, body, { as = 'json', login = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body instanceof Blob) {
    init.body = body;
    headers['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`/api/v1/admin/${path}`, init);
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    const error = new ApiError(response.status, data, response.headers.get('Retry-After'));
    if (response.status === 401 && !login) onUnauthorized(error);
    throw error;
  }
  if (response.status === 204) return {};
  if (as === 'blob') return { blob: await response.blob(), type: response.headers.get('Content-Type') || '' };
  return response.json();
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
