#pragma once
// The rating summary shown above the reviews, and schema.org JSON-LD for
// search engines. Both cover EVERY published review in the snapshot (no
// filtering by stars: FTC 16 CFR 465).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "vouch/snapshot.hpp"

namespace vouch {

struct AspectAverage {
  std::string name;
  std::uint32_t count = 0;           // reviews that rated this aspect
  std::uint32_t average_tenths = 0;  // 43 = 4.3, round half up
  std::string average_text;          // "4.3"
};

struct TopicCount {
  std::string name;
  std::uint32_t count = 0;
};

struct Summary {
  std::uint32_t count = 0;
  // Mean rating in tenths, rounded half up: 4.25 -> 43, 4.24 -> 42 (exact
  // integer arithmetic, no float). 0 when count == 0.
  std::uint32_t average_tenths = 0;
  std::string average_text;                  // "4.3" (dot decimal separator); "0.0" when empty
  std::array<std::uint32_t, 5> histogram{};  // [r-1] = reviews with rating r
  std::array<std::uint32_t, 5>
      histogram_percent{};             // sums to 100 (largest remainder); all 0 when empty
  std::vector<AspectAverage> aspects;  // in aspect id order (first appearance)
  // % of reviews answering "recommends" that said yes, rounded half up.
  bool has_recommend = false;  // false when nobody answered: then show nothing
  std::uint32_t recommend_yes = 0;
  std::uint32_t recommend_answered = 0;
  std::uint32_t recommend_percent = 0;
  std::vector<TopicCount> topics;  // in topic id order, count > 0
};

Summary summarize(const Snapshot& snapshot);

// Integer percentages of `counts` that sum to exactly 100 (largest remainder
// method; ties broken by the lower index). All zero when the total is 0.
std::vector<std::uint32_t> largest_remainder_percentages(const std::vector<std::uint32_t>& counts);

// "4.3" from 43.
std::string format_tenths(std::uint32_t tenths);

// schema.org JSON-LD: one `Product` node (name, url, image, sku = product id)
// with `aggregateRating` (ratingValue = the one-decimal average, reviewCount,
// bestRating 5, worstRating 1) and the first `max_reviews` reviews in newest
// order (author Person name truncated below 100 characters, reviewRating,
// datePublished YYYY-MM-DD, name = title, reviewBody). Without reviews there is
// no aggregateRating (search engines reject reviewCount 0). Every '<', '>', '&',
// U+2028 and U+2029 is written as a \u escape, so the text is safe inside
// <script type="application/ld+json"> as is. Never an Organization node.
std::string json_ld(const Snapshot& snapshot, std::size_t max_reviews);

}  // namespace vouch
