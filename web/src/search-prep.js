// @ts-check
// Search is about to be used (focus on the box, or a query in the hash at
// load): fetch the Traditional -> Simplified fold table (web/src/han-fold.js),
// then build the index while the shopper types. Without the table search
// still works unfolded; the failure is reported and the next focus tries
// again. When the table arrives after a search was shown, the view is searched
// again: the core rebuilds the index, so index and query fold alike.
// The index is built in slices (Store.prepareSearchStep), each its own task of
// about SLICE_MS (issue 19: at 100k reviews the build in one go blocked the
// page for seconds); a search before the last slice finishes it at once.
import { loadHanFold } from './han-fold.js';

const SLICE_MS = 12;

/** Runs `task` in a new task soon, without setTimeout's 4 ms clamp on chains. */
function soon(task) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(0);
}

/**
 * Builds the store's search index a slice at a time; each slice's budget (in
 * reviews) is scaled from the last one's time to stay near SLICE_MS.
 * @param {any} store
 * @param {() => boolean} current false once the store is replaced or gone
 */
function buildInSlices(store, current) {
  let budget = 200;
  const slice = () => {
    if (!current()) return;
    const start = performance.now();
    if (store.prepareSearchStep(budget)) return;
    const took = Math.max(performance.now() - start, 0.5);
    budget = Math.max(20, Math.min(budget * 4, Math.round((budget * SLICE_MS) / took)));
    soon(slice);
  };
  soon(slice);
}

export class SearchPreparation {
  /**
   * @param {{ core: () => any, store: () => any, hanFoldUrl: string, current: (store: any) => boolean,
   *   installed: () => boolean, error: (code: string, message: string) => void }} context
   *   installed(): the fold table changed search results (re-render a shown search)
   */
  constructor(context) {
    this.context = context;
    this.started = false;
  }

  /** A new snapshot: its index is not built yet. */
  reset() {
    this.started = false;
  }

  start() {
    const { context } = this;
    const store = context.store();
    if (!store || this.started) return;
    this.started = true;
    const current = () => context.current(store);
    const build = () => buildInSlices(store, current);
    loadHanFold(context.core(), context.hanFoldUrl).then(
      (installed) => {
        if (!current()) return;
        if (installed && !context.installed()) return;
        build();
      },
      (error) => {
        if (!current()) return;
        this.started = false; // the next focus tries again
        build();
        context.error(error.code || 'search_fold_unavailable', error.message);
      },
    );
  }
}
