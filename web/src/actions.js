// @ts-check
// What the shopper's actions do: the table from the core's data-action names
// to the widget's operations, and the routing of one widget's delegated DOM
// events (click, change, input, submit, focus) to that table, the form and the
// report picker. The widget (web/src/widget.js) owns the parts; this file only
// decides which part an event is for.
import { loadFormModule } from './form-module.js';
import { isRefocusing } from './focus.js';

const SEARCH_DEBOUNCE_MS = 300;
// While the widget shows its first response (issue 19), actions that query the
// reviews wait for the full snapshot; votes, reports and the form wait for the
// core only; the rest is plain DOM and runs at once.
const STORE_ACTIONS = new Set(['stars', 'verified', 'media', 'topic', 'clear', 'page', 'more', 'sort', 'search', 'search-input']);
const CORE_ACTIONS = new Set(['vote', 'report', 'write']);

/** A card's "Read more" / "Show less": swaps the short and the full text. */
function toggleExpand(button) {
  const body = button.closest('.v-body');
  const expand = button.getAttribute('aria-expanded') !== 'true';
  body.querySelector('[data-part="short"]').hidden = expand;
  body.querySelector('[data-part="full"]').hidden = !expand;
  button.setAttribute('aria-expanded', String(expand));
  button.textContent = expand ? button.dataset.less : button.dataset.more;
}

/**
 * click on [data-action=NAME] -> CLICKS[NAME](widget, target, view). `view` is
 * the current view (web/src/view-state.js); setView() renders the new one.
 * @type {Record<string, (widget: any, target: HTMLElement, view: import('./view-state.js').View) => void>}
 */
const CLICKS = {
  stars: (w, target, view) => w.setView({ stars: view.stars ^ (1 << (Number(target.dataset.value) - 1)), page: 0 }),
  verified: (w, target, view) => w.setView({ verified: !view.verified, page: 0 }),
  media: (w, target, view) => w.setView({ media: !view.media, page: 0 }),
  topic: (w, target, view) => w.setView({ topic: view.topic === target.dataset.value ? '' : target.dataset.value, page: 0 }),
  clear: (w, target, view) => {
    w.setView({ ...w.viewState.defaults(), sort: view.sort });
    w.focusStatus();
  },
  page: (w, target) => {
    w.setView({ page: Number(target.dataset.value) });
    w.focusStatus();
  },
  more: (w, target, view) => w.setView({ page: view.page + 1 }),
  expand: (w, target) => toggleExpand(target),
  photo: (w, target) => w.lightbox.open(target),
  'lightbox-close': (w) => w.lightbox.close(),
  'lightbox-prev': (w) => w.lightbox.step(-1),
  'lightbox-next': (w) => w.lightbox.step(1),
  vote: (w, target) => w.votes.vote(target),
  report: (w, target) => w.reports.open(target),
  'report-cancel': (w) => w.reports.cancel(),
  write: (w, target) => w.openForm(target),
  cancel: (w) => w.closeForm(),
};

/** The delegated listeners of one widget on its shadow root. */
export class WidgetEvents {
  /** @param {any} widget web/src/widget.js ReviewsWidget */
  constructor(widget) {
    this.widget = widget;
    this.searchTimer = 0;
    this.root = null;
    /** @type {Array<[string, (event: any) => void]>} */
    this.handlers = [
      ['click', (event) => this.whenReady(event, (e) => this.onClick(e))],
      ['change', (event) => this.whenReady(event, (e) => this.onChange(e))],
      ['input', (event) => this.whenReady(event, (e) => this.onInput(e))],
      ['submit', (event) => this.whenReady(event, (e) => this.onSubmit(e))],
      ['focusout', (event) => this.onFocusOut(event)],
      // Intent to write: fetch the form module before the click lands.
      ['pointerover', (event) => this.onIntent(event)],
      ['focusin', (event) => this.onIntent(event)],
    ];
  }

  /** @param {ShadowRoot} root */
  attach(root) {
    this.detach();
    this.root = root;
    for (const [type, handler] of this.handlers) root.addEventListener(type, handler);
  }

