// @ts-check
// "Report" on a card: loads the form module (which holds the picker,
// web/src/report.js) and keeps the one picker open at a time.
import { loadFormModule } from './form-module.js';
import { reviewIdOf } from './votes.js';

export class Reports {
  /**
   * @param {{ env: { formUrl: string, formWasmUrl: string }, options: () => any, locale: () => string, idPrefix: string, host: HTMLElement,
   *   unavailable: (error: Error) => void }} context
   */
  constructor(context) {
    this.context = context;
    this.picker = null; // the open ReportPicker
    this.closed = false;
  }

  /** Opens the card's report picker: a reason, then "Send report". */
  async open(button) {
    const { context } = this;
    if (!context.options().api) return;
    try {
      const module = await loadFormModule(context.env);
      if (this.closed || !button.isConnected) return;
      if (this.picker) this.picker.close(false);
      const Picker = /** @type {any} */ (module.ReportPicker);
      this.picker = new Picker(this.pickerContext(), button, module.core);
    } catch (error) {
      context.unavailable(error);
    }
  }

  /** What the picker may use: no widget, only these. */
  pickerContext() {
    const { context } = this;
    return {
      host: context.host,
      options: context.options(),
      locale: context.locale(),
      idPrefix: context.idPrefix,
      reviewIdOf,
      done: (picker) => {
        if (this.picker === picker) this.picker = null;
      },
    };
  }

  /** "Cancel" in the open picker. */
  cancel() {
    if (this.picker) this.picker.close(true);
  }

  /** @returns {boolean} true when `form` is the open picker's (and it took the submit) */
  submit(form, event) {
    if (!this.picker || form !== this.picker.form) return false;
    this.picker.onSubmit(event);
    return true;
  }

  destroy() {
    this.closed = true;
  }
}
