// The write-a-review form (markup by the form module's core, rendered when the
// shopper first asks for it: web/src/form-module.js). Bundled into
// vouch-form.js, not into the first render's vouch.js.
// While the shopper types, the core's validator (the same code the server
// runs) checks the answers, debounced, and its messages go into the error slot
// of each field the shopper has touched; on submit every field is checked, and
// the server's 422 answer is shown the same way.
import { sendReview } from './data.js';
import { emit } from './events.js';
import { withBytesInHeap } from './wasm-snapshot.mjs';

const DEBOUNCE_MS = 350;

function randomKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** User-perceived characters, counted by the core (the validator's own rule). */
function graphemeCount(core, text) {
  if (core && typeof core.graphemeCount === 'function') return core.graphemeCount(text);
  // Without the form module's core: the browser's segmenter agrees on all but rare clusters.
  if (typeof Intl === 'object' && Intl.Segmenter) return [...new Intl.Segmenter().segment(text)].length;
  return [...text].length;
}

/**
 * Lone UTF-16 surrogates (half an emoji from a broken paste) -> U+FFFD, as
 * TextEncoder does. Left alone, JSON.stringify writes them as "\ud800" escapes,
 * which the core's JSON parser (in the browser and on the server) refuses: the
 * shopper would get invalid_json for a typo they cannot see.
 */
function wellFormed(text) {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (match) => (match.length === 2 ? match : '\uFFFD'));
}

/**
 * The core's validator over UTF-8 bytes: Embind 3.1.6 mangles lone surrogates
 * in JS strings, so the submission travels as bytes (see docs/validation.md).
 */
function validateSubmission(core, submission, policy, context, locale) {
  const bytes = new TextEncoder().encode(JSON.stringify(submission));
  return withBytesInHeap(core, bytes, (pointer, length) => core.validateSubmissionBytes(pointer, length, policy, context, locale));
}

/** "photos[2]" -> "photos": the slot that shows an error for `field`. */
function slotFor(field, slots) {
  if (slots.has(field)) return field;
  const base = field.replace(/\[\d+\]$/, '');
  return slots.has(base) ? base : '';
}

/**
 * @typedef {object} FormContext
 * @property {HTMLElement} host where events are dispatched
 * @property {{ api: string, product: string, policy: string }} options
 * @property {string} locale
 * @property {(key: string, count: number) => string} uiText a UI string of the view module
 * @property {(reviewId: string) => Promise<boolean>} showOwnReview the shopper's review was published
 */

export class ReviewForm {
  /**
   * @param {FormContext} context what the widget lends the form (web/src/form-module.js)
   * @param {HTMLFormElement} form
   * @param {object} core the form module (validator, grapheme counter)
   */
  constructor(context, form, core) {
    this.context = context;
    this.core = core;
    this.form = form;
    this.touched = new Set();
    this.timer = 0;
    this.openedAt = 0;
    this.busy = false;
  }

  /** @param {number} [rating] 1..5 from a request mail's star link (data.js linkRating): checked */
  open(rating = 0) {
    this.form.hidden = false;
    if (!this.openedAt) this.openedAt = Date.now();
    const chosen = rating ? this.form.querySelector(`input[name="rating"][value="${rating}"]`) : null;
    const first = chosen || this.form.querySelector('input[name="rating"]');
    if (chosen) {
      chosen.checked = true;
      this.touched.add('rating');
    }
    if (first) first.focus();
    if (chosen) this.form.scrollIntoView({ block: 'start' });
  }

  close() {
    this.form.hidden = true;
    clearTimeout(this.timer);
  }

  destroy() {
    clearTimeout(this.timer);
  }

  /** @returns {boolean} true when `element` is inside this form */
  owns(element) {
    return this.form.contains(element);
  }

  /** The field a control belongs to: "rating", "aspects.fit", "body", ... */
  fieldOf(control) {
    const name = control.name || '';
    if (name.startsWith('aspect-')) return `aspects.${name.slice(7)}`;
    return name;
  }

