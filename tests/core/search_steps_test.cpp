// The search index built in steps (Snapshot::prepare_search_step, issue 19):
// whatever the budgets, the searches find and highlight exactly what the
// index built in one go finds; a step always makes progress; a search in the
// middle of a stepped build finishes it.

#include <catch2/catch.hpp>
#include <random>

#include "review_fixtures.hpp"
#include "vouch/query.hpp"

namespace {

using vouch_test::random_reviews;

vouch::Snapshot snapshot_of(const std::vector<vouch::Review>& reviews) {
  auto built = vouch::Snapshot::build(vouch_test::test_product(), reviews);
  REQUIRE(built.ok());
  return built.value();
}

// Everything a search shows: the page (all matches), the total and the highlights.
std::vector<std::uint32_t> answer(const vouch::Snapshot& s, const std::string& text) {
  vouch::Query q;
  q.text = text;
  q.sort = vouch::SortOrder::Relevance;
  q.limit = vouch::kMaxQueryLimit;
  auto result = vouch::run_query(s, q);
  REQUIRE(result.ok());
  std::vector<std::uint32_t> out = result.value().page;
  out.push_back(static_cast<std::uint32_t>(result.value().total));
  for (const auto& h : result.value().highlights) {
    out.insert(out.end(), {h.review, static_cast<std::uint32_t>(h.field),
                           static_cast<std::uint32_t>(h.begin), static_cast<std::uint32_t>(h.end)});
  }
  return out;
}

const std::vector<std::string> kSearches = {
    "fit",    "great fit", "CAFE",   "café",          "質量", "质量很好",         "尺码",
    "とても", "👍",         "ｆｉｔ", "\"great fit\"", "x",    "nothing-like-this"};

}  // namespace

TEST_CASE("search steps: any budgets give the index built in one go", "[search]") {
  std::mt19937 rng(20261202);
  const std::vector<vouch::Review> reviews = random_reviews(rng, 300);
  const vouch::Snapshot whole = snapshot_of(reviews);
  whole.prepare_search();
  for (const std::uint32_t budget : {1u, 2u, 7u, 64u, 299u, 300u, 301u, 100000u}) {
    CAPTURE(budget);
    const vouch::Snapshot stepped = snapshot_of(reviews);
    int steps = 0;
    while (!stepped.prepare_search_step(budget)) REQUIRE(++steps < 1000);
    for (const std::string& text : kSearches) {
      CAPTURE(text);
      CHECK(answer(stepped, text) == answer(whole, text));
    }
  }
}

TEST_CASE("search steps: a budget is about that many reviews, and 0 still progresses", "[search]") {
  std::mt19937 rng(7);
  const vouch::Snapshot s = snapshot_of(random_reviews(rng, 50));
  // Each review is visited twice (terms, then postings): 100 steps of one,
  // then the term sort.
  int calls = 1;
  while (!s.prepare_search_step(1)) ++calls;
  CHECK(calls == 101);
  CHECK(s.prepare_search_step(1));  // built: true at once, every time

  const vouch::Snapshot t = snapshot_of(random_reviews(rng, 50));
  int zero_calls = 1;
  while (!t.prepare_search_step(0)) REQUIRE(++zero_calls <= 101);
  CHECK(zero_calls == 101);
}

TEST_CASE("search steps: a step never runs into the next phase, whatever its budget", "[search]") {
  // The page scales its budget on the last step's time; placing a review is
  // far cheaper than collecting its terms, so a budget grown while placing
  // must not also sort the terms in the same task (issue 19).
  std::mt19937 rng(5);
  const std::vector<vouch::Review> reviews = random_reviews(rng, 40);
  const vouch::Snapshot s = snapshot_of(reviews);
  CHECK_FALSE(s.prepare_search_step(0xFFFFFFFFu));  // every review's terms
  CHECK_FALSE(s.prepare_search_step(0xFFFFFFFFu));  // every posting placed
  CHECK(s.prepare_search_step(0xFFFFFFFFu));        // the term sort
  const vouch::Snapshot whole = snapshot_of(reviews);
  for (const std::string& text : kSearches) {
    CAPTURE(text);
    CHECK(answer(s, text) == answer(whole, text));
  }
}

TEST_CASE("search steps: a search in the middle of a stepped build finishes it", "[search]") {
  std::mt19937 rng(11);
  const std::vector<vouch::Review> reviews = random_reviews(rng, 120);
  const vouch::Snapshot whole = snapshot_of(reviews);
  for (const int done : {1, 119, 120, 121, 239}) {  // in the terms phase, at its end, placing
    CAPTURE(done);
    const vouch::Snapshot s = snapshot_of(reviews);
    for (int k = 0; k < done; ++k) REQUIRE_FALSE(s.prepare_search_step(1));
    CHECK(answer(s, "great fit") == answer(whole, "great fit"));
    CHECK(s.prepare_search_step(1));
    CHECK(answer(s, "质量很好") == answer(whole, "质量很好"));
  }
}

TEST_CASE("search steps: an empty snapshot is indexed in one step", "[search]") {
  const vouch::Snapshot s = snapshot_of({});
  CHECK(s.prepare_search_step(1));
  CHECK(answer(s, "fit") == std::vector<std::uint32_t>{0});
}
