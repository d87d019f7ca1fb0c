// Snapshots: building, the strict JSON loader, the binary codec (round trips,
// corrupt and truncated input), and JSONTestSuite through the JSON entry point.

#include "vouch/snapshot.hpp"

#include <dirent.h>

#include <catch2/catch.hpp>

#include "review_fixtures.hpp"
#include "shared_data.hpp"

namespace {

vouch::Snapshot random_snapshot(std::uint32_t seed, std::size_t n) {
  std::mt19937 rng(seed);
  auto built =
      vouch::Snapshot::build(vouch_test::test_product(), vouch_test::random_reviews(rng, n));
  REQUIRE(built.ok());
  return built.value();
}

std::string minimal_json(const std::string& review_members) {
  return R"({"format":"vouch.snapshot","version":1,"product":{"id":"p1"},"reviews":[{"id":"a","rating":5,"created":"2026-01-02T03:04:05Z"},{)" +
         review_members + "}]}";
}

std::string load_error(const std::string& json) {
  auto loaded = vouch::Snapshot::from_json(json);
  return loaded.ok() ? "ok" : loaded.error().to_string();
}

}  // namespace

TEST_CASE("snapshot: built reviews read back field by field", "[snapshot]") {
  std::mt19937 rng(7);
  const auto reviews = vouch_test::random_reviews(rng, 50);
  auto built = vouch::Snapshot::build(vouch_test::test_product(), reviews);
  REQUIRE(built.ok());
  const vouch::Snapshot& s = built.value();
  REQUIRE(s.size() == 50);
  CHECK(s.product().name == "Linen shirt");
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    vouch::Review expected = reviews[i];
    expected.product_id = "sku-1";
    const vouch::Review got = s.review_at(i);
    CHECK(got.id == expected.id);
    CHECK(got.title == expected.title);
    CHECK(got.body == expected.body);
    CHECK(got.rating == expected.rating);
    CHECK(got.created == expected.created);
    CHECK(got.updated == expected.updated);
    CHECK(got.media.size() == expected.media.size());
    for (std::size_t m = 0; m < got.media.size(); ++m) {
      CHECK(got.media[m].url == expected.media[m].url);
      CHECK(got.media[m].width == expected.media[m].width);
    }
    CHECK(got.aspects.size() == expected.aspects.size());
    CHECK(got.topics == expected.topics);
    CHECK(got.reply.text == expected.reply.text);
    CHECK(got.helpful_up == expected.helpful_up);
    CHECK(got.recommends == expected.recommends);
    CHECK(got.verification == expected.verification);
    CHECK(got.featured == expected.featured);
    CHECK(got.incentivized == expected.incentivized);
  }
}

TEST_CASE("snapshot: JSON -> snapshot -> binary -> snapshot -> JSON is identical", "[snapshot]") {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const vouch::Snapshot original = random_snapshot(seed, seed * 7 % 60);
    const std::string json = original.to_json();
    auto from_json = vouch::Snapshot::from_json(json);
    REQUIRE(from_json.ok());
    const std::string binary = from_json.value().to_binary();
    CHECK(binary == original.to_binary());
    auto from_binary = vouch::Snapshot::from_binary(binary);
    REQUIRE(from_binary.ok());
    CHECK(from_binary.value().to_json() == json);
    CHECK(from_binary.value().to_binary() == binary);
  }
}

TEST_CASE("snapshot: the empty snapshot", "[snapshot]") {
  vouch::Snapshot empty;
  CHECK(empty.size() == 0);
  CHECK(empty.topic_count() == 0);
  auto built = vouch::Snapshot::build(vouch::Product{"p", "", "", ""}, {});
  REQUIRE(built.ok());
  auto again = vouch::Snapshot::from_binary(built.value().to_binary());
  REQUIRE(again.ok());
  CHECK(again.value().size() == 0);
  CHECK(vouch::Snapshot::from_json(built.value().to_json()).ok());
}

