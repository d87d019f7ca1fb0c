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

}  // namespace vouch::text::detail
