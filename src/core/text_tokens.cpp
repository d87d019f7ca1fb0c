// Tokens and simple case folding for the spam signals (text_tokens.hpp).
#include "text_tokens.hpp"

#include "unicode_tables.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

char32_t fold_case(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0x80) return cp;
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp - 0xFF21 + 'a';     // fullwidth A-Z
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;           // other fullwidth ASCII
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;     // Latin-1
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                 // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xFF21 && cp <= 0xFF3A) ||
         (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) ||
         (cp >= 0x400 && cp <= 0x42F);
}

bool is_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xFF41 && cp <= 0xFF5A) ||
         (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9) ||
         (cp >= 0x430 && cp <= 0x45F);
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK Extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK Unified Ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK Compatibility Ideographs
         (cp >= 0xFF66 && cp <= 0xFF9F) ||  // halfwidth Katakana
         (cp >= 0x20000 && cp <= 0x3134F);  // CJK Extensions B..G
}

bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
             cp == '\'');
  }
  return text::is_white_space(cp) || (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || text::is_zero_width(cp) || text::is_bidi_control(cp);
}

std::vector<Token> tokenize(std::string_view utf8) {
  std::vector<Token> tokens;
  Token current;
  bool in_word = false;
  const auto close = [&](std::size_t at) {
    if (!in_word) return;
    current.end = at;
    // Apostrophes are kept inside words ("don't") but not at their edges.
    while (!current.folded.empty() && current.folded.back() == '\'') current.folded.pop_back();
    std::size_t lead = 0;
    while (lead < current.folded.size() && current.folded[lead] == '\'') ++lead;
    current.folded.erase(0, lead);
    if (!current.folded.empty()) tokens.push_back(current);
    current = Token{};
    in_word = false;
  };
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    char32_t cp = utf8::decode(utf8, pos);
    if (cp == utf8::kInvalid) cp = U'\uFFFD';
    const char32_t folded = fold_case(cp);
    if (is_separator(folded)) {
      close(start);
      continue;
    }
    if (is_cjk(cp) || text::detail::grapheme_break(cp) == text::detail::Gcb::ExtPict) {
      close(start);
      Token single;
      utf8::append(single.folded, folded);
      single.begin = start;
      single.end = pos;
      single.single_char = true;
      tokens.push_back(std::move(single));
      continue;
    }
    if (!in_word) {
      current.begin = start;
      in_word = true;
    }
    utf8::append(current.folded, folded);
  }
  close(utf8.size());
  return tokens;
}

std::string fold_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = utf8::decode(utf8, pos);
    utf8::append(out, cp == utf8::kInvalid ? U'\uFFFD' : fold_case(cp));
  }
  return out;
}

}  // namespace vouch::detail
