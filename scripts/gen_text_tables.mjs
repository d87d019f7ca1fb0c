// Generates the text tables that come from Debian data packages other than
// unicode-data, as committed C++ sources in src/core/generated/ (the build needs
// none of the packages):
//   unicode_han_fold.cpp   Traditional -> Simplified Chinese for search folding
//                          (Debian `opencc` + `libopencc-data`)
//   public_suffixes.cpp    top-level domains of the Public Suffix List for link
//                          detection (Debian `publicsuffix`)
// Run: `node scripts/gen_text_tables.mjs`. See scripts/gen_unicode_tables.mjs for
// the UCD tables and the profanity lists.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cStringLines } from './lib/c-string.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'core', 'generated');
const read = (path) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
const hex = (n) => '0x' + n.toString(16).toUpperCase();
const numbers = (list) => {
  const lines = [];
  for (let i = 0; i < list.length; i += 8) lines.push('    ' + list.slice(i, i + 8).map(hex).join(', ') + ',');
  return lines.join('\n');
};
function write(name, body) {
  writeFileSync(join(outDir, name), body);
  console.log(`wrote src/core/generated/${name} (${body.length} bytes of source)`);
}

// ---- Traditional -> Simplified folding (search) -----------------------------------
// From OpenCC's character tables (Debian `libopencc-data`, binary .ocd2, read with
// `opencc_dict` from Debian `opencc`): TSCharacters (Traditional -> Simplified)
// and the Taiwan/Hong Kong variant tables (regional variant -> OpenCC Traditional).
// Only single code points. Where OpenCC offers several Simplified forms (乾 -> 干 乾)
// the first, most common one is taken: search folds BOTH the query and the text
// with this table, so two spellings that fold alike always match, and the
// choice only decides which characters share a canonical form. A variant
// mapping whose source is itself a Simplified character (TW 么 -> 幺) is left
// out: applying it would change ordinary Simplified text. Each mapping is
// followed to its end (a fixed point), so fold(fold(c)) == fold(c).
{
  const occ = process.env.OPENCC_DATA_DIR || '/usr/share/opencc';
  const tmp = mkdtempSync(join(tmpdir(), 'vouch-opencc-'));
  const dict = (name) => {
    const out = join(tmp, name + '.txt');
    execFileSync('opencc_dict', ['-i', join(occ, name + '.ocd2'), '-o', out, '-f', 'ocd2', '-t', 'text']);
    const map = new Map();
    for (const line of read(out).split('\n')) {
      const [from, to] = line.split('\t');
      if (!from || !to) continue;
      const cps = [...from];
      const first = [...to.split(' ')[0]];
      if (cps.length === 1 && first.length === 1) map.set(cps[0].codePointAt(0), first[0].codePointAt(0));
    }
    return map;
  };
  const ts = dict('TSCharacters');
  const variants = [dict('TWVariantsRev'), dict('HKVariantsRev')];
  rmSync(tmp, { recursive: true });
  const simplified = new Set(ts.values());
  const step = (cp) => {
    for (const v of variants) if (v.has(cp) && !simplified.has(cp)) cp = v.get(cp);
    return ts.get(cp) ?? cp;
  };
  const sources = new Set([...ts.keys(), ...variants.flatMap((v) => [...v.keys()])]);
  const pairs = [];
  for (const cp of sources) {
    let to = cp;
    for (let i = 0; i < 8; i++) {
      const next = step(to);
      if (next === to) break;
      to = next;
    }
    if (step(to) !== to) throw new Error(`no fixed point for U+${cp.toString(16)}`);
    if (to !== cp) pairs.push([cp, to]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  // Pairs with a code point above U+FFFF are left out: their Simplified forms are
  // rare CJK-extension characters that Simplified text hardly ever uses (and the
  // widget fetches the table when search is prepared: dist/vouch-han-fold.bin,
  // written from this file by scripts/lib/han-fold-data.mjs).
  // And only characters of the two national standard sets: a source in Big5
  // (Taiwan/Hong Kong, lead bytes A4..F9: the 13,000 Han characters of
  // everyday Traditional text) mapping to a target in GB 2312 (the 6,763 of
  // everyday Simplified text), read through the WHATWG decoders of Node's ICU.
  // The rest are rare characters and variants that cost bytes every Chinese
  // searcher downloads (bench/CHANGES.md) for matches nobody makes.
  const big5 = new Set();
  const big5Decoder = new TextDecoder('big5');
  for (let lead = 0xa4; lead <= 0xf9; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const c = big5Decoder.decode(new Uint8Array([lead, trail]));
      if ([...c].length === 1 && c !== '\uFFFD') big5.add(c.codePointAt(0));
    }
  }
  const gb2312 = new Set();
  const gbDecoder = new TextDecoder('gbk');
  for (let lead = 0xb0; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const c = gbDecoder.decode(new Uint8Array([lead, trail]));
      if ([...c].length === 1 && c !== '\uFFFD') gb2312.add(c.codePointAt(0));
    }
  }
  const bmp = pairs.filter(([a, b]) => a < 0x10000 && b < 0x10000 && big5.has(a) && gb2312.has(b));
  // Stored as bytes, which brotli packs best (4.7 KB inside the wasm, 4.8 KB as
  // dist/vouch-han-fold.bin, against 7.7 KB for 16-bit pairs): the source deltas (source minus previous source; 255
  // escapes a delta >= 255 written as two more bytes, low first), then the low and
  // the high bytes of (target - source) mod 2^16.
  const deltas = [];
  bmp.forEach(([a], i) => {
    const d = a - (i ? bmp[i - 1][0] : 0);
    if (d < 255) deltas.push(d);
    else deltas.push(255, d & 0xff, d >> 8);
  });
  const diffs = bmp.map(([a, b]) => (b - a) & 0xffff);
  const occVersion = (() => {
    try {
      return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libopencc-data'], { encoding: 'utf8' });
    } catch {
      return 'unknown';
    }
  })();
  write('unicode_han_fold.cpp', `// GENERATED by scripts/gen_text_tables.mjs — do not edit.
// Traditional -> Simplified Chinese, one code point to one, for search folding:
// OpenCC TSCharacters + TWVariantsRev + HKVariantsRev (Debian libopencc-data
// ${occVersion}), first candidate, followed to a fixed point.
// OpenCC is Apache-2.0: https://github.com/BYVoid/OpenCC
#include "unicode_tables.hpp"

namespace vouch::text::detail {

// ${bmp.length} pairs (of ${pairs.length}: only Big5 sources with GB 2312 targets), sorted by source:
// delta = kHanFoldDelta[next byte] (255: the next two bytes, low first);
// source[i] = source[i-1] + delta (source[-1] = 0);
// target[i] = (source[i] + kHanFoldDiffLow[i] + 256 * kHanFoldDiffHigh[i]) mod 2^16.
const std::uint8_t kHanFoldDelta[] = {
${numbers(deltas)}
};
const std::uint8_t kHanFoldDiffLow[] = {
${numbers(diffs.map((d) => d & 0xff))}
};
const std::uint8_t kHanFoldDiffHigh[] = {
${numbers(diffs.map((d) => d >> 8))}
};
const std::size_t kHanFoldCount = sizeof(kHanFoldDiffLow);
const std::size_t kHanFoldDeltaSize = sizeof(kHanFoldDelta);

}  // namespace vouch::text::detail
`);
}

