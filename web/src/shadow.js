// @ts-check
// The widget's shadow root with its stylesheet. Constructable stylesheets
// where available (no <style> element, so a strict style-src needs nothing
// extra), a <style> element otherwise.
import styles from './styles.css';

let sharedSheet = null;

/** @param {HTMLElement} host */
export function attachStyles(host) {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(styles);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } else if (!root.querySelector(':scope > style')) {
    const style = document.createElement('style');
    style.textContent = styles;
    root.append(style);
  }
  return root;
}
