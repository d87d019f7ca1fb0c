// @ts-check
// What the shopper's actions do: the table from the core's data-action names
// to the widget's operations, and the routing of one widget's delegated DOM
// events (click, change, input, submit, focus) to that table, the form and the
// report picker. The widget (web/src/widget.js) owns the parts; this file only
// decides which part an event is for.
import { loadFormModule } from './form-module.js';
import { isRefocusing } from './focus.js';

const SEARCH_DEBOUNCE_MS = 300;

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
      ['click', (event) => this.onClick(event)],
      ['change', (event) => this.onChange(event)],
      ['input', (event) => this.onInput(event)],
      ['submit', (event) => this.onSubmit(event)],
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

  onClick(event) {
    const widget = this.widget;
    const target = event.target.closest ? event.target.closest('[data-action]') : null;
    if (!target || !widget.root.contains(target) || !widget.core) return;
    const action = Object.prototype.hasOwnProperty.call(CLICKS, target.dataset.action) ? CLICKS[target.dataset.action] : null;
    if (action) action(widget, target, widget.viewState.value);
  }

  /** Work a shopper is about to ask for, started when they reach for it (hover, focus). */
  onIntent(event) {
    const target = event.target;
    if (!target || !target.closest) return;
    if (target.closest('[data-action="write"], [data-action="report"]')) loadFormModule(this.widget.env).catch(() => {});
    if (target.dataset.action === 'search-input' && !isRefocusing()) this.widget.prepareSearch();
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
