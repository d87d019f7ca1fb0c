// UTS #39 skeletons over the generated confusables table (ASCII prototypes
// only), and the folded key used to compare display names.
#include <algorithm>
#include <string>

#include "unicode_tables.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::text {

namespace {

// Appends the prototype of `cp` (itself when the table has no mapping).
void append_prototype(std::string& out, char32_t cp) {
  using detail::kConfusableRunCount;
  using detail::kConfusableRuns;
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 11) | 0x7FF;
  if (cp <= 0x1FFFFF) {
    const std::uint32_t* it =
        std::upper_bound(kConfusableRuns, kConfusableRuns + kConfusableRunCount, key);
    if (it != kConfusableRuns) {
      const std::uint32_t row = *(it - 1);
      const char32_t start = row >> 11;
      const char32_t length = (row >> 7) & 0xF;
      if (cp >= start && cp < start + length) {
        out += static_cast<char>((row & 0x7F) + (cp - start));
        return;
      }
    }
  }
  const auto* begin = detail::kConfusableStrings;
  const auto* end = begin + detail::kConfusableStringCount;
  const auto* it = std::lower_bound(
      begin, end, cp,
      [](const detail::ConfusableString& row, char32_t value) { return row.source < value; });
  if (it != end && it->source == cp) {
    out += it->target;
    return;
  }
  utf8::append(out, cp);
}

void ascii_lower(std::string& text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

// Dropped from comparison keys: separators, punctuation, symbols and marks,
// so spacing and decoration cannot make an impersonation look different.
bool ignored_in_key(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'));
  return is_white_space(cp) || is_zero_width(cp) || is_bidi_control(cp) ||
         detail::combining_class(cp) != 0 ||
         (cp >= 0x2000 && cp <= 0x206F) ||  // General Punctuation
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 ||
         cp == 0x00F7;
}

}  // namespace

std::string skeleton(std::string_view utf8) {
  const std::string decomposed = nfd(utf8);
  std::string mapped;
  mapped.reserve(decomposed.size());
  for (std::size_t pos = 0; pos < decomposed.size();) {
    const char32_t cp = utf8::decode(decomposed, pos);
    append_prototype(mapped, cp == utf8::kInvalid ? U'\uFFFD' : cp);
  }
  return nfd(mapped);
}

std::string confusable_key(std::string_view utf8) {
  // Width folding first: confusables.txt leaves most fullwidth letters to NFKC.
  std::string folded;
  folded.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = utf8::decode(utf8, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E)
      folded += static_cast<char>(cp - 0xFEE0);
    else if (cp != utf8::kInvalid)
      utf8::append(folded, cp);
  }
  ascii_lower(folded);
  folded = skeleton(folded);
  ascii_lower(folded);
  std::string key;
  key.reserve(folded.size());
  for (std::size_t pos = 0; pos < folded.size();) {
    char32_t cp = utf8::decode(folded, pos);
    if (cp == utf8::kInvalid || ignored_in_key(cp)) continue;
    if (cp == 'l') cp = 'i';  // case-insensitively I, l, 1 and | share one shape
    utf8::append(key, cp);
  }
  return key;
}

bool confusable(std::string_view a, std::string_view b) {
  const std::string key_a = confusable_key(a);
  return !key_a.empty() && key_a == confusable_key(b);
}

}  // namespace vouch::text
