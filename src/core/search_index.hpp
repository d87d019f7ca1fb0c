#pragma once
// Text search: folding, tokenising, the inverted index built at load, and
// evaluating a search. Private to the core (query.hpp is the public face).
//
// Tokens (over folded text):
//   word    a run of letters/digits outside CJK (Latin after folding is ASCII);
//           a query word matches any indexed word it is a PREFIX of ("fit"
//           finds "fits", "fitted").
//   CJK     Han, kana and Hangul have no spaces: each character is indexed
//           alone and with its right neighbour (unigrams + bigrams). A query
//           run of 2+ characters must contain all its bigrams and then occur
//           verbatim in the title or body (checked on the candidates only).
//   symbol  emoji and pictographs (★, 👍): each one is indexed alone.
// Everything else (spaces, punctuation) separates tokens. A search is the AND
// of its query tokens.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail {
struct SnapshotData;
}

// Own namespace: vouch::detail already has the validator's Token/tokenize.
namespace vouch::search {

using detail::SnapshotData;

// Folded text with, per folded byte, the source bytes it came from.
struct FoldMap {
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> end;
};
// Appends the folded form of `text` (valid UTF-8) to `out`; fills `map` if given.
void fold(std::string_view text, std::string& out, FoldMap* map);

enum class TokenKind : std::uint8_t { Word, Cjk, Symbol };
struct Token {
  TokenKind kind;
  std::uint32_t begin;  // byte offsets in the folded text; a Cjk token is a
  std::uint32_t end;    // whole run of CJK characters
};
void tokenize(std::string_view folded, std::vector<Token>& out);

struct SearchIndex {
  // Term k is term_text[term_start[k], term_start[k+1]); its postings (review
  // index ascending, weight = 3 x title occurrences + body occurrences, capped)
  // are posting_*[posting_start[k], posting_start[k+1]).
  std::string term_text;
  std::vector<std::uint32_t> term_start;
  std::vector<std::uint32_t> posting_start;
  std::vector<std::uint32_t> posting_review;
  std::vector<std::uint16_t> posting_weight;
  std::vector<std::uint32_t> sorted_terms;  // term ids in byte order of their text

  std::size_t term_count() const { return term_start.empty() ? 0 : term_start.size() - 1; }
  std::string_view term(std::size_t k) const {
    return std::string_view(term_text).substr(term_start[k], term_start[k + 1] - term_start[k]);
  }
};

void build_search_index(const SnapshotData& data, SearchIndex& index);

// A parsed search: the folded text and its tokens.
struct SearchTerms {
  std::string folded;
  std::vector<Token> tokens;
  bool empty() const { return tokens.empty(); }
};
SearchTerms parse_search(std::string_view text);

// score[i] = relevance (> 0) when review i matches every token, else 0.
void run_search(const SnapshotData& data, const SearchTerms& terms,
                std::vector<std::uint32_t>& score);

// Match ranges of the search in `text` as source byte offsets, sorted and
// merged; appended to `out` as (begin, end) pairs.
void find_highlights(std::string_view text, const SearchTerms& terms,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

}  // namespace vouch::search
