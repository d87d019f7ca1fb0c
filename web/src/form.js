// @ts-check
// The write-a-review form (markup by the form module's core, rendered when the
// shopper first asks for it: web/src/form-module.js). Bundled into
// vouch-form.js, not into the first render's vouch.js.
// While the shopper types, the core's validator (the same code the server
// runs) checks the answers, debounced, and its messages go into the error slot
// of each field the shopper has touched; on submit every field is checked, and
// the server's 422 answer is shown the same way.
import { sendReview } from './data.js';
import { emit } from './events.js';
import { DATASET, FIELD, HOOK } from './generated/dom-contract.js';
import { byHook } from './selectors.js';
import { withBytesInHeap } from './wasm-snapshot.mjs';

/** @typedef {import('./wasm-types/vouch-form').VouchFormModule} VouchFormModule */
/** @typedef {{ field?: string, code: string, message?: string }} FieldError an error of the validator's verdict or the server's 422 */

const DEBOUNCE_MS = 350;

function randomKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * User-perceived characters, counted by the core (the validator's own rule).
 * @param {VouchFormModule | null} core
 * @param {string} text
 */
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
 * @param {string} text
 */
function wellFormed(text) {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (match) => (match.length === 2 ? match : '\uFFFD'));
}

/**
 * The core's validator over UTF-8 bytes: Embind 3.1.6 mangles lone surrogates
 * in JS strings, so the submission travels as bytes (see docs/validation.md).
 * @param {VouchFormModule} core
 * @param {object} submission
 * @param {string} policy
 * @param {string} context
 * @param {string} locale
 */
function validateSubmission(core, submission, policy, context, locale) {
  const bytes = new TextEncoder().encode(JSON.stringify(submission));
  return withBytesInHeap(core, bytes, (pointer, length) => core.validateSubmissionBytes(pointer, length, policy, context, locale));
}

