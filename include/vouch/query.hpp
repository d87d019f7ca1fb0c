#pragma once
// The query engine: filter, sort, page and count facets over a Snapshot.
//
// Every sort order except relevance is precomputed when a snapshot loads; the
// search index is built on the first text search (once per snapshot, it is
// most of the cost of loading), so a query is one pass over the reviews: a few
// milliseconds for 100,000. Results are deterministic: every order ends
// with the review's index in the snapshot as the last tie-breaker.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/snapshot.hpp"
#include "vouch/status.hpp"

namespace vouch {

enum class SortOrder : std::uint8_t {
  Newest = 0,     // created descending
  Oldest,         // created ascending
  Highest,        // rating descending, then newest
  Lowest,         // rating ascending, then newest
  MostHelpful,    // Wilson lower bound (95%) of helpful up/down, then newest
  MediaFirst,     // reviews with photos/videos first, then newest
  FeaturedFirst,  // featured first, then newest
  Relevance,      // search score descending, then newest; without search text = Newest
};
inline constexpr std::size_t kSortOrderCount = 8;

// "newest", "oldest", "highest", "lowest", "most_helpful", "media_first",
// "featured_first", "relevance" (the names the widget and the URL hash use).
std::string_view sort_order_name(SortOrder order);
std::optional<SortOrder> parse_sort_order(std::string_view name);

struct Query {
  // Star filter as a bit set: bit (r-1) set = rating r wanted; 0 = no filter.
  // E.g. {4,5} = 0b11000 = 24. Values above 31 are rejected.
  std::uint8_t stars = 0;
  bool verified_only = false;  // Verification::VerifiedPurchase only
  bool with_media = false;     // at least one photo or video
  std::string topic;           // "" = any; else exact topic name
  // "" = any. Otherwise matches the review's tag case-insensitively, either
  // whole ("en-US" = "en-us") or as its primary part ("en" matches "en-US").
  std::string language;
  std::string aspect;             // "" = no aspect filter
  std::uint8_t aspect_value = 0;  // with `aspect`: 1..5 exact value; 0 = rated at all
  std::string text;               // free-text search; "" or only spaces = none
  SortOrder sort = SortOrder::Newest;
  std::size_t offset = 0;
  std::size_t limit = 20;  // page size; 0 = only counts. At most kMaxQueryLimit.
};
inline constexpr std::size_t kMaxQueryLimit = 1000000;

// Facet counts under the current filters. Usual UI convention: a dimension's
// OWN filter is left out of its facet, every other filter applies. So with
// stars={5} selected, stars[3] still says how many 4-star reviews you would
// see by adding 4 to the selection; `verified` counts verified reviews under
// all other filters whether or not verified_only is set; likewise with_media
// and topics. Text search always applies.
struct Facets {
  std::array<std::uint32_t, 5> stars{};  // stars[r-1] = reviews with rating r
  std::uint32_t verified = 0;
  std::uint32_t with_media = 0;
  std::vector<std::uint32_t> topics;  // indexed by topic id (Snapshot::topic_name)
};

enum class TextField : std::uint8_t { Title = 0, Body = 1 };

// A match of the search text inside one review's title or body, as BYTE
// offsets into that field's UTF-8 text ([begin, end), always on code point
// boundaries). The C++ renderer uses bytes; JS needing UTF-16 offsets should
// let the renderer mark them up instead of converting.
struct Highlight {
  std::uint32_t review = 0;  // snapshot index
  TextField field = TextField::Title;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

struct QueryResult {
  std::uint32_t total = 0;          // reviews matching all filters
  std::vector<std::uint32_t> page;  // snapshot indices of [offset, offset+limit)
  Facets facets;
  // For page reviews only, when searching: ordered by review (page order),
  // then field, then begin; non-overlapping.
  std::vector<Highlight> highlights;
};

// Runs a query. Errors (with path "query.<field>") for stars > 31,
// aspect_value > 5, limit > kMaxQueryLimit, text longer than 1,000 bytes or not
// UTF-8. An unknown topic/aspect name is not an error: it matches nothing.
Result<QueryResult> run_query(const Snapshot& snapshot, const Query& query);

// Search text folding (exposed for tests and the renderer): lower case, full-
// width ASCII to ASCII, Latin letters without accents (é->e, ß->ss, Œ->oe),
// ideographic space to space. Other characters are kept.
std::string fold_for_search(std::string_view text);

// Wilson score lower bound (z = 1.96) of up/(up+down); exactly 0 without a helpful (up) vote.
double wilson_lower_bound(std::uint32_t up, std::uint32_t down);

}  // namespace vouch
