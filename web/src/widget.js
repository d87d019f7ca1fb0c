// @ts-check
// One reviews widget: a Shadow DOM on `host`, filled with the core's markup.
// Lifecycle: hold space (space-hold.js) -> wait until near the viewport ->
// show the product's first response (first-render.js: no wasm, a few KB) ->
// load the core at idle and the full snapshot at the first sort, filter or
// search (or, without a usable first response, both first, then render) ->
// react to delegated events (web/src/actions.js) -> destroy. The parts live in their own modules: the
// view and its URL hash (view-state.js), votes (votes.js), reports
// (reports.js), the form (form-module.js, with a narrow context), search
// preparation (search-prep.js), focus (focus.js), dates (dates.js) and the fonts
// the first render needs, found before it (glyph-warmup.js).
// The only C++ handle is the Store, freed by destroy().
import { WidgetEvents } from './actions.js';
import { fetchSnapshot, fragmentUrl, linkRating } from './data.js';
import { dateFormat, formatDates } from './dates.js';
import { emit, vouchError } from './events.js';
import { fallbackLink, fallbackLocale, showFallback } from './fallback.js';
import { adoptMarkup, fetchFirstRender } from './first-render.js';
import { focusStatus, rememberFocus } from './focus.js';
import { ACTION, DATASET, HOOK } from './generated/dom-contract.js';
import { jsonToBinary, loadFormModule, mountForm } from './form-module.js';
import { whenNearViewport } from './lazy.js';
import { Lightbox } from './lightbox.js';
import { loadCore } from './core-loader.js';
import { capabilities } from './options.js';
import { updateView } from './regions.js';
import { fillExpected, showCards } from './card-slots.js';
import { warmGlyphs } from './glyph-warmup.js';
import { Reports } from './reports.js';
import { SearchPreparation } from './search-prep.js';
import { byAction, byHook } from './selectors.js';
import { mountQuestions } from './questions-loader.js';
import { attachStyles } from './shadow.js';
import { measureReserve, SpaceHold } from './space-hold.js';
import { setCoreHTML } from './trusted-html.js';
import { ViewState } from './view-state.js';
import { Votes } from './votes.js';
import { joinParts, loadBinaryInSlices } from './wasm-snapshot.mjs';

let widgetCount = 0;
// The one widget that answered the page's ?vouch_rating= (a page may hold several).
let linkClaimed = false;

/** The shopper's own review's card in `element` (a part or a card just parsed) gets v-own. */
function markOwnReview(element, reviewId) {
  for (const card of /** @type {NodeListOf<HTMLElement>} */ (element.querySelectorAll('.v-card'))) {
    if (card.dataset[DATASET.id] === reviewId) card.classList.add('v-own');
  }
}

/** After the first render, when the browser has nothing else to do. */
function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 3000 });
  else setTimeout(callback, 200);
}


export class ReviewsWidget {
  /**
   * @param {HTMLElement} host
   * @param {import('./options.js').WidgetOptions} options normalised (options.js)
   * @param {import('./widget-env').WidgetEnv} env
   */
  constructor(host, options, env) {
    this.host = host;
    this.options = options;
    this.env = env;
    this.idPrefix = `vouch${(widgetCount += 1)}`;
    /** @type {import('./wasm-types/vouch-core').VouchCoreModule | null} */
    this.core = null;
    /** @type {import('./wasm-types/vouch-core').Store | null} */
    this.store = null;
    this.destroyed = false;
    this.generation = 0;
    this.ownReview = ''; // the review this shopper just published (showOwnReview)
    // Measured before the shadow styles apply: :host resets the page's min-height.
    this.hold = new SpaceHold(measureReserve(host));
    this.root = attachStyles(host);
    this.viewState = new ViewState(this, options);
    this.events = new WidgetEvents(this);
    this.lightbox = new Lightbox(this.root);
    this.votes = new Votes({
      options: () => this.options,
      uiText: (key, count) => this.core.uiText(key, count, this.locale),
      error: (code, message) => emit(this.host, 'vouch:error', { code, message }),
    });
    this.reports = new Reports({
      env,
      host,
      idPrefix: this.idPrefix,
      options: () => this.options,
      locale: () => this.locale,
      unavailable: (error) => this.formUnavailable(error, false),
    });
    this.search = new SearchPreparation({
      core: () => this.core,
      store: () => this.store,
      hanFoldUrl: env.hanFoldUrl,
      current: (store) => !this.destroyed && store === this.store,
      installed: () => this.searchAgain(),
      error: (code, message) => emit(this.host, 'vouch:error', { product: this.options.product, code, message }),
    });
    this.form = null;
    this.formMount = null; // the promise of mounting the form (once per shell)
    this.start();
  }

