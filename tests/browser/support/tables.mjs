// The console's data tables as a reader sees them, and their CSV downloads
// (RFC 4180 with a byte order mark), for tests that check one equals the other.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export function parseCsv(text) {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte order mark for spreadsheets');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; } else cell += c;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with a line break');
  return rows;
}

/** A table as the page shows it: header texts (without sort marks) and cell texts. */
export function tableCells(page, selector) {
  return page.locator(selector).evaluate((table) => {
    const text = (el) => [...el.childNodes].filter((n) => !(n.classList && n.classList.contains('sort-mark')))
      .map((n) => (n.nodeType === 1 && n.matches('button') ? [...n.childNodes].filter((m) => !(m.classList && m.classList.contains('sort-mark'))).map((m) => m.textContent).join('') : n.textContent)).join('');
    return [
      [...table.querySelectorAll('thead th')].map(text),
      ...[...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)),
    ];
  });
}

export async function downloadCsv(page, name) {
  const button = page.locator(`button[data-csv="${name}"]`);
  const details = page.locator(`details:has(button[data-csv="${name}"])`);
  if (await details.count()) await details.evaluate((el) => { el.open = true; });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), `${name}.csv`);
  return parseCsv(readFileSync(await download.path(), 'utf8'));
}
