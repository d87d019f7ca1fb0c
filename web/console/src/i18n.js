// The console's message catalogue: one JSON file per locale with the same keys
// (like the widget's catalogue in src/core/ui_messages.cpp, one key per text).
// The locale: the owner's choice (remembered in localStorage), else the first
// of navigator.languages the console speaks, else English.
import en from '../messages/en.json';
import zhCN from '../messages/zh-CN.json';

export const LOCALES = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'vouch-console-locale';
let current = 'en';

export function negotiate(wanted) {
  for (const tag of wanted) {
    const lower = String(tag).toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initLocale() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  setLocale(saved && LOCALES[saved] ? saved : negotiate(navigator.languages || [navigator.language || 'en']), false);
}

export function setLocale(locale, remember = true) {
  current = LOCALES[locale] ? locale : 'en';
  document.documentElement.lang = current;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, current);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
}

export const locale = () => current;

/** The text for `key` with {name} placeholders filled; the English text when a locale lacks it. */
export function t(key, params = {}) {
  const text = LOCALES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** A label for a code from the API (tag id, priority, state...), or the code itself. */
export function label(group, code) {
  const key = `${group}.${code}`;
  return LOCALES[current][key] ?? en[key] ?? code;
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(current, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return t('metrics.none');
  if (seconds < 3600) return t('duration.minutes', { n: Math.round(seconds / 60) });
  if (seconds < 172800) return t('duration.hours', { n: (seconds / 3600).toFixed(1) });
  return t('duration.days', { n: (seconds / 86400).toFixed(1) });
}

export function formatPercent(share) {
  if (share === null || share === undefined) return t('metrics.none');
  return `${Math.round(share * 100)}%`;
}
