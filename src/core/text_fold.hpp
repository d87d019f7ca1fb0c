#pragma once
// The one text pipeline of the core: what a character is, how text folds, and
// where words begin and end. Search, highlighting, the validator's signals
// (repeated words, near-duplicates, profanity) and tags all use it, so a word
// is the same word everywhere. Internal to the core.
//
//   fold      case (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic) and width
//             (full-width ASCII, the ideographic space, half-width katakana with
//             their sound marks: ｶﾞ -> ガ),
//             typographic apostrophes (’ ʼ ‘) -> ', always; with options,
//             accents (é -> e, ß -> ss, combining marks dropped) and
//             Traditional -> Simplified Chinese (OpenCC data, generated).
//   classify  Separator, Word (letters and digits of spaced scripts), Cjk (Han,
//             kana, Hangul: no spaces between words), Symbol (emoji, pictographs).
//   tokenize  runs of Word characters, runs of Cjk characters, single Symbols.
//             An apostrophe is part of a word between two Word characters
//             ("don't") and a separator anywhere else ('quoted').

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "unicode_tables.hpp"

namespace vouch::detail {

struct FoldOptions {
  bool accents = false;  // é -> e, ß -> ss, Œ -> oe; combining marks dropped
  // Traditional and regional Han variants -> Simplified, or nullptr. A function
  // rather than a flag so that a module that never folds for search (the form
  // module, with the validator) does not link the table (link-time optimisation
  // drops what nothing refers to).
  char32_t (*han_variants)(char32_t) = nullptr;
};
// Search and highlighting: a reader typing "cafe" or 質量 finds "Café" and 质量.
inline constexpr FoldOptions kSearchFold{true, &text::detail::han_simplified};
// Validator signals: case and width only (the text is NFC already).
inline constexpr FoldOptions kSignalFold{false, nullptr};

// Per folded byte, the source bytes it came from (for highlights).
struct FoldMap {
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> end;
};
// Appends the folded form of `text` to `out`; fills `map` if given. Invalid
// UTF-8 sequences become U+FFFD (validated text has none).
void fold(std::string_view text, std::string& out, FoldOptions options, FoldMap* map = nullptr);
std::string fold(std::string_view text, FoldOptions options);

// Simple case and width folding of one code point (as fold with kSignalFold).
char32_t fold_case(char32_t cp);
bool is_upper(char32_t cp);  // for the SHOUTING ratio
bool is_lower(char32_t cp);

enum class CharClass : std::uint8_t { Separator, Word, Cjk, Symbol };
// The class of a FOLDED code point (fold first: full-width letters are Word
// only once they are ASCII).
CharClass classify(char32_t cp);
inline bool is_cjk(char32_t cp) { return classify(cp) == CharClass::Cjk; }

enum class TokenKind : std::uint8_t { Word, Cjk, Symbol };
struct Token {
  TokenKind kind;
  std::uint32_t begin;  // byte offsets in the folded text; a Cjk token is a
  std::uint32_t end;    // whole run of Cjk characters
};
void tokenize(std::string_view folded, std::vector<Token>& out);

// The validator's word units over kSignalFold text: each Word token, each
// Symbol, and each character of a Cjk run (those scripts have no spaces, so
// without a dictionary one character is the unit; rules that need longer
// Chinese words use term lists with context rules, see profanity.cpp).
struct WordUnit {
  std::string folded;
  bool single_char = false;  // a Cjk character or a Symbol
  bool cjk = false;
};
std::vector<WordUnit> word_units(std::string_view utf8);

}  // namespace vouch::detail
