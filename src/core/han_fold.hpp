#pragma once
// The Traditional -> Simplified table of search folding, as data the core can
// be given at run time. Natively the generated table is linked in
// (han_fold_builtin.cpp); the wasm widget leaves it out of the first render and
// installs the same bytes, fetched as dist/vouch-han-fold.bin, when search is
// prepared (han_fold_absent.cpp, web/src/han-fold.js). Internal to the core;
// the public face is vouch::text::set_han_fold (vouch/text.hpp).
//
// The binary form (what scripts/lib/han-fold-data.mjs writes from the
// generated unicode_han_fold.cpp):
//   "VHF1"                  magic, 4 bytes
//   count                   pairs, u16 little-endian, 1..kHanFoldMax
//   deltas                  source[i] - source[i-1] (source[-1] = 0), one byte
//                           each; 255 escapes a delta >= 255 written as two
//                           more bytes, low first
//   low[count], high[count] (target - source) mod 2^16, low bytes then high
// Sources must rise strictly (the lookup is a binary search), stay in U+3400..
// U+FFFF, and no target may itself be a source (fold(fold(c)) == fold(c)).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "unicode_tables.hpp"
#include "vouch/status.hpp"

namespace vouch::text::detail {

// Fixed capacity (2 x 8 KB): no allocation, and less wasm than vectors.
struct HanFoldTable {
  std::uint16_t from[kHanFoldMax];  // ascending
  std::uint16_t to[kHanFoldMax];
  std::size_t count = 0;
  char32_t lookup(char32_t cp) const;
};

// Decodes the three streams above (the deltas exactly `delta_size` bytes) into
// `out`; false with `error` set (its path names the pair, "han_fold.pairs[17]").
bool decode_han_fold_streams(const std::uint8_t* delta, std::size_t delta_size,
                             const std::uint8_t* low, const std::uint8_t* high, std::size_t count,
                             HanFoldTable& out, Error& error);
// The whole binary form.
bool decode_han_fold(std::string_view bytes, HanFoldTable& out, Error& error);

// The table this build links, or nullptr (the wasm modules link none).
const HanFoldTable* builtin_han_fold();

// Bumped whenever the table in force changes, so that a search index built
// with an older table is rebuilt before a query folded with the new one.
std::uint32_t han_fold_generation();

}  // namespace vouch::text::detail
