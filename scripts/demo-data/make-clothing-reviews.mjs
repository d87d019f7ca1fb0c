// Regenerates scripts/demo-data/clothing-reviews.csv.br, the demo store's
// real reviews, from ../shared/data (which a user's clone does not have; the
// committed file is what every seed reads). Kept: the columns the seed uses,
// rows with a review text (the importer refuses empty bodies), in the
// original order. Upstream and licence: scripts/demo-data/clothing-reviews.md.
//
//   node scripts/demo-data/make-clothing-reviews.mjs [path/to/the.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { root } from '../lib/run.mjs';
import { CLOTHING_COLUMNS, clothingReviewsFile, parseCsv } from './build-seed.mjs';

const source = process.argv[2] || join(root, '..', 'shared', 'data', 'reviews', 'en_womens_clothing_ecommerce_reviews.first20000.csv');
const [header, ...rows] = parseCsv(readFileSync(source, 'utf8'));
const columns = CLOTHING_COLUMNS.map((name) => {
  const at = header.indexOf(name);
  if (at < 0) throw new Error(`${source}: no column "${name}"`);
  return at;
});
const body = header.indexOf('Review Text');
const quote = (cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const lines = [CLOTHING_COLUMNS.map(quote).join(',')];
let kept = 0;
for (const row of rows) {
  if (row.length < header.length || !row[body].trim()) continue;
  lines.push(columns.map((at) => quote(row[at])).join(','));
  kept += 1;
}
const text = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const packed = brotliCompressSync(text, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
});
writeFileSync(clothingReviewsFile, packed);
console.log(`${clothingReviewsFile}: ${kept} reviews, ${text.length} bytes of CSV, ${packed.length} bytes brotli`);
