// The photo lightbox: a modal dialog (rendered hidden by the core) that shows
// one photo of a review at a time. It moves focus in, keeps Tab inside, closes
// on Escape, and gives focus back to the photo that opened it.

const FOCUSABLE = 'button:not([disabled]):not([hidden]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export class Lightbox {
  /** @param {ShadowRoot} root */
  constructor(root) {
    this.root = root;
    this.photos = [];
    this.index = 0;
    this.opener = null;
    this.onKeydown = this.onKeydown.bind(this);
  }

  get shell() {
    return this.root.querySelector('[data-lightbox]');
  }

  get isOpen() {
    return Boolean(this.shell && !this.shell.hidden);
  }

  /** @param {HTMLElement} opener a [data-action=photo] button in a card */
  open(opener) {
    const card = opener.closest('.v-card');
    this.photos = card ? [...card.querySelectorAll('[data-action="photo"]')] : [opener];
    this.index = Math.max(0, this.photos.indexOf(opener));
    this.opener = opener;
    const shell = this.shell;
    shell.hidden = false;
    shell.addEventListener('keydown', this.onKeydown);
    this.show();
    shell.querySelector('[data-action="lightbox-close"]').focus();
  }

  show() {
    const source = this.photos[this.index].querySelector('img');
    const image = this.shell.querySelector('[data-lightbox-img]');
    image.src = source.currentSrc || source.src;
    image.alt = source.alt;
    this.shell.querySelector('[data-lightbox-caption]').textContent = source.alt;
    const several = this.photos.length > 1;
    this.shell.querySelector('[data-action="lightbox-prev"]').hidden = !several;
    this.shell.querySelector('[data-action="lightbox-next"]').hidden = !several;
  }

  step(delta) {
    this.index = (this.index + delta + this.photos.length) % this.photos.length;
    this.show();
  }

  close() {
    const shell = this.shell;
    if (!shell || shell.hidden) return;
    shell.hidden = true;
    shell.removeEventListener('keydown', this.onKeydown);
    shell.querySelector('[data-lightbox-img]').removeAttribute('src');
    // The opener may have been re-rendered meanwhile: fall back to the same photo's new button.
    let target = this.opener;
    if (target && !target.isConnected) {
      const { review, media } = target.dataset;
      target = this.root.querySelector(`[data-action="photo"][data-review="${review}"][data-media="${media}"]`);
    }
    if (target) target.focus();
    this.opener = null;
  }

  onKeydown(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'ArrowLeft' && this.photos.length > 1) {
      this.step(-1);
    } else if (event.key === 'ArrowRight' && this.photos.length > 1) {
      this.step(1);
    } else if (event.key === 'Tab') {
      const focusable = [...this.shell.querySelectorAll(FOCUSABLE)].filter((el) => !el.hidden);
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = this.root.activeElement;
      if (event.shiftKey && (active === first || !focusable.includes(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !focusable.includes(active))) {
        event.preventDefault();
        first.focus();
      }
    }
  }
}
