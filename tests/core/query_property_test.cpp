// Every query over random review sets (fixed seeds) against a brute-force
// oracle written plainly here: filter with loops, sort with a comparator.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "review_fixtures.hpp"
#include "vouch/query.hpp"

namespace {

using vouch::Query;
using vouch::Review;
using vouch::SortOrder;

std::vector<std::string> split_spaces(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

bool is_ascii_word(const std::string& w) {
  for (char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The fixture's search words are single tokens (Latin, CJK or one emoji), so
// the oracle can be plain: a Latin query word must start some folded word of
// the title or body; anything else must occur in the folded title or body.
bool oracle_text_match(const Review& r, const std::string& query) {
  const std::string q = vouch::fold_for_search(query);
  if (q.empty()) return true;
  const std::string title = vouch::fold_for_search(r.title), body = vouch::fold_for_search(r.body);
  if (is_ascii_word(q)) {
    for (const std::string* field : {&title, &body}) {
      for (const std::string& w : split_spaces(*field)) {
        if (w.rfind(q, 0) == 0) return true;
      }
    }
    return false;
  }
  return title.find(q) != std::string::npos || body.find(q) != std::string::npos;
}

bool oracle_language(const std::string& tag, const std::string& wanted) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string t = lower(tag), w = lower(wanted);
  return t == w || (t.size() > w.size() && t.compare(0, w.size(), w) == 0 && t[w.size()] == '-');
}

struct Filters {
  bool star, verified, media, topic, language, aspect, text;
  bool all() const { return star && verified && media && topic && language && aspect && text; }
};

Filters oracle_filters(const Review& r, const Query& q) {
  Filters f{};
  f.star = q.stars == 0 || (q.stars >> (r.rating - 1)) & 1;
  f.verified = !q.verified_only || r.verification == vouch::Verification::VerifiedPurchase;
  f.media = !q.with_media || !r.media.empty();
  f.topic =
      q.topic.empty() || std::find(r.topics.begin(), r.topics.end(), q.topic) != r.topics.end();
  f.language = q.language.empty() || oracle_language(r.language, q.language);
  f.aspect = true;
  if (!q.aspect.empty()) {
    int value = 0;
    for (const auto& a : r.aspects) {
      if (a.name == q.aspect) value = a.value;
    }
    f.aspect = value != 0 && (q.aspect_value == 0 || value == q.aspect_value);
  }
  f.text = oracle_text_match(r, q.text);
  return f;
}

// The documented orders, each ending with "newest" then the index.
bool oracle_before(const std::vector<Review>& rs, SortOrder sort, std::uint32_t a,
                   std::uint32_t b) {
  const Review &x = rs[a], &y = rs[b];
  auto newest = [&] { return x.created != y.created ? x.created > y.created : a < b; };
  switch (sort) {
    case SortOrder::Oldest:
      return x.created != y.created ? x.created < y.created : a < b;
    case SortOrder::Highest:
      return x.rating != y.rating ? x.rating > y.rating : newest();
    case SortOrder::Lowest:
      return x.rating != y.rating ? x.rating < y.rating : newest();
    case SortOrder::MostHelpful: {
      const double wx = vouch::wilson_lower_bound(x.helpful_up, x.helpful_down);
      const double wy = vouch::wilson_lower_bound(y.helpful_up, y.helpful_down);
      return wx != wy ? wx > wy : newest();
    }
    case SortOrder::MediaFirst:
      return x.media.empty() != y.media.empty() ? !x.media.empty() : newest();
    case SortOrder::FeaturedFirst:
      return x.featured != y.featured ? x.featured : newest();
    default:
      return newest();
  }
}

Query random_query(std::mt19937& rng) {
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto coin = [&](int percent) { return uniform(0, 99) < percent; };
  static const char* const topics[] = {"fit", "quality", "shipping", "colour", "nope"};
  static const char* const languages[] = {"en", "EN-us", "zh", "ja", "de"};
  static const char* const aspects[] = {"quality", "fit", "service", "nope"};
  static const char* const texts[] = {
      "fit",  "fi",     "cafe", "CAFÉ",   "naive", "strasse", "ＦＩＴ", "质量", "很好", "质量很好",
      "偏小", "とても", "良い", "サイズ", "👍",     "❤",       "great",  "q",    "zzz",  "color"};
  Query q;
  if (coin(40)) q.stars = static_cast<std::uint8_t>(uniform(1, 31));
  q.verified_only = coin(20);
  q.with_media = coin(20);
  if (coin(25)) q.topic = topics[uniform(0, 4)];
  if (coin(20)) q.language = languages[uniform(0, 4)];
  if (coin(20)) {
    q.aspect = aspects[uniform(0, 3)];
    q.aspect_value = static_cast<std::uint8_t>(uniform(0, 5));
  }
  if (coin(40)) q.text = texts[uniform(0, 19)];
  q.sort = static_cast<SortOrder>(uniform(0, 7));
  q.offset = static_cast<std::size_t>(coin(70) ? 0 : uniform(0, 40));
  q.limit = static_cast<std::size_t>(uniform(0, 30));
  return q;
}

}  // namespace

TEST_CASE("query: thousands of random queries agree with a brute-force oracle",
          "[query][property]") {
  std::size_t cases = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    std::mt19937 rng(seed);
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 80)(rng);
    const std::vector<Review> reviews = vouch_test::random_reviews(rng, n);
    auto built = vouch::Snapshot::build(vouch_test::test_product(), reviews);
    REQUIRE(built.ok());
    const vouch::Snapshot& snapshot = built.value();
    for (int k = 0; k < 60; ++k, ++cases) {
      const Query q = random_query(rng);
      INFO("seed " << seed << " query " << k << " sort " << vouch::sort_order_name(q.sort)
                   << " text '" << q.text << "' stars " << int(q.stars));
      auto got = vouch::run_query(snapshot, q);
      REQUIRE(got.ok());
      const vouch::QueryResult& result = got.value();

      std::vector<std::uint32_t> expected;
      std::array<std::uint32_t, 5> stars{};
      std::uint32_t verified = 0, media = 0;
      std::vector<std::uint32_t> topic_counts(snapshot.topic_count(), 0);
      for (std::uint32_t i = 0; i < n; ++i) {
        const Filters f = oracle_filters(reviews[i], q);
        if (f.all()) expected.push_back(i);
        if (f.verified && f.media && f.topic && f.language && f.aspect && f.text)
          ++stars[reviews[i].rating - 1];
        if (f.star && f.media && f.topic && f.language && f.aspect && f.text &&
            reviews[i].verification == vouch::Verification::VerifiedPurchase)
          ++verified;
        if (f.star && f.verified && f.topic && f.language && f.aspect && f.text &&
            !reviews[i].media.empty())
          ++media;
        if (f.star && f.verified && f.media && f.language && f.aspect && f.text) {
          for (const std::string& t : reviews[i].topics) ++topic_counts[snapshot.find_topic(t)];
        }
      }
      REQUIRE(result.total == expected.size());
      CHECK(result.facets.stars == stars);
      CHECK(result.facets.verified == verified);
      CHECK(result.facets.with_media == media);
      CHECK(result.facets.topics == topic_counts);

      const bool relevance =
          q.sort == SortOrder::Relevance && !vouch::fold_for_search(q.text).empty();
      if (relevance) {
        // The score formula is the engine's; the oracle checks the set and the
        // page size, and that the order is deterministic.
        auto all = q;
        all.offset = 0;
        all.limit = 1000;
        auto full = vouch::run_query(snapshot, all);
        REQUIRE(full.ok());
        std::vector<std::uint32_t> got_set = full.value().page;
        std::sort(got_set.begin(), got_set.end());
        CHECK(got_set == expected);
        auto again = vouch::run_query(snapshot, all);
        CHECK(again.value().page == full.value().page);
        const std::size_t first = std::min(q.offset, expected.size());
        const std::size_t last = std::min(expected.size(), first + q.limit);
        CHECK(result.page == std::vector<std::uint32_t>(full.value().page.begin() + first,
                                                        full.value().page.begin() + last));
        continue;
      }
      std::sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) {
        return oracle_before(reviews, q.sort, a, b);
      });
      const std::size_t first = std::min(q.offset, expected.size());
      const std::size_t last = std::min(expected.size(), first + q.limit);
      CHECK(result.page ==
            std::vector<std::uint32_t>(expected.begin() + first, expected.begin() + last));
    }
  }
  CHECK(cases == 3600);
}

