// Lookups over the generated Unicode tables (binary searches over runs).
#include "unicode_tables.hpp"

#include <algorithm>

namespace vouch::text::detail {

namespace {

// Index of the run containing `cp` in a table of (start << shift | value) rows.
std::uint32_t run_value(const std::uint32_t* runs, std::size_t count, char32_t cp, int shift) {
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << shift) | ((1u << shift) - 1);
  const std::uint32_t* it = std::upper_bound(runs, runs + count, key);
  if (it == runs) return 0;
  return *(it - 1) & ((1u << shift) - 1);
}

}  // namespace

Gcb grapheme_break(char32_t cp) {
  if (cp < 0x20) return cp == '\r' ? Gcb::CR : cp == '\n' ? Gcb::LF : Gcb::Control;
  if (cp < 0x7F) return Gcb::Other;  // printable ASCII: the common case, no search
  if (cp > 0x10FFFF) return Gcb::Other;
  return static_cast<Gcb>(run_value(kGraphemeBreakRuns, kGraphemeBreakRunCount, cp, 4));
}

std::uint8_t combining_class(char32_t cp) {
  if (cp < 0x300 || cp > 0x10FFFF) return 0;
  return static_cast<std::uint8_t>(run_value(kCombiningClassRuns, kCombiningClassRunCount, cp, 8));
}

char32_t han_simplified(char32_t cp) {
  if (cp < 0x3400 || cp > 0xFFFF) return cp;
  // Decoded once from the byte-coded table (the wasm instance is single-threaded
  // and native callers get a thread-safe static): 2 x 8 KB, sorted by source.
  struct Pairs {
    std::uint16_t from[kHanFoldMax];
    std::uint16_t to[kHanFoldMax];
    Pairs() {
      std::uint32_t source = 0;
      const std::uint8_t* delta = kHanFoldDelta;
      for (std::size_t i = 0; i < kHanFoldCount; ++i) {
        std::uint32_t step = *delta++;
        if (step == 255) {
          step = delta[0] | (std::uint32_t{delta[1]} << 8);
          delta += 2;
        }
        source = (source + step) & 0xFFFF;
        from[i] = static_cast<std::uint16_t>(source);
        const std::uint32_t diff = kHanFoldDiffLow[i] | (std::uint32_t{kHanFoldDiffHigh[i]} << 8);
        to[i] = static_cast<std::uint16_t>((source + diff) & 0xFFFF);
      }
    }
  };
  static const Pairs pairs;
  const std::uint16_t* end = pairs.from + kHanFoldCount;
  const std::uint16_t* it = std::lower_bound(pairs.from, end, static_cast<std::uint16_t>(cp));
  return it != end && *it == cp ? pairs.to[it - pairs.from] : cp;
}

}  // namespace vouch::text::detail