/**
 * "photos[2]" -> "photos": the slot that shows an error for `field`.
 * @param {string} field
 * @param {Map<string, HTMLElement>} slots
 */
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
   * @param {VouchFormModule | null} core the form module (validator, grapheme counter)
   */
  constructor(context, form, core) {
    this.context = context;
    this.core = core;
    this.form = form;
    /** @type {Set<string>} fields (the validator's paths) the shopper has touched */
    this.touched = new Set();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.openedAt = 0;
    this.busy = false;
  }

  /**
   * The form's element `selector` finds (the core renders every one the form uses).
   * @param {string} selector
   * @returns {HTMLElement}
   */
  part(selector) {
    return /** @type {HTMLElement} */ (this.form.querySelector(selector));
  }

  /**
   * The one control named `name` (the policy may leave it out: then null).
   * @param {string} name
   * @returns {HTMLInputElement | null}
   */
  control(name) {
    const control = this.form.elements.namedItem(name);
    return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? /** @type {HTMLInputElement} */ (control) : null;
  }

  /** @param {number} [rating] 1..5 from a request mail's star link (data.js linkRating): checked */
  open(rating = 0) {
    this.form.hidden = false;
    if (!this.openedAt) this.openedAt = Date.now();
    const chosen = /** @type {HTMLInputElement | null} */ (rating ? this.form.querySelector(`input[name="${FIELD.rating}"][value="${rating}"]`) : null);
    const first = chosen || /** @type {HTMLInputElement | null} */ (this.form.querySelector(`input[name="${FIELD.rating}"]`));
    if (chosen) {
      chosen.checked = true;
      this.touched.add(FIELD.rating);
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

  /**
   * @param {Element} element
   * @returns {boolean} true when `element` is inside this form
   */
  owns(element) {
    return this.form.contains(element);
  }

  /** @param {Event} event input, change or focusout on one of the form's controls */
  onInput(event) {
    const control = /** @type {HTMLInputElement | null} */ (event.target);
    if (!control || !control.name) return;
    // A control's name is its field's path in the validator's errors ("aspects.fit").
    this.touched.add(control.name);
    if (control.name === FIELD.body) this.updateCount();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validate(false), DEBOUNCE_MS);
  }

  updateCount() {
    const counter = /** @type {HTMLElement | null} */ (this.form.querySelector(byHook(HOOK.countFor, FIELD.body)));
    const body = this.control(FIELD.body);
    if (!counter || !body) return;
    const count = graphemeCount(this.core, body.value);
    counter.textContent = (counter.dataset[DATASET.template] || '').replace('{count}', String(count));
  }

  /**
   * The text the shopper typed into `name` ('' when the policy has no such field).
   * @param {string} name
   */
  text(name) {
    const control = this.control(name);
    return control ? wellFormed(control.value) : '';
  }

  /** The submission JSON the validator and the server read: each key a control's name. */
  submission() {
    /** @type {Record<string, unknown> & { aspects: Record<string, number>, photos: Array<{ type: string, bytes: number, name: string }> }} */
    const data = {
      title: this.text(FIELD.title),
      body: this.text(FIELD.body),
      author: this.text(FIELD.author),
      email: this.text(FIELD.email),
      language: this.context.locale,
      aspects: {},
      photos: [],
    };
    const rating = /** @type {HTMLInputElement | null} */ (this.form.querySelector(`input[name="${FIELD.rating}"]:checked`));
    if (rating) data[FIELD.rating] = Number(rating.value);
    // An aspect's radios are named by its path, "aspects.fit": the part after the prefix is the key.
    for (const checked of /** @type {NodeListOf<HTMLInputElement>} */ (this.form.querySelectorAll(`input[name^="${FIELD.aspectsPrefix}"]:checked`))) {
      data.aspects[checked.name.slice(FIELD.aspectsPrefix.length)] = Number(checked.value);
    }
    const photoInput = this.control(FIELD.photos);
    if (photoInput && photoInput.files) {
      for (const file of photoInput.files) data.photos.push({ type: file.type, bytes: file.size, name: file.name });
    }
    // Consent is part of the submission: the core checks it here and on the server.
    const consent = this.control(FIELD.consent);
    if (consent) data[FIELD.consent] = consent.checked;
    const honeypot = /** @type {HTMLInputElement | null} */ (this.form.querySelector(byHook(HOOK.honeypot)));
    if (honeypot) data[honeypot.name] = honeypot.value;
    if (this.openedAt) data.elapsed_ms = Date.now() - this.openedAt;
    return data;
  }

  /**
   * Runs the core's validator; shows errors of touched fields (all when `all`).
   * @param {boolean} all
   * @returns {FieldError[]}
   */
  validate(all) {
    const { options, locale } = this.context;
    const core = this.core;
    const context = JSON.stringify({ mode: 'form', elapsed_ms: this.openedAt ? Date.now() - this.openedAt : -1 });
    /** @type {{ errors?: FieldError[] }} */
    let verdict = { errors: [] };
    try {
      // Without the validator in this core build, the server's 422 is the only check.
      if (core && typeof core.validateSubmissionBytes === 'function') verdict = JSON.parse(validateSubmission(core, this.submission(), options.policy, context, locale));
    } catch (error) {
      // The server still checks everything; report, keep the form usable.
      emit(this.context.host, 'vouch:error', { code: 'validation_unavailable', message: `Vouch: ${error.message}` });
    }
    // The consent error comes from the core's validator; the box carries the clearer wording.
    const consent = this.control(FIELD.consent);
    const errors = (verdict.errors || []).map((error) =>
      error.field === FIELD.consent && consent ? { ...error, message: consent.dataset[DATASET.requiredMessage] } : error,
    );
    this.showErrors(errors, all);
    return errors;
  }

  /**
   * @param {FieldError[]} errors
   * @param {boolean} all show every field's error (a submit), not only touched fields'
   */
  showErrors(errors, all) {
    /** @type {Map<string, HTMLElement>} */
    const slots = new Map();
    for (const slot of /** @type {NodeListOf<HTMLElement>} */ (this.form.querySelectorAll(byHook(HOOK.errorFor)))) {
      slots.set(slot.getAttribute(HOOK.errorFor) || '', slot);
    }
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
    const summary = this.part(byHook(HOOK.formErrors));
    if (all) {
      const count = messages.size + unplaced.length;
      summary.textContent = count ? [this.context.uiText('errors_summary', count), ...unplaced].join(' ') : '';
    } else if (!errors.length) {
      summary.textContent = '';
    }
    return messages;
  }

  /**
   * The controls of a field: its name is the field's path (every radio of "rating").
   * @param {string} field
   * @returns {Element[]}
   */
  controlsFor(field) {
    return [...this.form.elements].filter((control) => /** @type {HTMLInputElement} */ (control).name === field);
  }

  /** @param {Event} event the form's submit */
  async onSubmit(event) {
    event.preventDefault();
    if (this.busy) return;
    clearTimeout(this.timer);
    const status = this.part(byHook(HOOK.formStatus));
    status.textContent = '';
    const errors = this.validate(true);
    if (errors.length) {
      this.focusFirstInvalid();
      return;
    }
    const { options, locale, host } = this.context;
    this.busy = true;
    // aria-disabled, not disabled: a disabled button drops keyboard focus to <body>.
    const submitButton = this.part('button[type="submit"]');
    submitButton.setAttribute('aria-disabled', 'true');
    try {
      const photoInput = this.control(FIELD.photos);
      const files = photoInput && photoInput.files ? [...photoInput.files] : [];
      const submission = this.submission();
      if (files.length) delete submission.photos; // the server reads the files themselves
      const { status: code, payload } = await sendReview(options, submission, files, locale, randomKey());
      if (code === 201 || code === 200) {
        const published = Boolean(payload && payload.status === 'published');
        status.textContent = (published ? status.dataset[DATASET.published] : status.dataset[DATASET.sent]) || '';
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
        status.textContent = status.dataset[DATASET.failed] || '';
        status.focus();
        const message = (payload && payload.error && payload.error.message) || (payload && payload.message) || `HTTP ${code}`;
        emit(host, 'vouch:error', { code: 'submit_failed', message: `Vouch: the review could not be sent (${message})` });
      }
    } catch (error) {
      status.textContent = status.dataset[DATASET.failed] || '';
      status.focus();
      emit(host, 'vouch:error', { code: 'submit_failed', message: `Vouch: the review could not be sent (${error.message})` });
    } finally {
      this.busy = false;
      submitButton.removeAttribute('aria-disabled');
    }
  }

  focusFirstInvalid() {
    const invalid = /** @type {HTMLElement | null} */ (this.form.querySelector('[aria-invalid="true"]'));
    if (invalid) invalid.focus();
    else this.part(byHook(HOOK.formErrors)).focus?.();
  }
}
