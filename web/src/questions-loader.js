// @ts-check
// The Questions section's hook in the first-render bundle (issue 17): a
// placeholder region after the reviews, and the Q&A module (vouch-qa.js +
// vouch-qa.wasm) imported only when that region nears the viewport, like the
// widget's own lazy loading. Everything else lives in the module
// (web/src/questions.js), so the first-render payload stays as it was.
import { instantiate } from './core-loader.js';
import { emit, vouchError } from './events.js';
import { whenNearViewport } from './lazy.js';

let modulePromise = null;

function loadQaModule(env) {
  if (!modulePromise) {
    modulePromise = import(/* webpackIgnore: true */ env.qaUrl)
      .then(async (exports) => ({ exports, core: await instantiate(exports.createVouchQa, env.qaWasmUrl) }))
      .catch((error) => {
        modulePromise = null; // a later widget may retry
        throw vouchError('qa_unavailable', `the questions could not be loaded from ${env.qaUrl} (${error.message})`);
      });
  }
  return modulePromise;
}

/**
 * Adds the Questions region to a rendered widget; null when the widget has no
 * questions source (data-qa="off", or a static store without data-questions).
 * @returns {{ destroy: () => void } | null}
 */
export function mountQuestions(widget) {
  const { options } = widget;
  // A widget reading a static snapshot reads its questions from a static file
  // too (data-questions), even when data-api names where writes go: without one
  // it has no Questions section rather than asking a server for data it never
  // serves it (docs/embedding.md).
  const source = options.snapshot ? options.questions : options.questions || options.api;
  if (options.qa === 'off' || !source) return null;
  const region = document.createElement('div');
  region.dataset.region = 'questions';
  widget.frame.append(region);
  // A tab beside the reviews is as near as the widget itself; a section after
  // them waits for its own place on the page.
  const lazy = whenNearViewport(options.qa === 'tab' ? widget.host : region, '600px');
  const handle = {
    section: null,
    destroy() {
      lazy.cancel();
      if (handle.section) handle.section.destroy();
    },
  };
  lazy.promise
    // The tab label uses the core's catalogue: after a first render from the
    // server's first response the core may still be on its way.
    .then(() => Promise.all([loadQaModule(widget.env), widget.core || widget.ensureCore()]))
    .then(([loaded]) => loaded)
    .then(({ exports, core }) => {
      if (widget.destroyed || !region.isConnected) return undefined;
      handle.section = new exports.QuestionsSection(widget, region, core);
      return handle.section.start();
    })
    .catch((error) => emit(widget.host, 'vouch:error', { product: options.product, code: error.code || 'qa_unavailable', message: error.message }));
  return handle;
}
