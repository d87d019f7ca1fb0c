// @ts-check
// A card's report picker (bundled into vouch-form.js, loaded when a shopper
// reaches for "Report"): the core renders a reason list with nothing chosen;
// only "Send report" with a reason posts it. Focus stays with the shopper:
// on the list when it opens, on the answer once sent, back on "Report" when
// cancelled.
import { sendReport } from './data.js';
import { emit } from './events.js';
import { DATASET, FIELD, HOOK } from './generated/dom-contract.js';
import { byHook } from './selectors.js';
import { setCoreHTML } from './trusted-html.js';

export class ReportPicker {
  /**
   * @param {{ host: HTMLElement, options: { api: string, product: string }, locale: string, idPrefix: string,
   *   reviewIdOf: (element: Element) => string, done: (picker: ReportPicker) => void }} context
   *   what the widget lends the picker (web/src/reports.js)
   * @param {HTMLButtonElement} button the card's "Report" button
   * @param {import('./wasm-types/vouch-form').VouchFormModule} core the form module (renderReportPicker)
   */
  constructor(context, button, core) {
    this.context = context;
    this.button = button;
    this.busy = false;
    const holder = document.createElement('div');
    setCoreHTML(holder, core.renderReportPicker(context.locale, `${context.idPrefix}-${button.dataset[DATASET.review]}`));
    this.form = /** @type {HTMLFormElement} */ (holder.querySelector('form'));
    (button.closest('.v-actions') || button).after(this.form);
    button.setAttribute('aria-expanded', 'true');
    this.reason().focus();
  }

  /** The reason list (the core's report_picker names it FIELD.reason). */
  reason() {
    return /** @type {HTMLSelectElement} */ (this.form.elements.namedItem(FIELD.reason));
  }

  /**
   * Removes the picker; `refocus` puts focus back on "Report" (Cancel).
   * @param {boolean} refocus
   */
  close(refocus) {
    this.form.remove();
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
    this.context.done(this);
  }

  /** @param {Event} event the picker's submit */
  async onSubmit(event) {
    event.preventDefault();
    if (this.busy) return;
    const select = this.reason();
    const error = /** @type {HTMLElement} */ (this.form.querySelector(byHook(HOOK.reportError)));
    if (!select.value) {
      error.textContent = this.form.dataset[DATASET.required] || '';
      select.setAttribute('aria-invalid', 'true');
      select.focus();
      return;
    }
    error.textContent = '';
    select.removeAttribute('aria-invalid');
    this.busy = true;
    const { options, host, reviewIdOf } = this.context;
    let sent = false;
    try {
      const { status, payload } = await sendReport(options, reviewIdOf(this.button), select.value);
      sent = status === 201;
      if (!sent) emit(host, 'vouch:error', { code: 'report_failed', message: (payload && payload.error && payload.error.message) || `HTTP ${status}` });
    } catch (failure) {
      emit(host, 'vouch:error', { code: 'report_failed', message: failure.message });
    } finally {
      this.busy = false;
    }
    if (!sent) {
      error.textContent = this.form.dataset[DATASET.failed] || '';
      select.focus();
      return;
    }
    // The answer replaces the picker and takes focus; "Report" is done for this review.
    const done = document.createElement('p');
    done.className = 'v-report-done';
    done.setAttribute('role', 'status');
    done.tabIndex = -1;
    done.textContent = this.form.dataset[DATASET.sent] || '';
    this.form.replaceWith(done);
    this.button.hidden = true;
    this.context.done(this);
    done.focus();
    emit(host, 'vouch:reported', { product: options.product, id: reviewIdOf(this.button), reason: select.value });
  }
}
