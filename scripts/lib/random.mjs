// One seeded pseudo-random generator (mulberry32) for everything that must make
// the same data on every run: demo seeding and pictures, test fixtures, benchmarks.

/**
 * @param {number} seed
 * @returns {() => number} a function returning numbers in [0, 1)
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
