// Word splitting for the console's matchers.

#include "console_words.hpp"

#include "vouch/utf8.hpp"

namespace vouch::console {

namespace {

bool is_word_char(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp == utf8::kInvalid || is_cjk(cp)) return false;
  // Punctuation, symbols and spaces of the BMP blocks reviews use.
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE00 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF65) || cp >= 0x1F000)
    return false;
  return true;
}

}  // namespace

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool has_cjk(std::string_view utf8) {
  std::size_t pos = 0;
  while (pos < utf8.size())
    if (is_cjk(utf8::decode(utf8, pos))) return true;
  return false;
}

std::vector<Word> split_words(std::string_view folded) {
  std::vector<Word> words;
  std::size_t pos = 0;
  bool in_word = false;
  std::size_t start = 0;
  while (pos < folded.size()) {
    const std::size_t before = pos;
    const char32_t cp = utf8::decode(folded, pos);
    const bool word = is_word_char(cp);
    if (word && !in_word) start = before;
    if (!word && in_word) words.push_back({start, before});
    in_word = word;
  }
  if (in_word) words.push_back({start, folded.size()});
  return words;
}

}  // namespace vouch::console
