#pragma once
// Word tokens for the spam signals, the profanity matcher and near-duplicate
// fingerprints. Internal to the core.
//
// A token is a run of letters/digits (any script) folded to lower case
// (ASCII, Latin-1, Greek, Cyrillic, fullwidth ASCII -> ASCII). A Han, kana or
// emoji character is a token by itself: those scripts do not separate words by
// spaces, so one character is the unit.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail {

struct Token {
  std::string folded;     // lower-cased UTF-8
  std::size_t begin = 0;  // byte range in the source text
  std::size_t end = 0;
  bool single_char = false;  // a CJK or emoji character token
};

std::vector<Token> tokenize(std::string_view utf8);

// Simple case mapping used by tokens and the SHOUTING ratio (same scripts as above).
char32_t fold_case(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
// Han ideographs, Hiragana, Katakana (and their fullwidth/halfwidth forms).
bool is_cjk(char32_t cp);
// Punctuation and symbols that separate words (ASCII, Latin-1, General and CJK
// punctuation, fullwidth punctuation).
bool is_separator(char32_t cp);

// The text with every character case-folded (fullwidth ASCII -> ASCII).
std::string fold_text(std::string_view utf8);

}  // namespace vouch::detail
