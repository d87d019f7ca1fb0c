#pragma once
// Word-level view of folded text shared by the console's matchers: Latin-like
// words (runs of letters/digits outside CJK) with their folded byte spans, and
// the CJK test. Han/Kana/Hangul are matched as substrings instead (no spaces).

#include <cstddef>
#include <string_view>
#include <vector>

namespace vouch::console {

struct Word {
  std::size_t begin;  // folded byte span
  std::size_t end;
};

bool is_cjk(char32_t cp);
// True when `text` holds at least one Han/Kana/Hangul character.
bool has_cjk(std::string_view utf8);
// Words of folded text, in order ("doesn't" -> "doesn", "t").
std::vector<Word> split_words(std::string_view folded);

}  // namespace vouch::console
