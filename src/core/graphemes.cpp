// Extended grapheme clusters (UAX #29, rules GB3..GB13; GB9c is not implemented,
// see text.hpp) over the generated Grapheme_Cluster_Break table.
#include <string>

#include "unicode_tables.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::text {

namespace {

using detail::Gcb;

// Walks `utf8` cluster by cluster. Malformed bytes count as U+FFFD (one each).
class GraphemeCursor {
 public:
  explicit GraphemeCursor(std::string_view utf8) : text_(utf8) {}

  // Byte offset of the next cluster start after the current one; text.size() at the end.
  std::size_t next() {
    if (pos_ >= text_.size()) return text_.size();
    Gcb prev = read();
    bool pict_tail = prev == Gcb::ExtPict;  // ExtPict Extend* so far (for GB11)
    bool pict_zwj = false;                  // ... followed by a ZWJ
    std::size_t ri_count = prev == Gcb::RegionalIndicator ? 1 : 0;
    while (pos_ < text_.size()) {
      const std::size_t start = pos_;
      const Gcb next = read();
      if (!joins(prev, next, pict_zwj, ri_count)) {
        pos_ = start;
        break;
      }
      if (next == Gcb::ExtPict) {
        pict_tail = true;
        pict_zwj = false;
      } else if (next == Gcb::ZWJ) {
        pict_zwj = pict_tail;
        pict_tail = false;
      } else if (next != Gcb::Extend) {
        pict_tail = pict_zwj = false;
      } else {
        pict_zwj = false;
      }
      ri_count = next == Gcb::RegionalIndicator ? ri_count + 1 : 0;
      prev = next;
    }
    return pos_;
  }

 private:
  Gcb read() {
    const char32_t cp = utf8::decode(text_, pos_);
    return cp == utf8::kInvalid ? Gcb::Other : detail::grapheme_break(cp);
  }

  static bool joins(Gcb prev, Gcb next, bool pict_zwj, std::size_t ri_count) {
    if (prev == Gcb::CR && next == Gcb::LF) return true;                           // GB3
    if (prev == Gcb::CR || prev == Gcb::LF || prev == Gcb::Control) return false;  // GB4
    if (next == Gcb::CR || next == Gcb::LF || next == Gcb::Control) return false;  // GB5
    if (prev == Gcb::L && (next == Gcb::L || next == Gcb::V || next == Gcb::LV || next == Gcb::LVT))
      return true;  // GB6
    if ((prev == Gcb::LV || prev == Gcb::V) && (next == Gcb::V || next == Gcb::T))
      return true;                                                            // GB7
    if ((prev == Gcb::LVT || prev == Gcb::T) && next == Gcb::T) return true;  // GB8
    if (next == Gcb::Extend || next == Gcb::ZWJ) return true;                 // GB9
    if (next == Gcb::SpacingMark) return true;                                // GB9a
    if (prev == Gcb::Prepend) return true;                                    // GB9b
    if (prev == Gcb::ZWJ && next == Gcb::ExtPict && pict_zwj) return true;    // GB11
    if (prev == Gcb::RegionalIndicator && next == Gcb::RegionalIndicator)
      return ri_count % 2 == 1;  // GB12/13: flags are pairs
    return false;                // GB999
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::size_t count_graphemes(std::string_view utf8) {
  GraphemeCursor cursor(utf8);
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < utf8.size(); pos = cursor.next()) ++count;
  return count;
}

std::vector<std::size_t> grapheme_boundaries(std::string_view utf8) {
  std::vector<std::size_t> offsets{0};
  GraphemeCursor cursor(utf8);
  for (std::size_t pos = 0; pos < utf8.size();) offsets.push_back(pos = cursor.next());
  return offsets;
}

std::size_t grapheme_prefix_bytes(std::string_view utf8, std::size_t max_graphemes) {
  GraphemeCursor cursor(utf8);
  std::size_t pos = 0;
  for (std::size_t n = 0; n < max_graphemes && pos < utf8.size(); ++n) pos = cursor.next();
  return pos;
}

std::string truncate_graphemes(std::string_view utf8, std::size_t max_graphemes,
                               std::string_view ellipsis) {
  const std::size_t keep = grapheme_prefix_bytes(utf8, max_graphemes);
  if (keep >= utf8.size()) return std::string(utf8);
  std::string out = trim_end(utf8.substr(0, keep));
  out += ellipsis;
  return out;
}

}  // namespace vouch::text
