// @ts-check
// The core emits ISO dates (<time datetime="2026-03-01">); the page's locale
// writes them ("1 March 2026") with Intl, where the browser has it.

const formats = new Map(); // locale -> Intl.DateTimeFormat or null (slow to make the first time)

/** The page's date format for `locale`, made once per page; null without Intl. */
export function dateFormat(locale) {
  if (!formats.has(locale)) {
    let format = null;
    try {
      format = typeof Intl === 'object' ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : null;
    } catch (error) {
      format = null;
    }
    formats.set(locale, format);
  }
  return formats.get(locale);
}

/**
 * @param {ParentNode} container
 * @param {string} locale a BCP 47 tag
 */
export function formatDates(container, locale) {
  const format = dateFormat(locale);
  if (!format) return;
  for (const time of container.querySelectorAll('time[datetime]')) {
    const date = new Date(`${time.getAttribute('datetime')}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) time.textContent = format.format(date);
  }
}