  get locale() {
    if (this.core) return this.core.resolveLocale(this.options.locale);
    return this.first ? this.first.locale : fallbackLocale(this.options.locale);
  }

  /** Reserved, readable placeholder: the host page does not move when reviews arrive. */
  renderSkeleton() {
    const box = document.createElement('div');
    box.className = 'vouch vouch-loading';
    box.setAttribute('aria-busy', 'true');
    box.dataset.theme = this.options.theme;
    const line = document.createElement('p');
    line.className = 'v-skeleton';
    box.append(line);
    this.hold.apply(box);
    this.root.replaceChildren(...this.root.querySelectorAll(':scope > style'), box);
  }

  async start() {
    this.renderSkeleton();
    this.lazy = whenNearViewport(this.host);
    // A request mail's star link came for the form: no waiting for a scroll.
    await (linkRating() || this.lazy.promise);
    if (this.destroyed) return;
    const generation = (this.generation += 1);
    this.engine = null;
    this.first = null;
    if (await this.showFirstRender(generation)) {
      this.openFromLink();
      return;
    }
    if (this.destroyed || generation !== this.generation) return;
    const snapshotPromise = fetchSnapshot(this.options);
    snapshotPromise.catch(() => {}); // reported below, after the core (its failure explains more)
    try {
      const core = await loadCore(this.env);
      const snapshot = await snapshotPromise;
      if (this.destroyed || generation !== this.generation) return;
      this.core = core;
      if (!(await this.loadStore(snapshot, generation))) return;
      this.viewState.restore();
      const current = () => !this.destroyed && generation === this.generation;
      // Rendered once: its text's fonts are found first, then it is shown (nothing
      // can change the view meanwhile: the skeleton has no controls).
      const first = this.core.renderView(this.store, this.viewState.toWidgetView(), this.locale, this.idPrefix);
      if (first.ok && !(await warmGlyphs(this.root, first.html, this.locale, current))) return;
      this.renderShell();
      this.renderView({ focus: false, beforePaint: true, rendered: first.ok ? first : null });
      this.mountQuestions();
      if (this.viewState.value.search) this.prepareSearch(); // a shared link with a query
      this.openFromLink();
      emit(this.host, 'vouch:ready', { product: this.options.product, version: core.version(), reviews: this.store.size() });
    } catch (error) {
      if (!this.destroyed && generation === this.generation) this.fail(error);
    }
  }

  /**
   * The first render from the product's first response, adopted as the core
   * rendered it (first-render.js). True when it is on screen; false (nothing
   * touched) when there is none or it is not usable: start() then loads the
   * core and the snapshot first, as before.
   */
  async showFirstRender(generation) {
    this.viewState.restore();
    const answer = fetchFirstRender(this.options, this.viewState.value);
    dateFormat(fallbackLocale(this.options.locale)); // made while the answer travels, not in the task that shows it
    const first = await answer;
    if (!first || this.destroyed || generation !== this.generation) return false;
    const view = adoptMarkup(first.html, first.id_prefix, this.idPrefix);
    const shell = view && adoptMarkup(first.shell, first.id_prefix, this.idPrefix);
    if (!shell) return false;
    // Checking the markup and showing it: not one task (the fonts its text needs are found first).
    if (!(await warmGlyphs(this.root, first.html, this.locale, () => !this.destroyed && generation === this.generation))) return false;
    this.first = first;
    this.buildFrame();
    this.view.append(view);
    this.statics.append(shell);
    formatDates(this.frame, this.locale);
    this.mountQuestions();
    this.viewState.persist();
    emit(this.host, 'vouch:query', { product: this.options.product, state: { ...this.viewState.value }, total: first.total, shown: first.shown });
    emit(this.host, 'vouch:ready', { product: this.options.product, version: first.core, reviews: first.reviews });
    // The core is small and needed for any action: fetched when the page is idle.
    // The full snapshot waits for a shopper's sort, filter or search (ensureEngine).
    whenIdle(() => {
      if (!this.destroyed && generation === this.generation) this.ensureCore().catch(() => {});
    });
    return true;
  }

