// @ts-check
// The core emits ISO dates (<time datetime="2026-03-01">); the page's locale
// writes them ("1 March 2026") with Intl, where the browser has it.

/**
 * @param {ParentNode} container
 * @param {string} locale a BCP 47 tag
 */
export function formatDates(container, locale) {
  if (typeof Intl !== 'object') return;
  let format;
  try {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  } catch (error) {
    return;
  }
  for (const time of container.querySelectorAll('time[datetime]')) {
    const date = new Date(`${time.getAttribute('datetime')}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) time.textContent = format.format(date);
  }
}