// ---- Public Suffix List: top-level domains (link detection) -----------------------------
// The ICANN section of Debian \`publicsuffix\` (/usr/share/publicsuffix): the last
// label of every rule, ASCII only (IDN TLDs as their xn-- A-labels are listed
// by the PSL in Unicode form; prose hosts we look at are ASCII). Sorted, for a
// binary search; one string of '\\n'-terminated labels.
{
  const path = process.env.PUBLIC_SUFFIX_LIST || '/usr/share/publicsuffix/public_suffix_list.dat';
  const text = read(path);
  const icann = text.slice(text.indexOf('===BEGIN ICANN DOMAINS==='), text.indexOf('===END ICANN DOMAINS==='));
  const tlds = new Set();
  for (const raw of icann.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('//')) continue;
    const label = line.split('.').pop().replace(/^[*!]/, '').toLowerCase();
    if (/^[a-z0-9-]+$/.test(label)) tlds.add(label);
  }
  const sorted = [...tlds].sort();
  const lines = [];
  for (let i = 0; i < sorted.length; i += 10) lines.push('    "' + sorted.slice(i, i + 10).join('\\n') + '\\n"');
  const stamp = (text.match(/^\/\/ VERSION: (\S+)/m) || text.match(/^\/\/ COMMIT: (\S+)/m) || [, 'Debian publicsuffix'])[1];
  write('public_suffixes.cpp', `// GENERATED by scripts/gen_text_tables.mjs — do not edit.
// Top-level domains of the ICANN section of the Public Suffix List (${stamp}),
// https://publicsuffix.org, Mozilla Public License 2.0; ${sorted.length} labels, sorted.
#include "public_suffixes.hpp"

namespace vouch::detail {

const char kTopLevelDomains[] =
${lines.join('\n')};

}  // namespace vouch::detail
`);
}

