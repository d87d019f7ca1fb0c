// @ts-check
// What the shopper's actions do: the table from the core's data-action names
// to the widget's operations, and the routing of one widget's delegated DOM
// events (click, change, input, submit, focus) to that table, the form and the
// report picker. The widget (web/src/widget.js) owns the parts; this file only
// decides which part an event is for.
import { loadFormModule } from './form-module.js';
import { isRefocusing, sameControl } from './focus.js';
import { ACTION, DATASET, FIELD, HOOK } from './generated/dom-contract.js';
import { byAction, byHook } from './selectors.js';

const SEARCH_DEBOUNCE_MS = 300;
// While the widget shows its first response (issue 19), actions that query the
// reviews wait for the full snapshot; votes, reports and the form wait for the
// core only; the rest is plain DOM and runs at once.
const STORE_ACTIONS = new Set([ACTION.stars, ACTION.verified, ACTION.media, ACTION.topic, ACTION.clear, ACTION.page, ACTION.more, ACTION.sort, ACTION.search, ACTION.searchInput]);
const CORE_ACTIONS = new Set([ACTION.vote, ACTION.report, ACTION.write]);
const ANY_ACTION = byHook(HOOK.action);

/**
 * A card's "Read more" / "Show less": swaps the short and the full text.
 * @param {HTMLElement} button
 */
function toggleExpand(button) {
  const body = /** @type {HTMLElement} */ (button.closest('.v-body'));
  const expand = button.getAttribute('aria-expanded') !== 'true';
  /** @type {HTMLElement} */ (body.querySelector(byHook(HOOK.part, 'short'))).hidden = expand;
  /** @type {HTMLElement} */ (body.querySelector(byHook(HOOK.part, 'full'))).hidden = !expand;
  button.setAttribute('aria-expanded', String(expand));
  button.textContent = (expand ? button.dataset[DATASET.lessText] : button.dataset[DATASET.moreText]) || '';
}

/**
 * click on [data-action=NAME] -> CLICKS[NAME](widget, target, view). `view` is
 * the current view (web/src/view-state.js); setView() renders the new one.
 * @type {Record<string, (widget: any, target: HTMLElement, view: import('./view-state.js').View) => void>}
 */
const CLICKS = {
  [ACTION.stars]: (w, target, view) => w.setView({ stars: view.stars ^ (1 << (Number(target.dataset[DATASET.value]) - 1)), page: 0 }),
  [ACTION.verified]: (w, target, view) => w.setView({ verified: !view.verified, page: 0 }),
  [ACTION.media]: (w, target, view) => w.setView({ media: !view.media, page: 0 }),
  [ACTION.topic]: (w, target, view) => w.setView({ topic: view.topic === target.dataset[DATASET.value] ? '' : target.dataset[DATASET.value], page: 0 }),
  [ACTION.clear]: (w, target, view) => w.setView({ ...w.viewState.defaults(), sort: view.sort }, { toStatus: true }),
  [ACTION.page]: (w, target) => w.setView({ page: Number(target.dataset[DATASET.value]) }, { toStatus: true }),
  [ACTION.more]: (w, target, view) => w.setView({ page: view.page + 1 }),
  [ACTION.expand]: (w, target) => toggleExpand(target),
  [ACTION.photo]: (w, target) => w.lightbox.open(target),
  [ACTION.lightboxClose]: (w) => w.lightbox.close(),
  [ACTION.lightboxPrev]: (w) => w.lightbox.step(-1),
  [ACTION.lightboxNext]: (w) => w.lightbox.step(1),
  [ACTION.vote]: (w, target) => w.votes.vote(target),
  [ACTION.report]: (w, target) => w.reports.open(target),
  [ACTION.reportCancel]: (w) => w.reports.cancel(),
  [ACTION.write]: (w, target) => w.openForm(target),
  [ACTION.cancel]: (w) => w.closeForm(),
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
    const target = event.target && event.target.closest ? event.target.closest(ANY_ACTION) : null;
    const action = target && widget.root.contains(target) ? target.dataset[DATASET.action] : '';
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
        if (ready === false || widget.destroyed) return;
        if (event.type !== 'click' || target.isConnected) {
          // A filter's re-render may have replaced the search form since, but a typed
          // query or a chosen sort is read from its own element still.
          handle(later);
          return;
        }
        // The control was re-rendered while it waited: the click goes to the control
        // that took its place (same action, value and review), or nowhere.
        const successor = sameControl(widget.root, target);
        if (successor) handle({ ...later, target: successor });
      },
      () => view.removeAttribute('aria-busy'),
    );
  }

  onClick(event) {
    const widget = this.widget;
    const target = event.target.closest ? event.target.closest(ANY_ACTION) : null;
    if (!target || !widget.root.contains(target)) return; // what needs the core waited for it (whenReady)
    const name = target.dataset[DATASET.action];
    const action = Object.prototype.hasOwnProperty.call(CLICKS, name) ? CLICKS[name] : null;
    if (action) action(widget, target, widget.viewState.value);
  }

  /** Work a shopper is about to ask for, started when they reach for it (hover, focus). */
  onIntent(event) {
    const target = event.target;
    if (!target || !target.closest) return;
    const widget = this.widget;
    if (target.closest(`${byAction(ACTION.write)}, ${byAction(ACTION.report)}`)) loadFormModule(widget.env).catch(() => {});
    const control = target.closest(ANY_ACTION);
    // Reaching for a sort, filter, search or page: the full snapshot starts loading now.
    if (control && STORE_ACTIONS.has(control.dataset[DATASET.action]) && !widget.store) widget.ensureEngine().catch(() => {});
    if (target.dataset[DATASET.action] === ACTION.searchInput && !isRefocusing()) {
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
    if (target.dataset && target.dataset[DATASET.action] === ACTION.sort) {
      this.widget.setView({ sort: target.value, page: 0 });
    } else {
      const form = this.formFor(target);
      if (form) form.onInput(event);
    }
  }

  onInput(event) {
    const target = event.target;
    if (target.dataset && target.dataset[DATASET.action] === ACTION.searchInput) {
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
    if (target.dataset[DATASET.action] === ACTION.search) {
      event.preventDefault();
      clearTimeout(this.searchTimer);
      widget.setView({ search: target.elements[FIELD.searchQuery].value, page: 0 });
    } else if (widget.form && target === widget.form.form) {
      widget.form.onSubmit(event);
    } else {
      widget.reports.submit(target, event);
    }
  }
}
