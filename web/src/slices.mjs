// @ts-check
// Long work in slices, each its own task of about SLICE_MS, so the page stays
// responsive (issue 19: no main-thread task over 50 ms): the search index
// (search-prep.js) and the snapshot load (wasm-snapshot.mjs) both run here.
// `.mjs`: Node (the tests, the bench) imports it too; MessageChannel and
// performance exist in both.

export const SLICE_MS = 12;

/** Runs `task` in a new task soon, without setTimeout's 4 ms clamp on chains. */
export function soon(task) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(0);
}

/** Resolves in a new task (work after it does not lengthen the current one). */
export function nextTask() {
  return new Promise((resolve) => soon(resolve));
}

/**
 * Calls `step(budget)` once per task until it returns true; each budget (in
 * work units, reviews for both callers) is scaled from the previous step's
 * time to stay near SLICE_MS (at most doubled: the next phase of the work
 * may cost more per unit). Resolves true when done, false when `current()`
 * turned false first (the work was abandoned); rejects when a step throws.
 * @param {(budget: number) => boolean} step
 * @param {() => boolean} current
 * @param {number} [budget] the first step's
 * @returns {Promise<boolean>}
 */
export function runInSlices(step, current, budget = 200) {
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        if (!current()) return resolve(false);
        const start = performance.now();
        if (step(budget)) return resolve(true);
        const took = Math.max(performance.now() - start, 0.5);
        budget = Math.max(20, Math.min(budget * 2, Math.round((budget * SLICE_MS) / took)));
        soon(slice);
      } catch (error) {
        reject(error);
      }
      return undefined;
    };
    soon(slice);
  });
}