  onInput(event) {
    const control = event.target;
    if (!control || !control.name) return;
    this.touched.add(this.fieldOf(control));
    if (control.name === 'body') this.updateCount();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validate(false), DEBOUNCE_MS);
  }

  updateCount() {
    const counter = this.form.querySelector('[data-count-for="body"]');
    if (!counter) return;
    const count = graphemeCount(this.core, this.form.elements.body.value);
    counter.textContent = counter.dataset.template.replace('{count}', String(count));
  }

  /** The submission JSON the validator and the server read. */
  submission() {
    const elements = this.form.elements;
    const data = {
      title: elements.title ? wellFormed(elements.title.value) : '',
      body: wellFormed(elements.body.value),
      author: elements.author ? wellFormed(elements.author.value) : '',
      email: elements.email ? wellFormed(elements.email.value) : '',
      language: this.context.locale,
      aspects: {},
      photos: [],
    };
    const rating = this.form.querySelector('input[name="rating"]:checked');
    if (rating) data.rating = Number(rating.value);
    for (const checked of this.form.querySelectorAll('input[name^="aspect-"]:checked')) {
      data.aspects[checked.name.slice(7)] = Number(checked.value);
    }
    const photoInput = elements.photos;
    if (photoInput && photoInput.files) {
      for (const file of photoInput.files) data.photos.push({ type: file.type, bytes: file.size, name: file.name });
    }
    // Consent is part of the submission: the core checks it here and on the server.
    if (elements.consent) data.consent = elements.consent.checked;
    const honeypot = this.form.querySelector('[data-honeypot]');
    if (honeypot) data[honeypot.name] = honeypot.value;
    if (this.openedAt) data.elapsed_ms = Date.now() - this.openedAt;
    return data;
  }

  /** Runs the core's validator; shows errors of touched fields (all when `all`). */
  validate(all) {
    const { options, locale } = this.context;
    const core = this.core;
    const context = JSON.stringify({ mode: 'form', elapsed_ms: this.openedAt ? Date.now() - this.openedAt : -1 });
    let verdict = { errors: [] };
    try {
      // Without the validator in this core build, the server's 422 is the only check.
      if (core && typeof core.validateSubmissionBytes === 'function') verdict = JSON.parse(validateSubmission(core, this.submission(), options.policy, context, locale));
    } catch (error) {
      // The server still checks everything; report, keep the form usable.
      emit(this.context.host, 'vouch:error', { code: 'validation_unavailable', message: `Vouch: ${error.message}` });
    }
    // The consent error comes from the core's validator; the box carries the clearer wording.
    const consent = this.form.elements.consent;
    const errors = (verdict.errors || []).map((error) => (error.field === 'consent' && consent ? { ...error, message: consent.dataset.requiredMessage } : error));
    this.showErrors(errors, all);
    return errors;
  }

  showErrors(errors, all) {
    const slots = new Map([...this.form.querySelectorAll('[data-error-for]')].map((slot) => [slot.dataset.errorFor, slot]));
    const messages = new Map();
    const unplaced = [];
    for (const error of errors) {
      const key = slotFor(error.field || '', slots);
      if (!key) {
        unplaced.push(error.message || error.code);
        continue;
      }
      if (!all && !this.touched.has(key)) continue;
      // Shown once (a submit, the server's 422): the field counts as touched, so
      // typing elsewhere and leaving that field keeps its message until it is fixed.
      if (all) this.touched.add(key);
      if (!messages.has(key)) messages.set(key, error.message || error.code);
    }
    for (const [key, slot] of slots) {
      const message = messages.get(key) || '';
      if (slot.textContent !== message) slot.textContent = message;
      for (const control of this.controlsFor(key)) {
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    const summary = this.form.querySelector('[data-form-errors]');
    if (all) {
      const count = messages.size + unplaced.length;
      summary.textContent = count ? [this.context.uiText('errors_summary', count), ...unplaced].join(' ') : '';
    } else if (!errors.length) {
      summary.textContent = '';
    }
    return messages;
  }

  controlsFor(field) {
    const name = field.startsWith('aspects.') ? `aspect-${field.slice(8)}` : field;
    return [...this.form.elements].filter((control) => control.name === name);
  }

  async onSubmit(event) {
    event.preventDefault();
    if (this.busy) return;
    clearTimeout(this.timer);
    const status = this.form.querySelector('[data-form-status]');
    status.textContent = '';
    const errors = this.validate(true);
    if (errors.length) {
      this.focusFirstInvalid();
      return;
    }
    const { options, locale, host } = this.context;
    this.busy = true;
    // aria-disabled, not disabled: a disabled button drops keyboard focus to <body>.
    const submitButton = this.form.querySelector('button[type="submit"]');
    submitButton.setAttribute('aria-disabled', 'true');
    try {
      const files = this.form.elements.photos && this.form.elements.photos.files ? [...this.form.elements.photos.files] : [];
      const submission = this.submission();
      if (files.length) delete submission.photos; // the server reads the files themselves
      const { status: code, payload } = await sendReview(options, submission, files, locale, randomKey());
      if (code === 201 || code === 200) {
        const published = Boolean(payload && payload.status === 'published');
        status.textContent = published ? status.dataset.published : status.dataset.sent;
        this.form.reset();
        this.touched.clear();
        this.openedAt = Date.now();
        this.updateCount();
        this.showErrors([], false);
        status.focus();
        emit(host, 'vouch:submitted', { product: options.product, id: payload && payload.id, status: payload && payload.status });
        // Their review is live: show it now, not after the caches expire.
        if (published && payload.id) this.context.showOwnReview(String(payload.id));
      } else if (code === 422 && payload && Array.isArray(payload.errors)) {
        this.showErrors(payload.errors, true);
        this.focusFirstInvalid();
      } else {
        status.textContent = status.dataset.failed;
        status.focus();
        const message = (payload && payload.error && payload.error.message) || (payload && payload.message) || `HTTP ${code}`;
        emit(host, 'vouch:error', { code: 'submit_failed', message: `Vouch: the review could not be sent (${message})` });
      }
    } catch (error) {
      status.textContent = status.dataset.failed;
      status.focus();
      emit(host, 'vouch:error', { code: 'submit_failed', message: `Vouch: the review could not be sent (${error.message})` });
    } finally {
      this.busy = false;
      submitButton.removeAttribute('aria-disabled');
    }
  }

  focusFirstInvalid() {
    const invalid = this.form.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else this.form.querySelector('[data-form-errors]').focus?.();
  }
}
