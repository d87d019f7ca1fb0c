// @ts-check
// "Helpful?" votes of one widget: one vote per review, sent to the review
// server; the counts it answers are kept per review so a re-render (filter,
// page) shows them too.
import { sendVote } from './data.js';
import { vouchError } from './events.js';
import { ACTION, DATASET } from './generated/dom-contract.js';
import { byAction } from './selectors.js';

/**
 * The review a card's control belongs to ('' outside a card).
 * @param {Element} element
 */
export function reviewIdOf(element) {
  const card = /** @type {HTMLElement | null} */ (element.closest('.v-card'));
  return card ? card.dataset[DATASET.id] || '' : '';
}

export class Votes {
  /**
   * @param {{ options: () => { api: string }, uiText: (key: string, count: number) => string, error: (code: string, message: string) => void }} context
   */
  constructor(context) {
    this.context = context;
    /** @type {Map<string, { up: number, down: number, value: string }>} review id -> the server's answer */
    this.answers = new Map();
  }

  /**
   * One vote per review; the button keeps focus and shows the server's counts.
   * @param {HTMLElement} button
   */
  async vote(button) {
    const options = this.context.options();
    if (!options.api || button.getAttribute('aria-disabled') === 'true') return;
    const id = reviewIdOf(button);
    // aria-disabled, not disabled: a disabled button drops keyboard focus to <body>.
    button.setAttribute('aria-disabled', 'true');
    try {
      const value = button.dataset[DATASET.value] || '';
      const { status, payload } = await sendVote(options, id, value);
      if (status !== 200) throw vouchError('vote_failed', (payload && payload.error && payload.error.message) || `HTTP ${status}`);
      this.answers.set(id, { up: Number(payload.helpful_up) || 0, down: Number(payload.helpful_down) || 0, value });
      this.showOn(button.closest('.v-card'));
    } catch (error) {
      button.removeAttribute('aria-disabled');
      this.context.error('vote_failed', error.message);
    }
  }

  /**
   * The votes cast here, shown on every card in `container` (after a render).
   * @param {ParentNode} container
   */
  showIn(container) {
    if (!this.answers.size) return;
    for (const card of container.querySelectorAll('.v-card')) this.showOn(card);
  }

  /**
   * The counts and pressed state the server answered for the vote cast on `card`.
   * @param {Element | null} card
   */
  showOn(card) {
    const vote = card && this.answers.get(/** @type {HTMLElement} */ (card).dataset[DATASET.id] || '');
    if (!vote) return;
    for (const button of /** @type {NodeListOf<HTMLElement>} */ (card.querySelectorAll(byAction(ACTION.vote)))) {
      const value = button.dataset[DATASET.value];
      button.textContent = this.context.uiText(value === 'up' ? 'helpful_yes' : 'helpful_no', vote[value]);
      button.setAttribute('aria-pressed', String(value === vote.value));
      if (value === vote.value) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
  }
}
