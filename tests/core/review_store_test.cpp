// The façade the wasm bindings register, exercised natively.

#include "review_store.hpp"

#include <catch2/catch.hpp>

#include "review_fixtures.hpp"

using vouch::facade::QueryOptions;
using vouch::facade::ReviewStore;

TEST_CASE("review store: load binary and JSON, query, summary, JSON-LD", "[review_store]") {
  std::mt19937 rng(11);
  auto built =
      vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, 40));
  REQUIRE(built.ok());
  const std::string binary = built.value().to_binary();
  const std::string json = built.value().to_json();

  ReviewStore store;
  CHECK(store.size() == 0);
  auto status = store.load_binary(reinterpret_cast<std::uintptr_t>(binary.data()), binary.size());
  REQUIRE(status.ok);
  CHECK(status.code == "ok");
  CHECK(store.size() == 40);
  CHECK(store.product_id() == "sku-1");

  QueryOptions options;
  options.stars = 0b11000;
  options.sort = "highest";
  options.limit = 5;
  auto answer = store.query(options);
  REQUIRE(answer.ok);
  CHECK(answer.total == answer.star_counts[3] + answer.star_counts[4]);
  CHECK(answer.page_size == store.page().size());
  CHECK(store.page().size() == std::min<std::uint32_t>(5, answer.total));
  CHECK(store.topic_facets().size() == store.topic_count());
  for (std::uint32_t i : store.page()) CHECK(store.snapshot().rating(i) >= 4);

  options = QueryOptions{};
  options.text = "fit";
  answer = store.query(options);
  REQUIRE(answer.ok);
  CHECK(store.highlights().size() % 4 == 0);

  const auto summary = store.summary();
  CHECK(summary.count == 40);
  CHECK(summary.average_text == vouch::summarize(store.snapshot()).average_text);
  CHECK(store.aspect(summary.aspect_count).name.empty());
  CHECK(store.json_ld(3).find("\"@type\":\"Product\"") != std::string::npos);

  ReviewStore from_json;
  REQUIRE(from_json.load_json_bytes(json).ok);
  CHECK(from_json.snapshot().to_binary() == binary);
}

TEST_CASE("review store: failures are status values and keep the old snapshot", "[review_store]") {
  ReviewStore store;
  REQUIRE(
      store
          .load_json_bytes(
              R"({"version":1,"product":{"id":"p"},"reviews":[{"id":"a","rating":3,"created":"2026-01-01T00:00:00Z"}]})")
          .ok);
  auto bad = store.load_json_bytes(
      R"({"version":1,"product":{"id":"p"},"reviews":[{"id":"a","rating":9,"created":"2026-01-01T00:00:00Z"}]})");
  CHECK_FALSE(bad.ok);
  CHECK(bad.code == "invalid_snapshot");
  CHECK(bad.message == "reviews[0].rating: expected integer 1..5");
  CHECK(store.load_json_bytes("{\"version\":").code == "invalid_json");
  CHECK(store.load_binary_bytes("nope").code == "invalid_binary");
  CHECK(store.load_binary(0, 5).code == "invalid_argument");
  CHECK(store.size() == 1);

  QueryOptions options;
  options.sort = "best";
  CHECK(store.query(options).code == "invalid_query");
  options = QueryOptions{};
  options.limit = 2.5;
  CHECK(store.query(options).message == "query.limit: expected a whole number 0..1000000");
  options = QueryOptions{};
  options.stars = -1;
  CHECK_FALSE(store.query(options).ok);
  options = QueryOptions{};
  options.offset = -3;
  CHECK_FALSE(store.query(options).ok);
  CHECK(store.json_ld(-5).find("\"review\"") == std::string::npos);
}
