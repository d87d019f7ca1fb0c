// @ts-check
// Search is about to be used (focus on the box, or a query in the hash at
// load): fetch the Traditional -> Simplified fold table (web/src/han-fold.js),
// then build the index while the shopper types. Without the table search
// still works unfolded; the failure is reported and the next focus tries
// again. When the table arrives after a search was shown, the view is searched
// again: the core rebuilds the index, so index and query fold alike.
// The index is built in slices (Store.prepareSearchStep), each its own task of
// about 12 ms (slices.mjs; issue 19: at 100k reviews the build in one go blocked the
// page for seconds); a search before the last slice finishes it at once.
import { loadHanFold } from './han-fold.js';
import { runInSlices } from './slices.mjs';

/**
 * Builds the store's search index a slice at a time (slices.mjs).
 * @param {any} store
 * @param {() => boolean} current false once the store is replaced or gone
 */
function buildInSlices(store, current) {
  runInSlices((budget) => store.prepareSearchStep(budget), current).catch(() => {});
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
