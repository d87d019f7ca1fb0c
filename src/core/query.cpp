// run_query: one pass over the reviews computes, per review, which filters it
// fails (a bit per filter). Matches fail none; a facet of dimension D counts
// reviews that fail nothing but D. Then the page is read off a precomputed
// order (or the relevance order of the matches).

#include "vouch/query.hpp"

#include <algorithm>

#include "search_index.hpp"
#include "snapshot_data.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

namespace {

constexpr const char* kSortNames[kSortOrderCount] = {
    "newest",       "oldest",      "highest",        "lowest",
    "most_helpful", "media_first", "featured_first", "relevance"};

enum FilterBit : std::uint8_t {
  kStarBit = 1,
  kVerifiedBit = 2,
  kMediaBit = 4,
  kTopicBit = 8,
  kLanguageBit = 16,
  kAspectBit = 32,
  kTextBit = 64,
};

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (lower_ascii(a[k]) != lower_ascii(b[k])) return false;
  }
  return true;
}

// "en" matches "en", "EN", "en-US"; "en-US" matches only "en-us" (any case).
bool language_matches(std::string_view tag, std::string_view wanted) {
  if (equal_ci(tag, wanted)) return true;
  return tag.size() > wanted.size() && (tag[wanted.size()] == '-') &&
         equal_ci(tag.substr(0, wanted.size()), wanted);
}

std::optional<Error> check_query(const Query& q) {
  if (q.stars > 31) return Error{"query.stars", "expected a bit set 0..31 (bit r-1 = r stars)"};
  if (q.aspect_value > 5) return Error{"query.aspect_value", "expected 0..5"};
  if (q.limit > kMaxQueryLimit)
    return Error{"query.limit", "expected at most " + std::to_string(kMaxQueryLimit)};
  if (q.text.size() > 1000) return Error{"query.text", "longer than 1,000 bytes"};
  if (!utf8::is_valid(q.text)) return Error{"query.text", "invalid UTF-8"};
  for (const std::string* s : {&q.topic, &q.language, &q.aspect}) {
    if (!utf8::is_valid(*s))
      return Error{s == &q.topic      ? "query.topic"
                   : s == &q.language ? "query.language"
                                      : "query.aspect",
                   "invalid UTF-8"};
  }
  return std::nullopt;
}

}  // namespace

std::string_view sort_order_name(SortOrder order) {
  const auto k = static_cast<std::size_t>(order);
  return k < kSortOrderCount ? kSortNames[k] : "newest";
}

std::optional<SortOrder> parse_sort_order(std::string_view name) {
  for (std::size_t k = 0; k < kSortOrderCount; ++k) {
    if (name == kSortNames[k]) return static_cast<SortOrder>(k);
  }
  return std::nullopt;
}

Result<QueryResult> run_query(const Snapshot& snapshot, const Query& q) {
  if (auto e = check_query(q)) return *e;
  const detail::SnapshotData& data = snapshot.data();
  const std::uint32_t n = data.counts.reviews;

  const std::size_t topic_id = q.topic.empty() ? Snapshot::npos : snapshot.find_topic(q.topic);
  const std::size_t aspect_id = q.aspect.empty() ? Snapshot::npos : snapshot.find_aspect(q.aspect);
  detail::SearchTerms terms = detail::parse_search(q.text);
  const bool searching = !terms.empty();
  std::vector<std::uint32_t> score;
  if (searching) detail::run_search(data, terms, score);

  QueryResult result;
  result.facets.topics.assign(snapshot.topic_count(), 0);
  std::vector<std::uint8_t> matched(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint8_t rating = data.u8(detail::kRating, i);
    const bool verified = data.u8(detail::kVerification, i) ==
                          static_cast<std::uint8_t>(Verification::VerifiedPurchase);
    const std::uint32_t media_begin = data.u32(detail::kMediaStart, i);
    const bool has_media = data.u32(detail::kMediaStart, i + 1) != media_begin;
    const std::uint32_t topic_begin = data.u32(detail::kTopicStart, i),
                        topic_end = data.u32(detail::kTopicStart, i + 1);
    std::uint8_t fails = 0;
    if (q.stars != 0 && !(q.stars & (1u << (rating - 1)))) fails |= kStarBit;
    if (q.verified_only && !verified) fails |= kVerifiedBit;
    if (q.with_media && !has_media) fails |= kMediaBit;
    if (!q.topic.empty()) {
      bool has = false;
      for (std::uint32_t k = topic_begin; k < topic_end && !has; ++k)
        has = data.u32(detail::kTopicId, k) == topic_id;
      if (!has) fails |= kTopicBit;
    }
    if (!q.language.empty() &&
        !language_matches(data.review_string(i, detail::kLanguage), q.language))
      fails |= kLanguageBit;
    if (!q.aspect.empty()) {
      const std::uint8_t value =
          aspect_id == Snapshot::npos ? 0 : snapshot.aspect_value(i, aspect_id);
      if (value == 0 || (q.aspect_value != 0 && value != q.aspect_value)) fails |= kAspectBit;
    }
    if (searching && score[i] == 0) fails |= kTextBit;

    if (fails == 0) {
      matched[i] = 1;
      ++result.total;
    }
    if ((fails & ~kStarBit) == 0) ++result.facets.stars[rating - 1];
    if ((fails & ~kVerifiedBit) == 0 && verified) ++result.facets.verified;
    if ((fails & ~kMediaBit) == 0 && has_media) ++result.facets.with_media;
    if ((fails & ~kTopicBit) == 0) {
      for (std::uint32_t k = topic_begin; k < topic_end; ++k)
        ++result.facets.topics[data.u32(detail::kTopicId, k)];
    }
  }

  const std::size_t first = std::min<std::size_t>(q.offset, result.total);
  const std::size_t last = std::min<std::size_t>(result.total, first + q.limit);
  if (q.sort == SortOrder::Relevance && searching) {
    std::vector<std::uint32_t> hits;
    hits.reserve(result.total);
    for (std::uint32_t i = 0; i < n; ++i)
      if (matched[i]) hits.push_back(i);
    auto by_relevance = [&](std::uint32_t a, std::uint32_t b) {
      return score[a] != score[b] ? score[a] > score[b] : data.newest_rank[a] < data.newest_rank[b];
    };
    // Only the first `last` need to be in order.
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(last), hits.end(),
                      by_relevance);
    result.page.assign(hits.begin() + static_cast<std::ptrdiff_t>(first),
                       hits.begin() + static_cast<std::ptrdiff_t>(last));
  } else {
    const SortOrder sort = q.sort == SortOrder::Relevance ? SortOrder::Newest : q.sort;
    const auto& order = data.orders[static_cast<std::size_t>(sort)];
    std::size_t seen = 0;
    result.page.reserve(last - first);
    for (std::size_t k = 0; k < order.size() && seen < last; ++k) {
      const std::uint32_t i = order[k];
      if (!matched[i]) continue;
      if (seen >= first) result.page.push_back(i);
      ++seen;
    }
  }

  if (searching) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    for (std::uint32_t i : result.page) {
      for (TextField field : {TextField::Title, TextField::Body}) {
        ranges.clear();
        detail::find_highlights(field == TextField::Title ? snapshot.title(i) : snapshot.body(i),
                                terms, ranges);
        for (const auto& [begin, end] : ranges)
          result.highlights.push_back(Highlight{i, field, begin, end});
      }
    }
  }
  return result;
}

}  // namespace vouch
