#include "stop_words.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace vouch::analytics::detail {

namespace {

// Sorted (binary search). English first in spirit, then the others; one list
// because a word is a function word whatever the review's language tag says.
const std::string_view kStopWords[] = {
    "a",     "about", "after", "again", "al",    "all",   "also",  "am",      "an",   "and",
    "any",   "are",   "as",    "at",    "auf",   "aus",   "be",    "because", "been", "before",
    "bei",   "being", "but",   "by",    "can",   "ce",    "con",   "could",   "da",   "das",
    "dass",  "de",    "dem",   "den",   "der",   "des",   "did",   "die",     "do",   "does",
    "du",    "ein",   "eine",  "einen", "einer", "el",    "elle",  "en",      "es",   "est",
    "et",    "even",  "for",   "from",  "fur",   "get",   "got",   "had",     "has",  "have",
    "he",    "her",   "here",  "him",   "his",   "how",   "i",     "ich",     "if",   "il",
    "im",    "in",    "into",  "is",    "ist",   "it",    "it's",  "its",     "i'm",  "i've",
    "je",    "just",  "la",    "las",   "le",    "les",   "lo",    "los",     "me",   "mi",
    "mit",   "mon",   "more",  "my",    "ne",    "nicht", "no",    "of",      "on",   "one",
    "only",  "or",    "other", "our",   "out",   "par",   "para",  "pas",     "por",  "pour",
    "que",   "qui",   "se",    "she",   "sehr",  "sie",   "since", "so",      "some", "son",
    "still", "su",    "such",  "than",  "that",  "the",   "their", "them",    "then", "there",
    "these", "they",  "this",  "those", "to",    "too",   "tres",  "un",      "una",  "und",
    "une",   "uno",   "up",    "very",  "von",   "was",   "we",    "were",    "what", "when",
    "which", "while", "who",   "will",  "with",  "would", "y",     "you",     "your", "zu",
    "zum",   "uber",
};

}  // namespace

bool is_stop_word(std::string_view word) {
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> copy(std::begin(kStopWords), std::end(kStopWords));
    std::sort(copy.begin(), copy.end());
    return copy;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool is_cjk_particle(char32_t cp) {
  switch (cp) {
    // Chinese structural and modal particles.
    case U'的':
    case U'了':
    case U'吗':
    case U'呢':
    case U'吧':
    case U'啊':
    case U'呀':
    case U'也':
    case U'都':
    case U'和':
    // Japanese case and binding particles, the copula's first kana.
    case U'が':
    case U'は':
    case U'を':
    case U'に':
    case U'の':
    case U'で':
    case U'も':
    case U'へ':
    case U'や':
    case U'か':
    case U'ね':
    case U'よ':
      return true;
    default:
      return false;
  }
}

}  // namespace vouch::analytics::detail
