// A data table with a CSV download of exactly its cells: every chart of the
// analytics page has one (for screen readers and spreadsheets), and the
// product comparison is one, sortable by each column. The CSV is written from
// the same cell texts the table shows (one source), RFC 4180 quoting, with a
// UTF-8 byte order mark so spreadsheet programs read Chinese text right.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** One CSV line: quotes a cell with a comma, quote or line break. */
function csvLine(cells) {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

// A cell a spreadsheet would run as a formula (= + - @ first, not a number)
// gets a leading apostrophe, as `vouch-server export` does: product ids,
// staff names and phrases come from outside.
function safeCell(text) {
  return /^[=+\-@]/.test(text) && !/^[+-]?\d/.test(text) ? `'${text}` : text;
}

export function toCsv(header, rows) {
  return `\uFEFF${[header, ...rows].map((cells) => csvLine(cells.map(safeCell))).join('\r\n')}\r\n`;
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function compare(a, b) {
  const missing = (v) => v === null || v === undefined || v === '';
  if (missing(a) || missing(b)) return missing(a) - missing(b); // no value last, either way
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * columns: [{ key, title, format?(value, row), numeric? }]; rows: objects.
 * options: { id, caption, file (CSV name without .csv), sortable, inDetails }
 * Returns a section with the table and its "Download CSV" button.
 */
export function dataTable(columns, rows, { id, caption, file, sortable = false, inDetails = false }) {
  const state = { key: null, descending: false };
  const text = (column, row) => {
    const value = row[column.key];
    return column.format ? column.format(value, row) : value === null || value === undefined ? '' : String(value);
  };
  const table = h('table', { class: 'data', id, 'data-table': file });
  const ordered = () => {
    if (!state.key) return rows;
    const sorted = [...rows].sort((a, b) => compare(a[state.key], b[state.key]));
    if (state.descending) {
      // Reverse the values but keep rows without a value last.
      const known = sorted.filter((row) => row[state.key] !== null && row[state.key] !== undefined);
      return [...known.reverse(), ...sorted.slice(known.length)];
    }
    return sorted;
  };
  const draw = () => {
    const headCells = columns.map((column) => {
      if (!sortable) return h('th', { scope: 'col' }, column.title);
      const active = state.key === column.key;
      const sort = active ? (state.descending ? 'descending' : 'ascending') : null;
      return h('th', { scope: 'col', 'aria-sort': sort }, h('button', {
        type: 'button',
        class: 'sort',
        'data-sort': column.key,
        onclick: () => {
          state.descending = active ? !state.descending : column.numeric === true;
          state.key = column.key;
          draw();
          table.querySelector(`button[data-sort="${column.key}"]`)?.focus();
        },
      }, column.title, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : '')));
    });
    table.replaceChildren(
      h('caption', null, caption),
      h('thead', null, h('tr', null, headCells)),
      h('tbody', null, ordered().map((row) => h('tr', null, columns.map((column, i) =>
        h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: column.numeric ? 'num' : null }, text(column, row)))))),
    );
  };
  draw();
  const button = h('button', {
    type: 'button',
    class: 'csv',
    'data-csv': file,
    onclick: () => download(`${file}.csv`, toCsv(columns.map((c) => c.title), ordered().map((row) => columns.map((c) => text(c, row))))),
  }, t('analytics.csv'), h('span', { class: 'visually-hidden' }, ` (${caption})`));
  // A wide table scrolls in its own box, which keyboard users can focus to scroll.
  const scroll = h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table);
  if (inDetails) return h('details', { class: 'table-details' }, h('summary', null, t('analytics.show_table')), scroll, button);
  return h('div', { class: 'table-block' }, scroll, button);
}