TEST_CASE("snapshot: strict JSON loader names the place and the reason", "[snapshot]") {
  CHECK(load_error(minimal_json(R"("id":"b","rating":6,"created":"2026-01-02T03:04:05Z")")) ==
        "reviews[1].rating: expected integer 1..5");
  CHECK(load_error(minimal_json(R"("id":"b","rating":"5","created":"2026-01-02T03:04:05Z")")) ==
        "reviews[1].rating: expected integer 1..5");
  CHECK(load_error(minimal_json(R"("id":"b","rating":4.0,"created":"2026-01-02T03:04:05Z")")) ==
        "reviews[1].rating: expected integer 1..5");
  CHECK(load_error(minimal_json(R"("id":"b","rating":4)")) ==
        "reviews[1].created: required member missing");
  CHECK(load_error(minimal_json(R"("id":"b","rating":4,"created":"2026-02-30T00:00:00Z")")) ==
        "reviews[1].created: expected a UTC time like \"2026-11-23T10:15:00Z\"");
  CHECK(load_error(minimal_json(R"("id":"a","rating":4,"created":"2026-01-02T03:04:05Z")")) ==
        "reviews[1].id: duplicate review id");
  CHECK(
      load_error(minimal_json(
          R"J("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","media":[{"kind":"photo","url":"javascript:alert(1)"}])J")) ==
      "reviews[1].media[0].url: expected an http(s) URL");
  CHECK(
      load_error(minimal_json(
          R"("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","aspects":[{"name":"fit","value":0}])")) ==
      "reviews[1].aspects[0].value: expected integer 1..5");
  CHECK(load_error(minimal_json(
            R"("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","topics":["a",3])")) ==
        "reviews[1].topics[1]: expected a string, found an integer");
  CHECK(load_error(
            minimal_json(R"("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","topics":"a")")) ==
        "reviews[1].topics: expected an array, found a string");
  CHECK(load_error(
            minimal_json(R"("id":"b","rating":4,"rating":5,"created":"2026-01-02T03:04:05Z")")) ==
        "reviews[1].rating: duplicate member");
  CHECK(load_error(minimal_json(
            R"("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","verification":"trusted")")) ==
        "reviews[1].verification: expected \"unverified_web\", \"verified_purchase\", \"imported\" "
        "or \"staff\"");
  CHECK(load_error(minimal_json(
            R"("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","language":"en US")")) ==
        "reviews[1].language: expected a language tag like \"en\" or \"zh-Hant\"");
  CHECK(load_error(R"({"version":2,"product":{"id":"p"},"reviews":[]})") ==
        "version: expected integer 1 (the only version this core reads)");
  CHECK(load_error(R"({"version":1,"reviews":[]})") == "product: required member missing");
  CHECK(load_error(R"([1,2])") == "expected an object at the top level");
  const std::string syntax = load_error(R"({"version":1,)");
  CHECK(syntax.rfind("invalid JSON at byte ", 0) == 0);
  // Unknown members, whatever their shape, are ignored; "updated" defaults to "created".
  auto ok = vouch::Snapshot::from_json(minimal_json(
      R"("id":"b","rating":4,"created":"2026-01-02T03:04:05Z","x":{"y":[1,{"z":null}]},"email":"a@b.c")"));
  REQUIRE(ok.ok());
  CHECK(ok.value().updated(1) == ok.value().created(1));
}

TEST_CASE("snapshot: UTC times", "[snapshot]") {
  std::int64_t t = 0;
  REQUIRE(vouch::parse_utc("2026-11-23T10:15:00Z", t));
  CHECK(t == 1795428900);
  CHECK(vouch::format_utc(t) == "2026-11-23T10:15:00Z");
  CHECK(vouch::format_utc(0) == "1970-01-01T00:00:00Z");
  REQUIRE(vouch::parse_utc("1969-12-31T23:59:59Z", t));
  CHECK(t == -1);
  CHECK(vouch::format_utc(-1) == "1969-12-31T23:59:59Z");
  CHECK(vouch::parse_utc("2024-02-29T00:00:00Z", t));
  CHECK_FALSE(vouch::parse_utc("2023-02-29T00:00:00Z", t));
  CHECK_FALSE(vouch::parse_utc("2026-11-23 10:15:00Z", t));
  CHECK_FALSE(vouch::parse_utc("2026-11-23T10:15:00+01:00", t));
}

