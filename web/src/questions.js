// @ts-check
// The Questions section's controller (issue 17), in the Q&A module: fetches the
// product's answered questions, renders them with the core (vouch-qa.wasm:
// search over questions and answers, sorts, badges), sends helpful votes, and
// runs the "Ask a question" and "Answer" forms, validated by the core's
// question/answer validator before the POST (the server runs the same one).
import { visitorId } from './data.js';
import { formatDates } from './dates.js';
import { emit, vouchError } from './events.js';
import { ACTION, DATASET, FIELD, HOOK } from './generated/dom-contract.js';
import { byAction, byHook } from './selectors.js';
import { setCoreHTML } from './trusted-html.js';
import { withBytesInHeap } from './wasm-snapshot.mjs';

const SEARCH_DEBOUNCE_MS = 300;

// The section's own rules, adopted into the widget's shadow root by this
// module (a constructable sheet, like shadow.js: nothing for a strict
// style-src), so the first-render stylesheet does not carry them.
const QA_CSS = `
.v-qa{margin-top:1.5em}.v-qa-controls{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin:.5em 0}
.v-qa-list,.v-answers{list-style:none;margin:0;padding:0}.v-question{border-top:1px solid var(--vouch-border,#ccc);padding:.75em 0}
.v-q-text{font-size:1em;margin:0 0 .25em}.v-answers{margin:.5em 0 0 1em}.v-answer{margin:.5em 0}
.v-badge-store{font-weight:600}.v-qa-form .v-field{display:flex;flex-direction:column;margin:.5em 0}
.v-qa-form .v-check{flex-direction:row;gap:.5em;align-items:flex-start}.v-qa-tabs{display:flex;gap:.25em;margin-bottom:1em}
.v-qa-tabs [aria-selected="true"]{font-weight:700;text-decoration:underline}`;
let qaSheet = null;

