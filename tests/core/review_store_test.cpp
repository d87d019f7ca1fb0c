// The façade the wasm bindings register, exercised natively.

#include "review_store.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "form_api.hpp"
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

TEST_CASE("review store: the reserved buffer (the widget's load path) and the JSON converter",
          "[review_store]") {
  std::mt19937 rng(12);
  auto built =
      vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, 25));
  REQUIRE(built.ok());
  const std::string binary = built.value().to_binary();

  ReviewStore store;
  CHECK(store.load_reserved().code == "invalid_argument");  // nothing reserved yet
  const std::uintptr_t at = store.reserve_binary(static_cast<double>(binary.size()));
  REQUIRE(at != 0);
  CHECK(at % 8 == 0);  // the binary reader needs 8-byte alignment
  std::memcpy(reinterpret_cast<void*>(at), binary.data(), binary.size());
  REQUIRE(store.load_reserved().ok);
  CHECK(store.size() == 25);
  CHECK(store.snapshot().to_binary() == binary);
  CHECK(store.load_reserved().code == "invalid_argument");  // one load per reservation

  for (double bad : {-1.0, 0.5, 1073741825.0, 4294967296.0, std::nan("")})
    CHECK(store.reserve_binary(bad) == 0);
  // A corrupt reservation is refused and the loaded snapshot stays.
  const std::uintptr_t again = store.reserve_binary(static_cast<double>(binary.size()));
  REQUIRE(again != 0);
  std::memcpy(reinterpret_cast<void*>(again), binary.data(), binary.size());
  reinterpret_cast<unsigned char*>(again)[8] = 9;
  CHECK(store.load_reserved().message ==
        "header.version: unsupported version 9 (this core reads 1)");
  CHECK(store.size() == 25);
  // A reservation not used is dropped by the next load of any kind.
  REQUIRE(store.reserve_binary(16) != 0);
  REQUIRE(store.load_binary_bytes(binary).ok);
  CHECK(store.load_reserved().code == "invalid_argument");

  // The core API under it refuses a buffer shorter than the size it is told.
  auto short_buffer = vouch::Snapshot::adopt_binary(vouch::SnapshotWords(1, 0), 100);
  REQUIRE_FALSE(short_buffer.ok());
  CHECK(short_buffer.error().to_string() == "header: buffer shorter than its stated size");

  // JSON -> binary (the form module), then the binary path: the same snapshot.
  vouch::facade::SnapshotConverter converter;
  REQUIRE(converter.convert_bytes(built.value().to_json()).ok);
  CHECK(converter.binary() == binary);
  CHECK(converter.convert_bytes("{\"version\":").code == "invalid_json");
  CHECK(converter.binary().empty());
  CHECK(converter.convert(0, 4).code == "invalid_argument");
}
