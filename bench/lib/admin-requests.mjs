// Sequential admin-API requests over loopback, timed round trip (fetch, whole
// body read): the inbox and analytics parts of the bench.

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** GETs each URL in turn with the bearer token; p50/p95 ms and the last answer's text. */
export async function timeAdminRequests(urls, token) {
  const headers = { Authorization: `Bearer ${token}` };
  const times = [];
  let text = '';
  for (const url of urls) {
    const begin = performance.now();
    const response = await fetch(url, { headers });
    text = await response.text();
    times.push(performance.now() - begin);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), text };
}