TEST_CASE("query: sort names round-trip and bad queries are errors with a path", "[query]") {
  for (std::size_t k = 0; k < vouch::kSortOrderCount; ++k) {
    const auto order = static_cast<SortOrder>(k);
    CHECK(vouch::parse_sort_order(vouch::sort_order_name(order)) == order);
  }
  CHECK(vouch::sort_order_name(SortOrder::MostHelpful) == "most_helpful");
  CHECK_FALSE(vouch::parse_sort_order("Newest").has_value());
  vouch::Snapshot empty;
  Query q;
  q.stars = 32;
  CHECK(vouch::run_query(empty, q).error().to_string() ==
        "query.stars: expected a bit set 0..31 (bit r-1 = r stars)");
  q = Query{};
  q.aspect_value = 6;
  CHECK(vouch::run_query(empty, q).error().path == "query.aspect_value");
  q = Query{};
  q.text = "\xff";
  CHECK(vouch::run_query(empty, q).error().to_string() == "query.text: invalid UTF-8");
  q = Query{};
  q.limit = vouch::kMaxQueryLimit + 1;
  CHECK(vouch::run_query(empty, q).error().path == "query.limit");
  auto none = vouch::run_query(empty, Query{});
  REQUIRE(none.ok());
  CHECK(none.value().total == 0);
}

TEST_CASE("query: Wilson lower bound ranks many votes above few", "[query]") {
  CHECK(vouch::wilson_lower_bound(0, 0) == 0.0);
  CHECK(vouch::wilson_lower_bound(90, 10) > vouch::wilson_lower_bound(9, 1));
  CHECK(vouch::wilson_lower_bound(9, 1) > vouch::wilson_lower_bound(1, 0));
  CHECK(std::abs(vouch::wilson_lower_bound(1, 0) - 0.2065) < 0.001);
}
