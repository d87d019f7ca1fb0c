// The Traditional -> Simplified search fold table as a file the widget fetches
// when search is prepared (dist/vouch-han-fold.bin), written by the bundle step
// from the same generated source the native build links
// (src/core/generated/unicode_han_fold.cpp, scripts/gen_text_tables.mjs), so
// the two never differ. The format is src/core/han_fold.hpp's:
//   "VHF1", count (u16 LE), the delta stream, count low bytes, count high bytes.
// The core checks it again when the widget installs it (vouch::text::set_han_fold).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const hanFoldSource = join('src', 'core', 'generated', 'unicode_han_fold.cpp');
const MAGIC = [0x56, 0x48, 0x46, 0x31]; // "VHF1"

/** The bytes of `const std::uint8_t NAME[] = { ... };` in `source`; throws when absent or malformed. */
function byteArray(source, name) {
  const match = source.match(new RegExp(`const std::uint8_t ${name}\\[\\] = \\{([^}]*)\\};`));
  if (!match) throw new Error(`${hanFoldSource}: no array ${name} (regenerate with node scripts/gen_text_tables.mjs)`);
  const items = match[1].split(',').map((item) => item.trim()).filter(Boolean);
  return items.map((item, i) => {
    if (!/^0x[0-9A-F]{1,2}$/i.test(item)) throw new Error(`${hanFoldSource}: ${name}[${i}] = "${item}" is not a byte`);
    return Number(item);
  });
}

/**
 * @param {string} root the repository
 * @returns {Uint8Array} the file's bytes
 */
export function hanFoldBinary(root) {
  const source = readFileSync(join(root, hanFoldSource), 'utf8');
  const delta = byteArray(source, 'kHanFoldDelta');
  const low = byteArray(source, 'kHanFoldDiffLow');
  const high = byteArray(source, 'kHanFoldDiffHigh');
  if (low.length !== high.length || low.length === 0 || low.length > 0xffff) {
    throw new Error(`${hanFoldSource}: ${low.length} low and ${high.length} high bytes (expected the same count, 1..65535)`);
  }
  const count = low.length;
  return Uint8Array.from([...MAGIC, count & 0xff, count >> 8, ...delta, ...low, ...high]);
}