TEST_CASE("snapshot: every truncation of a binary snapshot is an error, never a crash",
          "[snapshot][binary]") {
  const std::string binary = random_snapshot(3, 12).to_binary();
  for (std::size_t length = 0; length < binary.size(); ++length) {
    auto loaded = vouch::Snapshot::from_binary(binary.substr(0, length));
    REQUIRE_FALSE(loaded.ok());
    CHECK_FALSE(loaded.error().message.empty());
  }
  CHECK(vouch::Snapshot::from_binary(binary.substr(0, 100)).error().to_string() ==
        "header: truncated: 100 bytes, the header alone needs 220");
  CHECK(vouch::Snapshot::from_binary(binary + std::string(8, '\0')).error().path == "trailer");
}

TEST_CASE("snapshot: corrupt binary snapshots are errors that say what is wrong",
          "[snapshot][binary]") {
  const std::string good = random_snapshot(4, 20).to_binary();
  auto corrupt = [&](std::size_t at, char value) {
    std::string bad = good;
    bad[at] = value;
    return vouch::Snapshot::from_binary(bad);
  };
  CHECK(corrupt(0, 'X').error().path == "header.magic");
  CHECK(corrupt(8, 2).error().to_string() ==
        "header.version: unsupported version 2 (this core reads 1)");
  CHECK(corrupt(16, 21).error().path.rfind("section[", 0) ==
        0);  // review count no longer fits the sections
  // The rating column is the first section; a 9 there is out of range.
  const std::size_t rating_offset =
      static_cast<unsigned char>(good[44]) | (static_cast<unsigned char>(good[45]) << 8);
  CHECK(corrupt(rating_offset + 3, 9).error().to_string() ==
        "reviews[3].rating: expected integer 1..5");
  // Invalid UTF-8 in the string table (its last byte sits inside some string).
  CHECK(corrupt(good.size() - 1, '\xff').error().path == "string_table");

  // Random byte flips: each is either accepted (and then fully readable) or an error.
  std::mt19937 rng(99);
  std::size_t rejected = 0;
  for (int k = 0; k < 3000; ++k) {
    std::string bad = good;
    for (int flips = 1 + k % 4; flips > 0; --flips) {
      bad[std::uniform_int_distribution<std::size_t>(0, bad.size() - 1)(rng)] =
          static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    }
    auto loaded = vouch::Snapshot::from_binary(bad);
    if (!loaded.ok()) {
      ++rejected;
      CHECK_FALSE(loaded.error().to_string().empty());
      continue;
    }
    for (std::size_t i = 0; i < loaded.value().size(); ++i) (void)loaded.value().review_at(i);
    CHECK(vouch::Snapshot::from_json(loaded.value().to_json()).ok());
  }
  CHECK(rejected > 1000);
}

TEST_CASE("snapshot: JSONTestSuite through the JSON entry point", "[snapshot][json]") {
  VOUCH_SHARED_DATA_OR_SKIP(dir, "conformance/json_test_suite/test_parsing");
  DIR* folder = opendir(dir.c_str());
  REQUIRE(folder != nullptr);
  std::size_t accepted = 0, rejected = 0, either = 0;
  while (dirent* entry = readdir(folder)) {
    const std::string name = entry->d_name;
    if (name.size() < 2 || name[1] != '_') continue;
    const std::string text = vouch_test::read_file(dir + "/" + name);
    auto loaded = vouch::Snapshot::from_json(text);
    const bool syntax_error = !loaded.ok() && loaded.error().path.empty() &&
                              loaded.error().message.rfind("invalid JSON", 0) == 0;
    INFO(name << ": " << (loaded.ok() ? "ok" : loaded.error().to_string()));
    if (name[0] == 'y') {
      CHECK_FALSE(syntax_error);  // valid JSON; only the snapshot rules may refuse it
      ++accepted;
    } else if (name[0] == 'n') {
      CHECK(syntax_error);
      ++rejected;
    } else {
      ++either;  // implementation-defined: must only not crash or hang
    }
  }
  closedir(folder);
  CHECK(accepted == 95);
  CHECK(rejected == 188);
  CHECK(either == 35);
}