// ---- Chinese profanity: context rules and the Traditional (zh-TW) list -------------------
// scripts/data/profanity_zh_rules.txt holds the hand-written context rules for
// the LDNOOBW zh list (entries not used; longer ordinary words that contain an
// entry). The zh-TW list and its rules are the same text converted with OpenCC
// s2twp (Simplified -> Taiwan Traditional with Taiwan phrasing), so one set of
// rules serves both scripts; entries OpenCC leaves unchanged are kept as well.
{
  const shared = process.env.VOUCH_SHARED_DATA_DIR || join(root, '..', 'shared', 'data');
  const toTw = (text) => execFileSync('opencc', ['-c', 's2tw.json'], { input: text, encoding: 'utf8' });
  const zh = read(join(shared, 'wordlists', 'ldnoobw', 'zh')).split('\n').map((w) => w.trim()).filter(Boolean);
  const unused = [];
  const exceptions = [];  // [entry, [words]]
  for (const raw of read(join(root, 'scripts', 'data', 'profanity_zh_rules.txt')).split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    if (line.startsWith('-')) {
      unused.push(line.slice(1).trim());
      continue;
    }
    const [entry, words] = line.split(':');
    const list = words.trim().split(/\s+/);
    for (const w of list) if (!w.includes(entry.trim())) throw new Error(`${w} does not contain ${entry}`);
    exceptions.push([entry.trim(), list]);
  }
  for (const e of [...unused, ...exceptions.map((x) => x[0])])
    if (!zh.includes(e)) throw new Error(`rule for ${e}, which is not in the zh list`);
  const rulesText = (u, ex) => [...u.map((e) => `-${e}`), ...ex.map(([e, ws]) => [e, ...ws].join('\t'))];
  const zhRules = rulesText(unused, exceptions);
  const twList = [...new Set(toTw(zh.join('\n')).split('\n').filter(Boolean))];
  // zh-TW rules: each rule converted, merged with the Simplified one when the entry
  // is the same in both scripts (老母 stays 老母; its ordinary words are 老母亲 and 老母親).
  const converted = toTw(zhRules.join('\n')).split('\n');
  const twUnused = new Set();
  const twExceptions = new Map();
  zhRules.forEach((rule, i) => {
    const tw = converted[i];
    if (rule.startsWith('-')) {
      twUnused.add(tw.slice(1));
      return;
    }
    const [entry, ...words] = tw.split('\t');
    const [zhEntry, ...zhWords] = rule.split('\t');
    const merged = twExceptions.get(entry) ?? new Set();
    for (const w of words) if (w.includes(entry)) merged.add(w);
    if (entry === zhEntry) for (const w of zhWords) merged.add(w);
    twExceptions.set(entry, merged);
  });
  const twRules = rulesText([...twUnused], [...twExceptions].map(([e, ws]) => [e, [...ws]]));
  // Both lists see text in both scripts, and an entry the same in both (色情)
  // needs its ordinary words in both (色情况 and 色情況): add the Traditional
  // words to the Simplified rules too.
  zhRules.forEach((rule, i) => {
    if (rule.startsWith('-')) return;
    const [entry, ...words] = rule.split('\t');
    const extra = converted[i].split('\t').slice(1).filter((w) => w.includes(entry) && !words.includes(w));
    zhRules[i] = [entry, ...words, ...extra].join('\t');
  });
  write('profanity_rules.cpp', `// GENERATED by scripts/gen_text_tables.mjs — do not edit.
// Context rules for the Chinese profanity lists (scripts/data/profanity_zh_rules.txt)
// and the zh-TW list: LDNOOBW zh (CC BY 4.0, see profanity_lists.cpp) converted
// to Traditional with OpenCC s2tw (Apache-2.0), with the rules converted alike.
// Rule lines: "-ENTRY" (not used) or "ENTRY\\tWORD\\tWORD..." (not inside these words).
#include "profanity_lists.hpp"

namespace vouch::detail {

// zh-TW: ${twList.length} entries.
const char kProfanityZhTw[] =
${cStringLines(twList)};

// zh: ${zhRules.length} rules.
const char kProfanityRulesZh[] =
${cStringLines(zhRules)};

// zh-TW: ${twRules.length} rules.
const char kProfanityRulesZhTw[] =
${cStringLines(twRules)};

}  // namespace vouch::detail
`);
}
