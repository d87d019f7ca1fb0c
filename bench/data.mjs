// Generates the bench data sets once (fixed seed): build/bench-data/reviews-N.json
// (snapshot JSON) and reviews-N.bin (the core's binary encoding of it).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { clothingCsv, loadEnglishReviews, snapshotJson } from './lib/dataset.mjs';
import { convertToBinary } from './native.mjs';

export const dataDir = process.env.VOUCH_BENCH_DATA_DIR || join(root, 'build', 'bench-data');
export const sizes = [1000, 10000, 100000];

/** { [n]: { json: path, bin: path } } for every size, generated when missing. */
export function ensureDatasets() {
  if (!existsSync(clothingCsv)) throw new Error(`bench needs the real reviews in ${clothingCsv} (../shared/data)`);
  mkdirSync(dataDir, { recursive: true });
  let english = null;
  const sets = {};
  for (const n of sizes) {
    const json = join(dataDir, `reviews-${n}.json`);
    const bin = join(dataDir, `reviews-${n}.bin`);
    if (!existsSync(json) || !existsSync(bin)) {
      english ??= loadEnglishReviews();
      writeFileSync(json, snapshotJson(n, english));
      convertToBinary(json, bin);
    }
    sets[n] = { json, bin };
  }
  return sets;
}
