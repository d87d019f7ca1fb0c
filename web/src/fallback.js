// @ts-check
// What a shopper sees when the review engine cannot run (CSP without
// 'wasm-unsafe-eval', an old browser, a missing file, a bad snapshot): a
// readable sentence and a link to the server-rendered reviews, never an empty
// box. Built with textContent only (no HTML sink), in the page's language.

const MESSAGES = {
  en: ['Reviews cannot be shown in this browser right now.', 'Read the reviews'],
  'zh-CN': ['此浏览器暂时无法显示评价。', '查看评价'],
  'zh-TW': ['此瀏覽器暫時無法顯示評論。', '查看評論'],
  ja: ['このブラウザーでは現在レビューを表示できません。', 'レビューを読む'],
  es: ['Las reseñas no se pueden mostrar ahora en este navegador.', 'Leer las reseñas'],
  fr: ['Les avis ne peuvent pas s’afficher dans ce navigateur pour le moment.', 'Lire les avis'],
  de: ['Bewertungen können in diesem Browser gerade nicht angezeigt werden.', 'Bewertungen lesen'],
};

/** The same mapping as the core's i18n::resolve_locale (the core may not be there). */
export function fallbackLocale(tag) {
  const lower = String(tag || '').toLowerCase().replace(/_/g, '-');
  const parts = lower.split('-');
  if (parts[0] === 'zh') {
    const traditional = parts.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p)) && !parts.includes('hans');
    return traditional ? 'zh-TW' : 'zh-CN';
  }
  return MESSAGES[parts[0]] ? parts[0] : 'en';
}

/**
 * @param {ShadowRoot|Element} root
 * @param {{ locale?: string, link?: string }} options
 */
export function showFallback(root, { locale, link }) {
  const [sentence, linkText] = MESSAGES[fallbackLocale(locale)];
  const box = document.createElement('div');
  box.className = 'vouch-fallback';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = sentence;
  box.append(text);
  if (link) {
    const anchor = document.createElement('a');
    anchor.href = link;
    anchor.textContent = linkText;
    const paragraph = document.createElement('p');
    paragraph.append(anchor);
    box.append(paragraph);
  }
  root.replaceChildren(...root.querySelectorAll(':scope > style'), box);
}

/**
 * The link to the full reviews, for a widget whose first render is on screen
 * but whose engine cannot run: its sentence would be untrue, the link is not.
 * @returns {HTMLParagraphElement}
 */
export function fallbackLink(locale, link) {
  const paragraph = document.createElement('p');
  paragraph.className = 'vouch-fallback';
  paragraph.setAttribute('role', 'status');
  const anchor = document.createElement('a');
  anchor.href = link;
  anchor.textContent = MESSAGES[fallbackLocale(locale)][1];
  paragraph.append(anchor);
  return paragraph;
}