  /** The core (shared by the page's widgets); its failure is reported once. */
  ensureCore() {
    return loadCore(this.env).then(
      (core) => {
        if (!this.destroyed) this.core = core;
        return core;
      },
      (error) => {
        if (!this.destroyed && !this.coreFailed) {
          this.coreFailed = true;
          if (this.first && !this.store) this.withoutEngine();
          emit(this.host, 'vouch:error', { product: this.options.product, code: error.code || 'wasm_failed', message: error.message });
        }
        throw error;
      },
    );
  }

  /**
   * The core cannot run here (a CSP without 'wasm-unsafe-eval', no
   * WebAssembly): the first render stays, readable; the controls that need
   * the core go (styles.css), and a link to the full reviews is added.
   */
  withoutEngine() {
    if (!this.frame) return;
    this.frame.dataset.engine = 'failed';
    this.frame.dataset.can = '';
    const link = fragmentUrl(this.options);
    if (link) this.statics.prepend(fallbackLink(this.locale, link));
  }

  /**
   * The core and the full snapshot in the Store, after a first response was
   * shown (once; a failure is reported and the next action tries again).
   * Resolves true when the store is ready for this.generation.
   */
  ensureEngine() {
    if (this.store && !this.engine) return Promise.resolve(true);
    if (!this.engine) {
      const generation = this.generation;
      const snapshotPromise = fetchSnapshot(this.options);
      snapshotPromise.catch(() => {});
      const engine = (async () => {
        await this.ensureCore();
        const snapshot = await snapshotPromise;
        if (this.destroyed || generation !== this.generation) return false;
        if (!(await this.loadStore(snapshot, generation))) return false;
        // A static export renders the shell with the default collection facts: the store's own now.
        if (this.first && !this.first.exactShell) this.renderStatics();
        return true;
      })();
      const settled = () => {
        if (this.engine === engine) this.engine = null;
      };
      engine.then(settled, (error) => {
        settled();
        if (!this.destroyed && error.code !== 'wasm_failed' && error.code !== 'wasm_unsupported') {
          emit(this.host, 'vouch:error', { product: this.options.product, code: error.code || 'unexpected', message: error.message });
        }
      });
      this.engine = engine;
    }
    return this.engine;
  }

  /**
   * Puts the snapshot into the Store, in wasm memory once (a JSON file goes
   * through the form module). False when this load was overtaken while the
   * form module loaded (destroy() or a newer start()): nothing is touched then.
   */
  async loadStore({ parts, json }, generation) {
    const core = this.core;
    const binary = json ? jsonToBinary(await this.jsonReader(), joinParts(parts)) : parts;
    const current = () => !this.destroyed && generation === this.generation;
    if (!current()) return false;
    // In slices (no long task). A first load fills a Store of its own: this.store,
    // which actions query, is set once it holds the whole snapshot; a reload
    // keeps answering from the previous snapshot until the last slice.
    const store = this.store || new core.Store();
    const status = await loadBinaryInSlices(core, store, binary, current);
    if (!status || !status.ok || !current()) {
      if (store !== this.store) store.delete();
      if (status && !status.ok && current()) throw vouchError(status.code, `the reviews file is not usable: ${status.message}`);
      return false;
    }
    this.store = store;
    this.search.reset(); // a new snapshot: its index is not built yet
    return true;
  }

  /** The form module, which reads JSON snapshots; its absence explained in those terms. */
  async jsonReader() {
    try {
      return (await loadFormModule(this.env)).core;
    } catch (error) {
      throw vouchError('json_reader_unavailable', `this snapshot is JSON, which vouch-form.js reads; serve it beside vouch.js, or use the .bin snapshot (${error.message})`);
    }
  }

  /** The widget's frame: the view (re-rendered per query) and the static parts. */
  renderShell() {
    this.buildFrame();
    this.renderStatics();
  }

  /** The empty frame: view and static regions and the live region, in the held space. */
  buildFrame() {
    const frame = document.createElement('div');
    frame.className = 'vouch';
    frame.lang = this.locale;
    frame.dataset.theme = this.options.theme;
    // styles.css hides the controls a read-only (static) widget cannot serve.
    const can = capabilities(this.options);
    frame.dataset.can = Object.keys(can).filter((key) => can[key]).join(' ');
    const view = document.createElement('div');
    view.dataset.region = 'view';
    const statics = document.createElement('div');
    statics.dataset.region = 'static';
    const live = document.createElement('p');
    live.className = 'v-sr';
    live.setAttribute('aria-live', 'polite');
    live.dataset.live = '';
    frame.append(view, statics, live);
    this.root.replaceChildren(...this.root.querySelectorAll(':scope > style'), frame);
    this.frame = frame;
    this.view = view;
    this.statics = statics;
    this.live = live;
    this.hold.apply(frame, { untilOffScreen: true });
    if (this.form) this.form.destroy();
    this.form = null;
    this.formMount = null;
    this.events.attach(this.root);
  }

