#pragma once
// Term matching over folded text, shared by the tagger and the reply check.
//   Latin-like terms (no Han/Kana/Hangul) match whole words, in sequence
//   ("wrong item" = the word "wrong" then the word "item"; punctuation and
//   spacing between them do not matter); a trailing "*" on the last word
//   makes it a prefix ("defect*" matches "defective", "defects").
//   CJK terms match as substrings of the folded text.
//   An exception ("except") is a longer phrase holding the term: where it
//   occurs over the match, the match does not count ("假" except "假期").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "console_fold.hpp"
#include "console_words.hpp"

namespace vouch::console {

struct CompiledTerm {
  bool cjk = false;
  std::string folded;               // the term folded (CJK: the substring)
  std::vector<std::string> words;   // Latin: its words
  bool prefix_last = false;         // Latin: last word ends with "*"
  std::vector<std::string> except;  // folded exception phrases
  bool empty() const { return cjk ? folded.empty() : words.empty(); }
};
CompiledTerm compile_term(std::string_view term, const std::vector<std::string>& except = {});

// A text prepared once for many terms.
struct PreparedText {
  FoldedText folded;
  std::vector<Word> words;
};
PreparedText prepare_text(std::string_view utf8);

// Folded byte spans where `term` matches (exceptions already removed).
std::vector<Word> find_term(const PreparedText& text, const CompiledTerm& term);

// Whether a match at folded span `at` is negated by a word just before it in
// the same clause ("not", "no", "never", "without", "n't", "pas", "kein",
// "sin"...; 不/没/沒/无/無/未 right before a CJK match). Simple cases only.
bool is_negated(const PreparedText& text, const Word& at, bool cjk);

}  // namespace vouch::console
