// A card's report picker (bundled into vouch-form.js, loaded when a shopper
// reaches for "Report"): the core renders a reason list with nothing chosen;
// only "Send report" with a reason posts it. Focus stays with the shopper:
// on the list when it opens, on the answer once sent, back on "Report" when
// cancelled.
import { sendReport } from './data.js';
import { emit } from './events.js';
import { setCoreHTML } from './trusted-html.js';

export class ReportPicker {
  /**
   * @param {{ host: HTMLElement, options: { api: string, product: string }, locale: string, idPrefix: string,
   *   reviewIdOf: (element: Element) => string, done: (picker: ReportPicker) => void }} context
   *   what the widget lends the picker (web/src/reports.js)
   * @param {HTMLButtonElement} button the card's "Report" button
   * @param {object} core the form module (renderReportPicker)
   */
  constructor(context, button, core) {
    this.context = context;
    this.button = button;
    this.busy = false;
    const holder = document.createElement('div');
    setCoreHTML(holder, core.renderReportPicker(context.locale, `${context.idPrefix}-${button.dataset.review}`));
    this.form = holder.querySelector('form');
    (button.closest('.v-actions') || button).after(this.form);
    button.setAttribute('aria-expanded', 'true');
    this.form.elements.reason.focus();
  }

  /** Removes the picker; `refocus` puts focus back on "Report" (Cancel). */
  close(refocus) {
    this.form.remove();
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
    this.context.done(this);
  }

  async onSubmit(event) {
    event.preventDefault();
    if (this.busy) return;
    const select = this.form.elements.reason;
    const error = this.form.querySelector('[data-report-error]');
    if (!select.value) {
      error.textContent = this.form.dataset.required;
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
      error.textContent = this.form.dataset.failed;
      select.focus();
      return;
    }
    // The answer replaces the picker and takes focus; "Report" is done for this review.
    const done = document.createElement('p');
    done.className = 'v-report-done';
    done.setAttribute('role', 'status');
    done.tabIndex = -1;
    done.textContent = this.form.dataset.sent;
    this.form.replaceWith(done);
    this.button.hidden = true;
    this.context.done(this);
    done.focus();
    emit(host, 'vouch:reported', { product: options.product, id: reviewIdOf(this.button), reason: select.value });
  }
}