  /** The note, the write button, the form's slot and the lightbox, by the core. */
  renderStatics() {
    const rendered = this.core.renderShell(this.options.config, this.locale, this.idPrefix);
    if (!rendered.ok) throw vouchError(rendered.code, rendered.message);
    // A form the shopper opened (and may be typing in) stays as it is: it takes
    // the new slot's place, with the focus and the write button's state.
    const form = this.form && this.statics.contains(this.form.form) ? this.form.form : null;
    const focused = form && form.contains(this.root.activeElement) ? /** @type {HTMLElement} */ (this.root.activeElement) : null;
    setCoreHTML(this.statics, rendered.html);
    formatDates(this.statics, this.locale);
    const slot = this.statics.querySelector(byHook(HOOK.formSlot));
    if (!form || !slot) {
      this.form = this.formMount = null; // the next click mounts it again
      return;
    }
    slot.replaceWith(form);
    const write = this.statics.querySelector(byAction(ACTION.write));
    if (write && !form.hidden) write.setAttribute('aria-expanded', 'true');
    if (focused) focused.focus({ preventScroll: true });
  }

  /**
   * Runs the query for the current view and updates the view region.
   * focus: keep the shopper's focus (false for renders nobody asked for);
   * toStatus: move focus to the status line (a page turn, "clear filters");
   * beforePaint: the first render after a load (card-slots.js showCards);
   * rendered: the core's render of the current view, when it was made already.
   */
  renderView({ focus = true, toStatus = false, beforePaint = false, rendered: made = null } = {}) {
    const focused = focus && !toStatus ? rememberFocus(this.root, this.view) : null;
    // To the status line before the update: the control the shopper used (a page
    // button) is not removed with the focus in it, which costs a layout of its own;
    // the status line, patched in place, keeps the focus.
    if (toStatus) focusStatus(this.view);
    let rendered = made || this.core.renderView(this.store, this.viewState.toWidgetView(), this.locale, this.idPrefix);
    if (!rendered.ok && rendered.code === 'invalid_view') {
      // A hand-edited hash (unknown sort, page out of range): fall back to the default view.
      this.viewState.reset();
      rendered = this.core.renderView(this.store, this.viewState.toWidgetView(), this.locale, this.idPrefix);
    }
    if (!rendered.ok) throw vouchError(rendered.code, rendered.message);
    const prepare = (element) => {
      formatDates(element, this.locale);
      this.votes.showIn(element);
      if (this.ownReview) markOwnReview(element, this.ownReview);
    };
    updateView(this.view, rendered.html, prepare);
    const list = this.view.querySelector('.v-list');
    fillExpected(list, prepare); // before a focus move lays the view out
    if (toStatus) focusStatus(this.view);
    else if (focused) focused.restore();
    // Focus has moved (and scrolled): the cards on screen now are parsed before the
    // event; for the first render after a load, before the next paint.
    showCards(list, prepare, { beforePaint });
    const status = this.view.querySelector('.v-status');
    if (status && focus) this.live.textContent = status.textContent;
    this.viewState.persist();
    const state = { ...this.viewState.value };
    emit(this.host, 'vouch:query', { product: this.options.product, state, total: rendered.total, shown: rendered.shown });
  }

  /** @param {Partial<import('./view-state.js').View>} change */
  setView(change, options) {
    this.viewState.set(change);
    this.renderView(options);
  }

  prepareSearch() {
    this.search.start();
  }

  /**
   * The fold table arrived after a search was shown: search again (typing in
   * progress re-renders by itself once its debounce fires). False on failure.
   */
  searchAgain() {
    const input = /** @type {HTMLInputElement | null} */ (this.view && this.view.querySelector(byAction(ACTION.searchInput)));
    const search = this.viewState.value.search;
    try {
      if (search && (!input || input.value === search)) this.renderView();
    } catch (error) {
      this.fail(error);
      return false;
    }
    return true;
  }

  /** What the form may use of the widget (web/src/form.js FormContext). */
  formContext() {
    const widget = this;
    return {
      host: this.host,
      idPrefix: this.idPrefix,
      get options() {
        return widget.options;
      },
      get locale() {
        return widget.locale;
      },
      uiText: (key, count) => this.core.uiText(key, count, this.locale),
      showOwnReview: (reviewId) => this.showOwnReview(reviewId),
    };
  }

