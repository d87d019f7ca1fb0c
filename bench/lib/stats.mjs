// Small helpers for reporting: medians (the bench's only statistic: the
// machine is shared and noisy) and number formatting for RESULTS.md.
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
export const kb = (bytes) => (bytes / 1024).toFixed(1);
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
