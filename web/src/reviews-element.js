// @ts-check
// <vouch-reviews product="sku-1" api="..."> : the full widget as a custom
// element. Attributes are the options (see docs/embedding.md); changing one
// updates the widget; removing the element destroys it (frees the C++ store).
import { emit } from './events.js';
import { OPTION_ATTRIBUTES, normalizeOptions, optionsFromElement } from './options.js';
import { ReviewsWidget } from './widget.js';
import { attachStyles } from './shadow.js';
import { showFallback } from './fallback.js';

/** @param {import('./widget-env').WidgetEnv} env */
export function defineReviewsElement(env) {
  if (customElements.get('vouch-reviews')) return;
  class VouchReviews extends HTMLElement {
    static get observedAttributes() {
      return OPTION_ATTRIBUTES;
    }

    connectedCallback() {
      this.sync();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.sync();
    }

    disconnectedCallback() {
      if (this.widget) this.widget.destroy();
      this.widget = null;
    }

    sync() {
      let options;
      try {
        options = normalizeOptions({ ...env.defaults, ...optionsFromElement(this, { data: false }) }, this);
      } catch (error) {
        showFallback(attachStyles(this), { locale: this.getAttribute('locale') || document.documentElement.lang });
        emit(this, 'vouch:error', { code: error.code || 'invalid_option', message: error.message });
        return;
      }
      if (this.widget) this.widget.update(options);
      else this.widget = new ReviewsWidget(this, options, env);
    }
  }
  customElements.define('vouch-reviews', VouchReviews);
}