function adoptStyles(root) {
  if (!('adoptedStyleSheets' in root) || typeof CSSStyleSheet !== 'function') {
    if (!root.querySelector('style[data-vouch-qa]')) {
      const style = document.createElement('style');
      style.dataset.vouchQa = '';
      style.textContent = QA_CSS;
      root.append(style);
    }
    return;
  }
  if (!qaSheet) {
    qaSheet = new CSSStyleSheet();
    qaSheet.replaceSync(QA_CSS);
  }
  if (!root.adoptedStyleSheets.includes(qaSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, qaSheet];
}

/** ?vouch_answer=<signed answer link token> (docs/embedding.md, "Questions"). */
function answerToken() {
  try {
    return new URL(window.location.href).searchParams.get('vouch_answer') || '';
  } catch (error) {
    return '';
  }
}

/** #vouch-answer=<question id>: opens that question's answer form. */
function answerTarget() {
  const match = /(?:^#|&)vouch-answer=([^&]*)/.exec(window.location.hash || '');
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch (error) {
    return '';
  }
}

/**
 * Bytes of `text` in wasm memory for a *Bytes call (TextEncoder: lone surrogates become U+FFFD).
 * @template T
 * @param {import('./wasm-types/vouch-qa').VouchQaModule} core
 * @param {string} text
 * @param {(pointer: number, length: number) => T} call
 * @returns {T}
 */
function withBytes(core, text, call) {
  return withBytesInHeap(core, new TextEncoder().encode(text), call);
}

export class QuestionsSection {
  /**
   * @param {any} widget web/src/widget.js ReviewsWidget (its options, locale, root, host, ids)
   * @param {HTMLElement} region
   * @param {import('./wasm-types/vouch-qa').VouchQaModule} core
   */
  constructor(widget, region, core) {
    this.widget = widget;
    this.region = region;
    this.core = core;
    this.list = new core.QaList();
    this.state = { search: '', sort: 'most_helpful' };
    this.votes = new Map(); // answer id -> helpful count the server answered
    this.token = answerToken();
    this.openedAt = new Map(); // form -> time it opened (elapsed_ms, advisory)
    this.searchTimer = 0;
    this.destroyed = false;
    /** @type {Array<[string, (event: any) => void]>} */
    this.handlers = [
      ['click', (event) => this.onClick(event)],
      ['input', (event) => this.onInput(event)],
      ['change', (event) => this.onChange(event)],
      ['submit', (event) => this.onSubmit(event)],
    ];
    for (const [type, handler] of this.handlers) region.addEventListener(type, handler);
  }

  get options() {
    return this.widget.options;
  }

  get locale() {
    return this.widget.locale;
  }

  url() {
    const o = this.options;
    // A file on the store's CDN (data-questions) wins, like data-snapshot: writes still go to api.
    return o.questions || `${o.api}/api/v1/products/${encodeURIComponent(o.product)}/questions`;
  }

  async start() {
    const response = await fetch(this.url(), { credentials: 'omit' });
    if (response.status === 404 && !this.options.questions) {
      // A server without questions for this product (or an older one without
      // the route): no section, and nothing to report.
      this.region.replaceChildren();
      return;
    }
    if (!response.ok) throw vouchError('questions_unavailable', `the questions could not be fetched (HTTP ${response.status})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (this.destroyed) return;
    const status = withBytes(this.core, new TextDecoder().decode(bytes), (ptr, len) => this.list.load(ptr, len));
    if (!status.ok) throw vouchError(status.code, `the questions file is not usable: ${status.message}`);
    if (status.skipped) emit(this.widget.host, 'vouch:warning', { product: this.options.product, code: 'questions_skipped', message: `${status.skipped} broken question rows skipped (${status.message})` });
    adoptStyles(this.widget.root);
    this.render();
    if (this.options.qa === 'tab') this.makeTabs();
    emit(this.widget.host, 'vouch:questions-ready', { product: this.options.product, questions: status.total });
    const target = answerTarget();
    if (target && this.token && this.list.hasQuestion(target)) this.openForm(target);
  }

  /**
   * data-qa="tab": a tab list above the widget, "N reviews" | "Questions and
   * answers" (WAI-ARIA tabs: arrow keys move between them).
   */
  makeTabs() {
    const frame = this.widget.frame;
    const reviews = [...frame.children].filter((el) => el !== this.region && el.dataset.region !== undefined && el.dataset.region !== 'questions' && !el.dataset.live);
    const list = document.createElement('div');
    list.className = 'v-qa-tabs';
    list.setAttribute('role', 'tablist');
    const prefix = this.widget.idPrefix;
    const panels = [
      { id: `${prefix}-tab-reviews`, label: this.widget.core.uiText('review_count', this.widget.store ? this.widget.store.size() : this.widget.first.reviews, this.locale), elements: reviews },
      { id: `${prefix}-tab-questions`, label: this.core.qaText('qa_heading', this.locale), elements: [this.region] },
    ];
    const tabs = panels.map((panel, i) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = panel.id;
      tab.setAttribute('role', 'tab');
      tab.textContent = panel.label;
      const holder = document.createElement('div');
      holder.setAttribute('role', 'tabpanel');
      holder.id = `${panel.id}-panel`;
      holder.setAttribute('aria-labelledby', panel.id);
      tab.setAttribute('aria-controls', holder.id);
      panel.elements[0].before(holder);
      holder.append(...panel.elements);
      panel.holder = holder;
      tab.addEventListener('click', () => select(i, false));
      tab.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        event.preventDefault();
        select((i + 1) % 2, true);
      });
      return tab;
    });
    const select = (index, focus) => {
      tabs.forEach((tab, i) => {
        tab.setAttribute('aria-selected', String(i === index));
        tab.tabIndex = i === index ? 0 : -1;
        panels[i].holder.hidden = i !== index;
      });
      if (focus) tabs[index].focus();
    };
    list.append(...tabs);
    frame.prepend(list);
    select(answerTarget() ? 1 : 0, false);
  }

  render() {
    const active = this.region.ownerDocument && this.widget.root.activeElement;
    const refocus = active && this.region.contains(active) ? /** @type {HTMLElement} */ (active).dataset[DATASET.action] : '';
    const canAnswer = Boolean(this.options.api && this.token);
    const section = this.list.render(this.state.search, this.state.sort, this.locale, this.widget.idPrefix, canAnswer);
    setCoreHTML(this.region, section.html);
    formatDates(this.region, this.widget.locale);
    for (const [id, helpful] of this.votes) this.showVote(id, helpful);
    if (!this.options.api) {
      // A static store reads only: no votes, no forms it could not send.
      for (const el of this.region.querySelectorAll([ACTION.qaVote, ACTION.qaAsk, ACTION.qaAnswer].map(byAction).join(', '))) el.remove();
    }
    if (refocus) {
      const again = /** @type {HTMLInputElement | null} */ (this.region.querySelector(byAction(refocus)));
      if (again) {
        again.focus();
        if (refocus === ACTION.qaSearch) again.setSelectionRange(again.value.length, again.value.length);
      }
    }
  }

  setState(change) {
    this.state = { ...this.state, ...change };
    this.render();
  }

  onInput(event) {
    const target = event.target;
    if (target.dataset && target.dataset[DATASET.action] === ACTION.qaSearch) {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        if (!this.destroyed && target.value !== this.state.search) this.setState({ search: target.value });
      }, SEARCH_DEBOUNCE_MS);
    }
  }

  onChange(event) {
    const target = event.target;
    if (target.dataset && target.dataset[DATASET.action] === ACTION.qaSort) this.setState({ sort: target.value });
  }

  onClick(event) {
    const target = event.target.closest ? event.target.closest(byHook(HOOK.action)) : null;
    if (!target || !this.region.contains(target)) return;
    const action = target.dataset[DATASET.action];
    if (action === ACTION.qaVote) this.vote(target);
    else if (action === ACTION.qaAsk) this.openForm('');
    else if (action === ACTION.qaAnswer) this.openForm(target.dataset[DATASET.question]);
    else if (action === ACTION.qaCancel) this.closeForm(target.closest('form'));
  }

  slotFor(questionId) {
    if (!questionId) return this.region.querySelector(`#${CSS.escape(`${this.widget.idPrefix}-qa-ask-slot`)}`);
    for (const slot of /** @type {NodeListOf<HTMLElement>} */ (this.region.querySelectorAll(byHook(HOOK.answerSlot)))) {
      if (slot.dataset[DATASET.answerSlot] === questionId) return slot;
    }
    return null;
  }

  openForm(questionId) {
    const slot = this.slotFor(questionId);
    if (!slot) return;
    if (!slot.querySelector('form')) {
      setCoreHTML(slot, this.core.renderQaForm(this.options.policy, questionId, this.locale, this.widget.idPrefix));
      this.openedAt.set(slot.querySelector('form'), Date.now());
    }
    if (!questionId) {
      const ask = this.region.querySelector(byAction(ACTION.qaAsk));
      if (ask) ask.setAttribute('aria-expanded', 'true');
    }
    const first = slot.querySelector('textarea');
    if (first) first.focus();
  }

  closeForm(form) {
    if (!form) return;
    const ask = !form.dataset[DATASET.question];
    this.openedAt.delete(form);
    form.remove();
    if (ask) {
      const button = /** @type {HTMLElement | null} */ (this.region.querySelector(byAction(ACTION.qaAsk)));
      if (button) {
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    }
  }

  /** The form's fields as the question/answer JSON of the contract. */
  submission(form) {
    const data = { text: form.elements[FIELD.text].value, author: form.elements[FIELD.author].value };
    if (form.elements[FIELD.email] && form.elements[FIELD.email].value) data.email = form.elements[FIELD.email].value;
    if (form.elements[FIELD.consent]) data.consent = form.elements[FIELD.consent].checked;
    const started = this.openedAt.get(form);
    if (started) data.elapsed_ms = Date.now() - started;
    const policy = this.options.policy ? JSON.parse(this.options.policy) : {};
    const honeypot = policy.honeypot_field === undefined ? 'website' : policy.honeypot_field;
    if (honeypot && form.elements[honeypot]) data[honeypot] = form.elements[honeypot].value;
    if (form.dataset[DATASET.question] && this.token) data.token = this.token;
    return data;
  }

  /** Shows each error under its field (field "" under the form); true when there were none. */
  showErrors(form, errors) {
    for (const p of form.querySelectorAll('.v-error')) {
      p.hidden = true;
      p.textContent = '';
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    let first = null;
    for (const error of errors) {
      const field = form.elements[error.field];
      const holder = field && field.id ? form.querySelector(`#${CSS.escape(`${field.id}-error`)}`) : form.querySelector('.v-form-error');
      if (!holder) continue;
      holder.textContent = holder.textContent ? `${holder.textContent} ${error.message}` : error.message;
      holder.hidden = false;
      if (field && field.setAttribute) {
        field.setAttribute('aria-invalid', 'true');
        first = first || field;
      }
    }
    if (first) first.focus();
    return errors.length === 0;
  }

  formNotice(form, text) {
    const notice = document.createElement('p');
    notice.className = 'v-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = text;
    form.replaceWith(notice);
  }

  async onSubmit(event) {
    const form = event.target;
    if (!form.classList || !form.classList.contains('v-qa-form')) return;
    event.preventDefault();
    const data = this.submission(form);
    const answer = Boolean(form.dataset[DATASET.question]);
    const verdict = JSON.parse(
      withBytes(this.core, JSON.stringify(data), (ptr, len) =>
        answer
          ? this.core.validateAnswerBytes(ptr, len, this.options.policy, '', this.locale)
          : this.core.validateQuestionBytes(ptr, len, this.options.policy, '', this.locale),
      ),
    );
    if (!this.showErrors(form, verdict.errors)) return;
    const url = answer
      ? `${this.options.api}/api/v1/questions/${encodeURIComponent(form.dataset[DATASET.question])}/answers`
      : `${this.options.api}/api/v1/products/${encodeURIComponent(this.options.product)}/questions`;
    let status = 0;
    let payload = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': this.locale },
        body: JSON.stringify(data),
        credentials: 'omit',
      });
      status = response.status;
      payload = await response.json().catch(() => null);
    } catch (error) {
      status = 0;
    }
    if (this.destroyed) return;
    if (status === 201) {
      this.formNotice(form, this.core.qaText('qa_pending', this.locale));
      emit(this.widget.host, answer ? 'vouch:answer-submitted' : 'vouch:question-submitted', { product: this.options.product, id: payload && payload.id });
    } else if ((status === 400 || status === 422) && payload && Array.isArray(payload.errors) && payload.errors.length) {
      // The server's verdict, in the same shape; its messages are in our locale too.
      this.showErrors(form, payload.errors.map((e) => ({ field: e.field || e.path || '', message: e.message || '' })));
    } else {
      const key = status === 403 ? 'qa_verified_required' : 'qa_failed';
      this.showErrors(form, [{ field: '', message: this.core.qaText(key, this.locale) }]);
    }
  }

  async vote(button) {
    const id = button.dataset[DATASET.answer];
    if (!this.options.api || !id || this.votes.has(id)) return;
    button.disabled = true;
    try {
      const response = await fetch(`${this.options.api}/api/v1/answers/${encodeURIComponent(id)}/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ visitor: visitorId(), vote: 'up' }),
        credentials: 'omit',
      });
      const payload = await response.json().catch(() => null);
      if (response.ok && payload && Number.isInteger(payload.helpful_up)) {
        this.votes.set(id, payload.helpful_up);
        this.showVote(id, payload.helpful_up);
        return;
      }
    } catch (error) {
      // The vote did not count: the button stays usable.
    }
    if (!this.destroyed) button.disabled = false;
  }

  /** One vote per visitor: the button shows the server's count, pressed. */
  showVote(id, helpful) {
    for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (this.region.querySelectorAll(byAction(ACTION.qaVote)))) {
      if (button.dataset[DATASET.answer] !== id) continue;
      button.textContent = button.textContent.replace(/\d+/, String(helpful));
      button.setAttribute('aria-pressed', 'true');
      button.disabled = true;
    }
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.searchTimer);
    for (const [type, handler] of this.handlers) this.region.removeEventListener(type, handler);
    this.list.delete();
  }
}
