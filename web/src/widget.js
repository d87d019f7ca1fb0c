// One reviews widget: a Shadow DOM on `host`, filled with the core's markup.
// Lifecycle: reserve space -> wait until near the viewport -> load the core
// (shared) and the snapshot -> render -> react to delegated events.
// The only C++ handle is the Store, freed by destroy().
import { fetchSnapshot, fragmentUrl, sendVote } from './data.js';
import { emit, vouchError } from './events.js';
import { showFallback } from './fallback.js';
import { jsonToBinary, loadFormModule, mountForm } from './form-module.js';
import { loadHanFold } from './han-fold.js';
import { readHash, writeHash } from './hash-state.js';
import { whenNearViewport } from './lazy.js';
import { Lightbox } from './lightbox.js';
import { loadCore } from './core-loader.js';
import { capabilities } from './options.js';
import { mountQuestions } from './questions-loader.js';
import { attachStyles } from './shadow.js';
import { setCoreHTML } from './trusted-html.js';
import { loadBinaryInto } from './wasm-snapshot.mjs';

let widgetCount = 0;
let hashOwner = null; // the first widget on the page keeps its view in the URL hash
const SEARCH_DEBOUNCE_MS = 300;

/** data-action + data-value + data-review: finds "the same control" after a re-render. */
function controlKey(element) {
  if (!element || !element.dataset || !element.dataset.action) return '';
  return [element.dataset.action, element.dataset.value || '', element.dataset.review || ''].join('|');
}

export class ReviewsWidget {
  /**
   * @param {HTMLElement} host
   * @param {object} options normalised (options.js)
   * @param {{ wasmUrl: string, formUrl: string, formWasmUrl: string, hanFoldUrl: string }} env
   */
  constructor(host, options, env) {
    this.host = host;
    this.options = options;
    this.env = env;
    this.idPrefix = `vouch${(widgetCount += 1)}`;
    this.core = null;
    this.store = null;
    this.destroyed = false;
    this.searchTimer = 0;
    this.listeners = [];
    this.votes = new Map(); // review id -> { up, down, value } as the server answered
    this.root = attachStyles(host);
    this.lightbox = new Lightbox(this.root);
    this.form = null;
    this.formMount = null; // the promise of mounting the form (once per shell)
    this.start();
  }

  get locale() {
    return this.core ? this.core.resolveLocale(this.options.locale) : this.options.locale;
  }

  defaults() {
    return { stars: 0, verified: false, media: false, topic: '', search: '', sort: this.options.sort, page: 0 };
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
    this.root.replaceChildren(...this.root.querySelectorAll(':scope > style'), box);
  }

  async start() {
    this.renderSkeleton();
    this.lazy = whenNearViewport(this.host);
    await this.lazy.promise;
    if (this.destroyed) return;
    const generation = (this.generation = (this.generation || 0) + 1);
    const snapshotPromise = fetchSnapshot(this.options);
    snapshotPromise.catch(() => {}); // reported below, after the core (its failure explains more)
    try {
      const core = await loadCore(this.env.wasmUrl);
      const snapshot = await snapshotPromise;
      if (this.destroyed || generation !== this.generation) return;
      this.core = core;
      if (!(await this.loadStore(snapshot, generation))) return;
      this.state = { ...this.defaults(), ...this.initialState() };
      this.renderShell();
      this.renderView({ focus: false });
      this.mountQuestions();
      if (this.state.search) this.prepareSearch(); // a shared link with a query
      emit(this.host, 'vouch:ready', { product: this.options.product, version: core.version(), reviews: this.store.size() });
    } catch (error) {
      if (!this.destroyed && generation === this.generation) this.fail(error);
    }
  }

