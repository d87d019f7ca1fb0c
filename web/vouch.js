// The script tag's entry point: <script src=".../vouch.js" data-product="sku-123" async>.
//
// Thin by design: find where to render, load the core once, put what the core
// says into a Shadow DOM, fire DOM events. No logic about reviews lives here.
import { loadCore } from './src/core-loader.js';
import styles from './src/styles.css';

// Captured synchronously: document.currentScript is null once this script has run.
const ownScript = document.currentScript;
const wasmUrl = new URL('vouch-core.wasm', (ownScript && ownScript.src) || document.baseURI).href;

function emit(target, name, detail) {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

function attachShadow(host) {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = styles;
    root.append(style);
  }
  return root;
}

function mountPlaceholder(host) {
  const root = attachShadow(host);
  const box = document.createElement('div');
  box.className = 'vouch-placeholder';
  box.setAttribute('aria-busy', 'true');
  box.textContent = 'Loading reviews…';
  root.append(box);
  loadCore(wasmUrl).then(
    (core) => {
      box.removeAttribute('aria-busy');
      box.dataset.vouchVersion = core.version();
      box.textContent = `Vouch ${core.version()}: reviews core loaded.`;
      emit(host, 'vouch:ready', { version: core.version() });
    },
    (error) => {
      box.removeAttribute('aria-busy');
      box.className = 'vouch-fallback';
      box.setAttribute('role', 'status');
      box.textContent = 'Reviews cannot be shown in this browser right now.';
      emit(host, 'vouch:error', { code: error.code || 'wasm_failed', message: error.message });
    },
  );
}

function findMountPoint() {
  const explicit = document.querySelector('[data-vouch-reviews]');
  if (explicit) return explicit;
  const host = document.createElement('div');
  if (ownScript && ownScript.parentNode) ownScript.after(host);
  else document.body.append(host);
  return host;
}

if (ownScript && ownScript.dataset.product !== undefined) {
  mountPlaceholder(findMountPoint());
}