  /** The form, mounted from the form module on first use (the click that asks for it). */
  ensureForm() {
    if (!this.formMount) {
      const mount = Promise.all([loadFormModule(this.env), this.ensureCore()]).then(([module]) => {
        if (this.destroyed || this.form) return this.form;
        this.form = mountForm(this.root, this.formContext(), module);
        if (!this.form) throw vouchError('form_unavailable', 'no place for the review form');
        this.form.updateCount();
        return this.form;
      });
      mount.catch(() => {
        if (this.formMount === mount) this.formMount = null; // the next click tries again
      });
      this.formMount = mount;
    }
    return this.formMount;
  }

  /** ?vouch_rating=N (a request mail's star): the form opens with N checked, in one widget per page. */
  openFromLink() {
    const button = this.root.querySelector('[data-action="write"]');
    if (linkClaimed || !linkRating() || !button) return;
    linkClaimed = true;
    this.openForm(button, linkRating());
  }

  async openForm(button, rating = 0) {
    button.setAttribute('aria-busy', 'true');
    try {
      const form = await this.ensureForm();
      if (!form || this.destroyed) return;
      if (form !== this.form || !button.isConnected) {
        // The widget re-rendered its frame while the form loaded: open the new one.
        const current = /** @type {HTMLElement | null} */ (this.root.querySelector(byAction(ACTION.write)));
        if (current && current !== button) await this.openForm(current, rating);
        return;
      }
      button.setAttribute('aria-expanded', 'true');
      form.open(rating);
    } catch (error) {
      this.formUnavailable(error, true);
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  closeForm() {
    if (this.form) this.form.close();
    const write = /** @type {HTMLElement | null} */ (this.root.querySelector(byAction(ACTION.write)));
    if (write) {
      write.setAttribute('aria-expanded', 'false');
      write.focus();
    }
  }

  /** The form module did not load: the page stays usable; the shopper learns why nothing opened. */
  formUnavailable(error, withProduct) {
    if (this.core) this.live.textContent = this.core.uiText('form_unavailable', 0, this.locale);
    const detail = { code: error.code || 'form_unavailable', message: error.message };
    emit(this.host, 'vouch:error', withProduct ? { product: this.options.product, ...detail } : detail);
  }

  /**
   * The shopper's own review was published: reload the snapshot past every
   * cache and show the newest reviews, theirs first (marked v-own). True when
   * the new snapshot is shown.
   */
  async showOwnReview(reviewId) {
    const generation = (this.generation += 1);
    this.engine = null;
    try {
      await this.ensureCore();
      if (!(await this.loadStore(await fetchSnapshot(this.options, reviewId), generation))) return false;
    } catch (error) {
      emit(this.host, 'vouch:error', { product: this.options.product, code: error.code || 'refresh_failed', message: error.message });
      return false;
    }
    this.viewState.reset();
    this.ownReview = reviewId; // marked v-own when its card is parsed (renderView's prepare)
    this.renderView({ focus: false });
    return true;
  }

  /** Shows the readable fallback and reports the error; never throws. */
  fail(error) {
    const detail = { product: this.options.product, code: error.code || 'unexpected', message: error.message };
    try {
      this.releaseStore();
      showFallback(this.root, { locale: this.options.locale, link: fragmentUrl(this.options) });
    } finally {
      emit(this.host, 'vouch:error', detail);
    }
  }

  releaseStore() {
    this.search.reset();
    if (this.store) {
      this.store.delete();
      this.store = null;
    }
  }

  /** New options: re-render, or reload when the data source changed. */
  update(options) {
    const reload = ['product', 'api', 'snapshot'].some((key) => options[key] !== this.options[key]);
    this.options = options;
    this.viewState.options = options;
    if (!this.store || reload) {
      if (this.lazy) this.lazy.cancel();
      this.releaseStore();
      this.start();
      return;
    }
    this.renderShell();
    this.renderView({ focus: false });
    this.mountQuestions();
  }

  /** The Questions section (issue 17), loaded when it nears the viewport. */
  mountQuestions() {
    if (this.questions) this.questions.destroy();
    this.questions = mountQuestions(this);
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.lazy) this.lazy.cancel();
    this.hold.stop();
    if (this.form) this.form.destroy();
    if (this.questions) this.questions.destroy();
    this.events.detach();
    this.reports.destroy();
    this.releaseStore();
    this.viewState.release();
    this.root.replaceChildren();
  }
}
