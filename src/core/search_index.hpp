#pragma once
// Text search: folding, tokenising, the inverted index built at load, and
// evaluating a search. Private to the core (query.hpp is the public face).
//
// Text is folded and tokenised by the one pipeline (text_fold.hpp, kSearchFold):
//   word    a run of letters/digits outside CJK (Latin after folding is ASCII);
//           a query word matches any indexed word it is a PREFIX of ("fit"
//           finds "fits", "fitted").
//   CJK     Han, kana and Hangul have no spaces: each character is indexed
//           alone and with its right neighbour (unigrams + bigrams). A query
//           run of 2+ characters must contain all its bigrams and then occur
//           verbatim in the title or body (checked on the candidates only).
//   symbol  emoji and pictographs (★, 👍): each one is indexed alone.
// Everything else (spaces, punctuation) separates tokens.
//
// A query is a list of units, all required (AND):
//   - one token;
//   - a GROUP: tokens written without a separator between them, as 5星, 4G内存,
//     win7系统: they must be adjacent in the text too;
//   - a quoted PHRASE ("true to size", "质量 不错"): its tokens in that order,
//     with only separators (or nothing, between CJK) between them.
// Groups and phrases are looked up in the index by their tokens and then
// verified on the candidates; the highlight covers the whole group or phrase.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text_fold.hpp"

namespace vouch::detail {

struct SnapshotData;

// An allocator whose resize(n) leaves new elements uninitialised: for arrays
// the build writes in full before anything reads them (the postings, millions
// of entries at 100k reviews, were zero-filled in one go only to be
// overwritten: most of the longest step of the build).
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <class U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

struct SearchIndex {
  // Term k is term_text[term_start[k], term_start[k+1]); its postings (review
  // index ascending, weight = 3 x title occurrences + body occurrences, capped)
  // are posting_*[posting_start[k], posting_start[k+1]).
  std::string term_text;
  std::vector<std::uint32_t> term_start;
  std::vector<std::uint32_t> posting_start;
  // Every slot is written once by the build's placing phase.
  std::vector<std::uint32_t, UninitialisedAllocator<std::uint32_t>> posting_review;
  std::vector<std::uint16_t, UninitialisedAllocator<std::uint16_t>> posting_weight;
  std::vector<std::uint32_t> sorted_terms;  // term ids in byte order of their text

  std::size_t term_count() const { return term_start.empty() ? 0 : term_start.size() - 1; }
  std::string_view term(std::size_t k) const {
    return std::string_view(term_text).substr(term_start[k], term_start[k + 1] - term_start[k]);
  }
};

void build_search_index(const SnapshotData& data, SearchIndex& index);

// The same build in steps, so a page can build the index between frames
// (issue 19: at 100k reviews the whole build is one task of seconds in wasm).
// step(budget) does about `budget` reviews' worth of work (each review is
// visited twice: its terms collected, then its postings placed; a step never
// runs into the next phase, and the term list is sorted in a step of its own)
// and returns true once the index is complete; then
// take() hands it over. Stepping with any budgets gives the same index as
// build_search_index. `data` must outlive the builder.
class SearchIndexBuilder {
 public:
  explicit SearchIndexBuilder(const SnapshotData& data);
  ~SearchIndexBuilder();
  SearchIndexBuilder(const SearchIndexBuilder&) = delete;
  SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;
  bool step(std::uint32_t budget);
  SearchIndex take();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One unit of a parsed search: tokens[first, last) of SearchTerms::tokens.
// `phrase` (quoted): separators may stand between its tokens in the text; else
// (a group) each token must follow the previous one directly.
struct SearchUnit {
  std::uint32_t first;
  std::uint32_t last;
  bool phrase;
};

// A parsed search: the folded text, its tokens, and the units they form.
struct SearchTerms {
  std::string folded;
  std::vector<Token> tokens;
  std::vector<SearchUnit> units;
  bool empty() const { return units.empty(); }
};
SearchTerms parse_search(std::string_view text);

// Folded-text ranges where `unit` of `terms` matches `folded` (whose tokens
// are `tokens`), as (begin, end) pairs appended to `out`; stops after the
// first match when `first_only`.
void match_unit(std::string_view folded, const std::vector<Token>& tokens, const SearchTerms& terms,
                const SearchUnit& unit, bool first_only,
                std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

// score[i] = relevance (> 0) when review i matches every token, else 0.
void run_search(const SnapshotData& data, const SearchTerms& terms,
                std::vector<std::uint32_t>& score);

// Match ranges of the search in `text` as source byte offsets, sorted and
// merged; appended to `out` as (begin, end) pairs.
void find_highlights(std::string_view text, const SearchTerms& terms,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

}  // namespace vouch::detail