  /**
   * Puts the snapshot into the Store, in wasm memory once (a JSON file goes
   * through the form module). False when this load was overtaken while the
   * form module loaded (destroy() or a newer start()): nothing is touched then.
   */
  async loadStore({ bytes, json }, generation) {
    const core = this.core;
    const binary = json ? jsonToBinary(await this.jsonReader(), bytes) : bytes;
    if (this.destroyed || generation !== this.generation) return false;
    if (!this.store) this.store = new core.Store();
    const status = loadBinaryInto(core, this.store, binary);
    if (!status.ok) throw vouchError(status.code, `the reviews file is not usable: ${status.message}`);
    this.searchReady = false; // a new snapshot: its index is not built yet
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

  initialState() {
    if (!this.options.hashState || (hashOwner && hashOwner !== this)) return {};
    hashOwner = this;
    const fromHash = readHash(this.options.product) || {};
    if (fromHash.sort === undefined) delete fromHash.sort;
    return fromHash;
  }

  /** The widget's frame: the view (re-rendered per query) and the static parts. */
  renderShell() {
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
    this.live = live;
    const rendered = this.core.renderShell(this.options.config, this.locale, this.idPrefix);
    if (!rendered.ok) throw vouchError(rendered.code, rendered.message);
    setCoreHTML(statics, rendered.html);
    this.formatDates(statics);
    if (this.form) this.form.destroy();
    this.form = null;
    this.formMount = null;
    this.listen();
  }

  listen() {
    for (const [type, handler] of this.listeners) this.root.removeEventListener(type, handler);
    this.listeners = [
      ['click', (event) => this.onClick(event)],
      ['change', (event) => this.onChange(event)],
      ['input', (event) => this.onInput(event)],
      ['submit', (event) => this.onSubmit(event)],
      ['focusout', (event) => this.onFocusOut(event)],
      // Intent to write: fetch the form module before the click lands.
      ['pointerover', (event) => this.onIntent(event)],
      ['focusin', (event) => this.onIntent(event)],
    ];
    for (const [type, handler] of this.listeners) this.root.addEventListener(type, handler);
  }

  /** Runs the query for this.state and replaces the view region. */
  renderView({ focus = true } = {}) {
    const active = this.root.activeElement;
    const key = focus && active && this.view.contains(active) ? controlKey(active) : '';
    const selection = key && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
    const view = {
      stars: this.state.stars,
      verified: this.state.verified,
      media: this.state.media,
      topic: this.state.topic,
      search: this.state.search,
      sort: this.state.sort,
      page: this.state.page,
      pageSize: this.options.pageSize,
      showMore: this.options.paging === 'more',
    };
    let rendered = this.core.renderView(this.store, view, this.locale, this.idPrefix);
    if (!rendered.ok && rendered.code === 'invalid_view') {
      // A hand-edited hash (unknown sort, page out of range): fall back to the default view.
      this.state = this.defaults();
      view.sort = this.state.sort;
      Object.assign(view, this.state, { pageSize: this.options.pageSize, showMore: this.options.paging === 'more' });
      rendered = this.core.renderView(this.store, view, this.locale, this.idPrefix);
    }
    if (!rendered.ok) throw vouchError(rendered.code, rendered.message);
    setCoreHTML(this.view, rendered.html);
    this.formatDates(this.view);
    for (const card of this.votes.size ? this.view.querySelectorAll('.v-card') : []) this.showVotes(card);
    if (key) {
      const again = [...this.view.querySelectorAll('[data-action]')].find((el) => controlKey(el) === key);
      if (again) {
        this.refocusing = true; // not a shopper's intent (onIntent)
        try {
          again.focus();
        } finally {
          this.refocusing = false;
        }
        if (selection && 'setSelectionRange' in again) again.setSelectionRange(selection[0], selection[1]);
      }
    }
    const status = this.view.querySelector('.v-status');
    if (status && focus) this.live.textContent = status.textContent;
    if (this.options.hashState && hashOwner === this) writeHash(this.options.product, this.state, this.defaults());
    emit(this.host, 'vouch:query', { product: this.options.product, state: { ...this.state }, total: rendered.total, shown: rendered.shown });
  }

  /** <time datetime="2026-03-01"> -> "1 March 2026" in the page's locale (the core emits ISO dates). */
  formatDates(container) {
    if (typeof Intl !== 'object') return;
    let format;
    try {
      format = new Intl.DateTimeFormat(this.locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    } catch (error) {
      return;
    }
    for (const time of container.querySelectorAll('time[datetime]')) {
      const date = new Date(`${time.getAttribute('datetime')}T00:00:00Z`);
      if (!Number.isNaN(date.getTime())) time.textContent = format.format(date);
    }
  }

  setState(change, options) {
    this.state = { ...this.state, ...change };
    this.renderView(options);
  }

  onClick(event) {
    const target = event.target.closest ? event.target.closest('[data-action]') : null;
    if (!target || !this.root.contains(target) || !this.core) return;
    const { action, value } = target.dataset;
    const state = this.state;
    switch (action) {
      case 'stars':
        this.setState({ stars: state.stars ^ (1 << (Number(value) - 1)), page: 0 });
        break;
      case 'verified':
        this.setState({ verified: !state.verified, page: 0 });
        break;
      case 'media':
        this.setState({ media: !state.media, page: 0 });
        break;
      case 'topic':
        this.setState({ topic: state.topic === value ? '' : value, page: 0 });
        break;
      case 'clear':
        this.setState({ ...this.defaults(), sort: state.sort });
        this.focusStatus();
        break;
      case 'page':
        this.setState({ page: Number(value) });
        this.focusStatus();
        break;
      case 'more':
        this.setState({ page: state.page + 1 });
        break;
      case 'expand':
        this.toggleExpand(target);
        break;
      case 'photo':
        this.lightbox.open(target);
        break;
      case 'lightbox-close':
        this.lightbox.close();
        break;
      case 'lightbox-prev':
        this.lightbox.step(-1);
        break;
      case 'lightbox-next':
        this.lightbox.step(1);
        break;
      case 'vote':
        this.vote(target);
        break;
      case 'report':
        this.report(target);
        break;
      case 'report-cancel':
        if (this.reportPicker) this.reportPicker.close(true);
        break;
      case 'write':
        this.openForm(target);
        break;
      case 'cancel': {
        if (this.form) this.form.close();
        const write = this.root.querySelector('[data-action="write"]');
        if (write) {
          write.setAttribute('aria-expanded', 'false');
          write.focus();
        }
        break;
      }
      default:
    }
  }

  /** Work a shopper is about to ask for, started when they reach for it (hover, focus). */
  onIntent(event) {
    const target = event.target;
    if (!target || !target.closest) return;
    if (target.closest('[data-action="write"], [data-action="report"]')) loadFormModule(this.env).catch(() => {});
    if (target.dataset.action === 'search-input' && !this.refocusing) this.prepareSearch();
  }

  /**
   * Search is about to be used (focus on the box, or a query in the hash at
   * load): fetch the Traditional -> Simplified fold table (web/src/han-fold.js),
   * then build the index while they type. Without the table search still works
   * unfolded; the failure is reported and the next focus tries again. When
   * the table arrives after a search was shown, the view is searched again:
   * the core rebuilds the index, so index and query fold alike.
   */
  prepareSearch() {
    if (!this.store || this.searchReady) return;
    this.searchReady = true;
    const store = this.store;
    const current = () => !this.destroyed && store === this.store;
    const build = () => setTimeout(() => current() && store.prepareSearch(), 0);
    loadHanFold(this.core, this.env.hanFoldUrl).then(
      (installed) => {
        if (!current()) return;
        const input = this.view && this.view.querySelector('[data-action="search-input"]');
        // Typing in progress re-renders by itself once its debounce fires.
        try {
          if (installed && this.state.search && (!input || input.value === this.state.search)) this.renderView();
        } catch (error) {
          this.fail(error);
          return;
        }
        build();
      },
      (error) => {
        if (!current()) return;
        this.searchReady = false; // the next focus tries again
        build();
        emit(this.host, 'vouch:error', { product: this.options.product, code: error.code || 'search_fold_unavailable', message: error.message });
      },
    );
  }

  /** The form, mounted from the form module on first use (the click that asks for it). */
  ensureForm() {
    if (!this.formMount) {
      const mount = loadFormModule(this.env).then((module) => {
        if (this.destroyed || this.form) return this.form;
        this.form = mountForm(this, module);
        if (this.form) this.form.updateCount();
        return this.form;
      });
      mount.catch(() => {
        if (this.formMount === mount) this.formMount = null; // the next click tries again
      });
      this.formMount = mount;
    }
    return this.formMount;
  }

  async openForm(button) {
    button.setAttribute('aria-busy', 'true');
    try {
      const form = await this.ensureForm();
      if (!form || this.destroyed) return;
      button.setAttribute('aria-expanded', 'true');
      form.open();
    } catch (error) {
      // The page stays usable; the shopper learns why nothing opened.
      this.live.textContent = this.core.uiText('form_unavailable', 0, this.locale);
      emit(this.host, 'vouch:error', { product: this.options.product, code: error.code || 'form_unavailable', message: error.message });
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  focusStatus() {
    const status = this.view.querySelector('.v-status');
    if (!status) return;
    status.tabIndex = -1;
    status.focus();
  }

  toggleExpand(button) {
    const body = button.closest('.v-body');
    const expand = button.getAttribute('aria-expanded') !== 'true';
    body.querySelector('[data-part="short"]').hidden = expand;
    body.querySelector('[data-part="full"]').hidden = !expand;
    button.setAttribute('aria-expanded', String(expand));
    button.textContent = expand ? button.dataset.less : button.dataset.more;
  }

  reviewId(button) {
    const card = button.closest('.v-card');
    return card ? card.dataset.id : '';
  }

  /** One vote per review; the button keeps focus and shows the server's counts. */
  async vote(button) {
    if (!this.options.api || button.getAttribute('aria-disabled') === 'true') return;
    const id = this.reviewId(button);
    // aria-disabled, not disabled: a disabled button drops keyboard focus to <body>.
    button.setAttribute('aria-disabled', 'true');
    try {
      const { status, payload } = await sendVote(this.options, id, button.dataset.value);
      if (status !== 200) throw vouchError('vote_failed', (payload && payload.error && payload.error.message) || `HTTP ${status}`);
      // Kept per review: a re-render (filter, page) shows the server's counts too.
      this.votes.set(id, { up: Number(payload.helpful_up) || 0, down: Number(payload.helpful_down) || 0, value: button.dataset.value });
      this.showVotes(button.closest('.v-card'));
    } catch (error) {
      button.removeAttribute('aria-disabled');
      emit(this.host, 'vouch:error', { code: 'vote_failed', message: error.message });
    }
  }

  /** The counts and pressed state the server answered for the votes cast here. */
  showVotes(card) {
    const vote = card && this.votes.get(card.dataset.id);
    if (!vote) return;
    for (const button of card.querySelectorAll('[data-action="vote"]')) {
      const { value } = button.dataset;
      button.textContent = this.core.uiText(value === 'up' ? 'helpful_yes' : 'helpful_no', vote[value], this.locale);
      button.setAttribute('aria-pressed', String(value === vote.value));
      if (value === vote.value) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
  }

  /** Opens the card's report picker (form module): a reason, then "Send report". */
  async report(button) {
    if (!this.options.api) return;
    try {
      const module = await loadFormModule(this.env);
      if (this.destroyed || !button.isConnected) return;
      if (this.reportPicker) this.reportPicker.close(false);
      this.reportPicker = new module.ReportPicker(this, button, module.core);
    } catch (error) {
      this.live.textContent = this.core.uiText('form_unavailable', 0, this.locale);
      emit(this.host, 'vouch:error', { code: error.code || 'form_unavailable', message: error.message });
    }
  }

  /**
   * The shopper's own review was published: reload the snapshot past every
   * cache and show the newest reviews, theirs first. True when it is shown.
   */
  async showOwnReview(reviewId) {
    const generation = (this.generation = (this.generation || 0) + 1);
    try {
      if (!(await this.loadStore(await fetchSnapshot(this.options, reviewId), generation))) return false;
    } catch (error) {
      emit(this.host, 'vouch:error', { product: this.options.product, code: error.code || 'refresh_failed', message: error.message });
      return false;
    }
    this.state = this.defaults();
    this.renderView({ focus: false });
    const card = [...this.view.querySelectorAll('.v-card')].find((element) => element.dataset.id === reviewId);
    if (card) card.classList.add('v-own');
    return Boolean(card);
  }

  onChange(event) {
    const target = event.target;
    if (target.dataset && target.dataset.action === 'sort') {
      this.setState({ sort: target.value, page: 0 });
    } else if (this.form && this.form.form.contains(target)) {
      this.form.onInput(event);
    }
  }

  onInput(event) {
    const target = event.target;
    if (target.dataset && target.dataset.action === 'search-input') {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        if (!this.destroyed && target.value !== this.state.search) this.setState({ search: target.value, page: 0 });
      }, SEARCH_DEBOUNCE_MS);
    } else if (this.form && this.form.form.contains(target)) {
      this.form.onInput(event);
    }
  }

  onFocusOut(event) {
    if (this.form && this.form.form.contains(event.target) && event.target.name) {
      this.form.onInput(event);
    }
  }

  onSubmit(event) {
    const form = event.target;
    if (form.dataset.action === 'search') {
      event.preventDefault();
      clearTimeout(this.searchTimer);
      this.setState({ search: form.elements.q.value, page: 0 });
    } else if (this.form && form === this.form.form) {
      this.form.onSubmit(event);
    } else if (this.reportPicker && form === this.reportPicker.form) {
      this.reportPicker.onSubmit(event);
    }
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
    this.searchReady = false;
    if (this.store) {
      this.store.delete();
      this.store = null;
    }
  }

  /** New options: re-render, or reload when the data source changed. */
  update(options) {
    const reload = ['product', 'api', 'snapshot'].some((key) => options[key] !== this.options[key]);
    this.options = options;
    if (!this.core || reload) {
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
    clearTimeout(this.searchTimer);
    if (this.lazy) this.lazy.cancel();
    if (this.form) this.form.destroy();
    if (this.questions) this.questions.destroy();
    for (const [type, handler] of this.listeners) this.root.removeEventListener(type, handler);
    this.releaseStore();
    if (hashOwner === this) hashOwner = null;
    this.root.replaceChildren();
  }
}