  detach() {
    clearTimeout(this.searchTimer);
    if (!this.root) return;
    for (const [type, handler] of this.handlers) this.root.removeEventListener(type, handler);
    this.root = null;
  }

  /**
   * Runs `handle` for a delegated event now, or, while the widget shows its
   * first response, once what the action needs has loaded (the core; for a
   * sort, filter, search or page, the full snapshot too), in the order the
   * events came. The view region is busy meanwhile.
   */
  whenReady(event, handle) {
    const widget = this.widget;
    const target = event.target && event.target.closest ? event.target.closest('[data-action]') : null;
    const action = target && widget.root.contains(target) ? target.dataset.action : '';
    const needsStore = STORE_ACTIONS.has(action) && !widget.store;
    const needsCore = CORE_ACTIONS.has(action) && !widget.core;
    if (!needsStore && !needsCore) {
      handle(event);
      return;
    }
    if (event.type === 'submit') event.preventDefault();
    // After dispatch an event from a shadow tree has lost its target: keep what the handlers read.
    const later = { type: event.type, target: event.target, preventDefault() {} };
    const view = widget.view;
    if (needsStore) view.setAttribute('aria-busy', 'true');
    (needsStore ? widget.ensureEngine() : widget.ensureCore()).then(
      (ready) => {
        view.removeAttribute('aria-busy');
        // A filter's re-render may have replaced the search form since, but a typed
        // query or a chosen sort is read from its own element still.
        if (ready !== false && !widget.destroyed && (target.isConnected || event.type !== 'click')) handle(later);
      },
      () => view.removeAttribute('aria-busy'),
    );
  }

  onClick(event) {
    const widget = this.widget;
    const target = event.target.closest ? event.target.closest('[data-action]') : null;
    if (!target || !widget.root.contains(target)) return; // what needs the core waited for it (whenReady)
    const action = Object.prototype.hasOwnProperty.call(CLICKS, target.dataset.action) ? CLICKS[target.dataset.action] : null;
    if (action) action(widget, target, widget.viewState.value);
  }

  /** Work a shopper is about to ask for, started when they reach for it (hover, focus). */
  onIntent(event) {
    const target = event.target;
    if (!target || !target.closest) return;
    const widget = this.widget;
    if (target.closest('[data-action="write"], [data-action="report"]')) loadFormModule(widget.env).catch(() => {});
    const control = target.closest('[data-action]');
    // Reaching for a sort, filter, search or page: the full snapshot starts loading now.
    if (control && STORE_ACTIONS.has(control.dataset.action) && !widget.store) widget.ensureEngine().catch(() => {});
    if (target.dataset.action === 'search-input' && !isRefocusing()) {
      if (widget.store) widget.prepareSearch();
      else widget.ensureEngine().then((ready) => ready && widget.prepareSearch(), () => {});
    }
  }

  /** The form's own field, when the form is mounted. */
  formFor(target) {
    const form = this.widget.form;
    return form && form.owns(target) ? form : null;
  }

  onChange(event) {
    const target = event.target;
    if (target.dataset && target.dataset.action === 'sort') {
      this.widget.setView({ sort: target.value, page: 0 });
    } else {
      const form = this.formFor(target);
      if (form) form.onInput(event);
    }
  }

  onInput(event) {
    const target = event.target;
    if (target.dataset && target.dataset.action === 'search-input') {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        const widget = this.widget;
        if (!widget.destroyed && target.value !== widget.viewState.value.search) widget.setView({ search: target.value, page: 0 });
      }, SEARCH_DEBOUNCE_MS);
    } else {
      const form = this.formFor(target);
      if (form) form.onInput(event);
    }
  }

  onFocusOut(event) {
    const form = this.formFor(event.target);
    if (form && event.target.name) form.onInput(event);
  }

  onSubmit(event) {
    const target = event.target;
    const widget = this.widget;
    if (target.dataset.action === 'search') {
      event.preventDefault();
      clearTimeout(this.searchTimer);
      widget.setView({ search: target.elements.q.value, page: 0 });
    } else if (widget.form && target === widget.form.form) {
      widget.form.onSubmit(event);
    } else {
      widget.reports.submit(target, event);
    }
  }
}
