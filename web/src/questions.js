// The Questions section's controller (issue 17), in the Q&A module: fetches the
// product's answered questions, renders them with the core (vouch-qa.wasm:
// search over questions and answers, sorts, badges), sends helpful votes, and
// runs the "Ask a question" and "Answer" forms, validated by the core's
// question/answer validator before the POST (the server runs the same one).
import { visitorId } from './data.js';
import { formatDates } from './dates.js';
import { emit, vouchError } from './events.js';
import { setCoreHTML } from './trusted-html.js';

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

/** Bytes of `text` in wasm memory for a *Bytes call (TextEncoder: lone surrogates become U+FFFD). */
function withBytes(core, text, call) {
  const bytes = new TextEncoder().encode(text);
  const ptr = core._malloc(Math.max(bytes.length, 1));
  try {
    core.HEAPU8.set(bytes, ptr); // HEAPU8 read after _malloc: memory may have grown
    return call(ptr, bytes.length);
  } finally {
    core._free(ptr);
  }
}

export class QuestionsSection {
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
    if (this.options.qa === 'tab') this.makeTabs(status.total);
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
    const refocus = active && this.region.contains(active) ? active.dataset.action : '';
    const canAnswer = Boolean(this.options.api && this.token);
    const section = this.list.render(this.state.search, this.state.sort, this.locale, this.widget.idPrefix, canAnswer);
    setCoreHTML(this.region, section.html);
    formatDates(this.region, this.widget.locale);
    for (const [id, helpful] of this.votes) this.showVote(id, helpful);
    if (!this.options.api) {
      // A static store reads only: no votes, no forms it could not send.
      for (const el of this.region.querySelectorAll('[data-action="qa-vote"], [data-action="qa-ask"], [data-action="qa-answer"]')) el.remove();
    }
    if (refocus) {
      const again = this.region.querySelector(`[data-action="${refocus}"]`);
      if (again) {
        again.focus();
        if (refocus === 'qa-search') again.setSelectionRange(again.value.length, again.value.length);
      }
    }
  }

  setState(change) {
    this.state = { ...this.state, ...change };
    this.render();
  }

  onInput(event) {
    const target = event.target;
    if (target.dataset && target.dataset.action === 'qa-search') {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        if (!this.destroyed && target.value !== this.state.search) this.setState({ search: target.value });
      }, SEARCH_DEBOUNCE_MS);
    }
  }

  onChange(event) {
    const target = event.target;
    if (target.dataset && target.dataset.action === 'qa-sort') this.setState({ sort: target.value });
  }

  onClick(event) {
    const target = event.target.closest ? event.target.closest('[data-action]') : null;
    if (!target || !this.region.contains(target)) return;
    const { action } = target.dataset;
    if (action === 'qa-vote') this.vote(target);
    else if (action === 'qa-ask') this.openForm('');
    else if (action === 'qa-answer') this.openForm(target.dataset.question);
    else if (action === 'qa-cancel') this.closeForm(target.closest('form'));
  }

  slotFor(questionId) {
    if (!questionId) return this.region.querySelector(`#${CSS.escape(`${this.widget.idPrefix}-qa-ask-slot`)}`);
    for (const slot of this.region.querySelectorAll('[data-answer-slot]')) if (slot.dataset.answerSlot === questionId) return slot;
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
      const ask = this.region.querySelector('[data-action="qa-ask"]');
      if (ask) ask.setAttribute('aria-expanded', 'true');
    }
    const first = slot.querySelector('textarea');
    if (first) first.focus();
  }

  closeForm(form) {
    if (!form) return;
    const ask = !form.dataset.question;
    this.openedAt.delete(form);
    form.remove();
    if (ask) {
      const button = this.region.querySelector('[data-action="qa-ask"]');
      if (button) {
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    }
  }

  /** The form's fields as the question/answer JSON of the contract. */
  submission(form) {
    const data = { text: form.elements.text.value, author: form.elements.author.value };
    if (form.elements.email && form.elements.email.value) data.email = form.elements.email.value;
    if (form.elements.consent) data.consent = form.elements.consent.checked;
    const started = this.openedAt.get(form);
    if (started) data.elapsed_ms = Date.now() - started;
    const policy = this.options.policy ? JSON.parse(this.options.policy) : {};
    const honeypot = policy.honeypot_field === undefined ? 'website' : policy.honeypot_field;
    if (honeypot && form.elements[honeypot]) data[honeypot] = form.elements[honeypot].value;
    if (form.dataset.question && this.token) data.token = this.token;
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
    const answer = Boolean(form.dataset.question);
    const verdict = JSON.parse(
      withBytes(this.core, JSON.stringify(data), (ptr, len) =>
        answer
          ? this.core.validateAnswerBytes(ptr, len, this.options.policy, '', this.locale)
          : this.core.validateQuestionBytes(ptr, len, this.options.policy, '', this.locale),
      ),
    );
    if (!this.showErrors(form, verdict.errors)) return;
    const url = answer
      ? `${this.options.api}/api/v1/questions/${encodeURIComponent(form.dataset.question)}/answers`
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
    const id = button.dataset.answer;
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
    for (const button of this.region.querySelectorAll('[data-action="qa-vote"]')) {
      if (button.dataset.answer !== id) continue;
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
