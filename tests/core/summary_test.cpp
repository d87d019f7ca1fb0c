// Summary numbers (rounding, largest remainder), JSON-LD, and the real
// clothing-review dataset checked against an independent computation.

#include "vouch/summary.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "shared_data.hpp"
#include "vouch/csv.hpp"

namespace {

vouch::Review review(const std::string& id, int rating, std::int64_t created = 1700000000) {
  vouch::Review r;
  r.id = id;
  r.rating = static_cast<std::uint8_t>(rating);
  r.created = created;
  r.updated = created;
  return r;
}

vouch::Snapshot build(const std::vector<vouch::Review>& reviews) {
  auto built = vouch::Snapshot::build(
      vouch::Product{"sku-9", "Mug", "https://shop.example/mug", ""}, reviews);
  REQUIRE(built.ok());
  return built.value();
}

}  // namespace

TEST_CASE("summary: average rounds half up, percentages sum to 100", "[summary]") {
  // 4.25 -> 4.3 (half up), not 4.2 (banker's) or float noise.
  auto s =
      vouch::summarize(build({review("a", 5), review("b", 5), review("c", 4), review("d", 3)}));
  CHECK(s.count == 4);
  CHECK(s.average_tenths == 43);
  CHECK(s.average_text == "4.3");
  CHECK(s.histogram == std::array<std::uint32_t, 5>{0, 0, 1, 1, 2});
  CHECK(s.histogram_percent == std::array<std::uint32_t, 5>{0, 0, 25, 25, 50});
  CHECK_FALSE(s.has_recommend);
  // Thirds: 33.33 each -> 34/33/33, lower index wins the tie.
  CHECK(vouch::largest_remainder_percentages({1, 1, 1}) == std::vector<std::uint32_t>{34, 33, 33});
  CHECK(vouch::largest_remainder_percentages({0, 0}) == std::vector<std::uint32_t>{0, 0});
  CHECK(vouch::largest_remainder_percentages({1, 2, 3, 4, 90}) ==
        std::vector<std::uint32_t>{1, 2, 3, 4, 90});
  CHECK(vouch::largest_remainder_percentages({1, 1, 1, 1, 1, 1, 1}) ==
        std::vector<std::uint32_t>{15, 15, 14, 14, 14, 14, 14});
  auto empty = vouch::summarize(vouch::Snapshot());
  CHECK(empty.average_text == "0.0");
  CHECK(empty.histogram_percent == std::array<std::uint32_t, 5>{});
}

TEST_CASE("summary: recommend %, aspects and topics", "[summary]") {
  auto a = review("a", 5), b = review("b", 2), c = review("c", 4);
  a.recommends = vouch::Recommends::Yes;
  b.recommends = vouch::Recommends::No;
  c.recommends = vouch::Recommends::Yes;
  a.aspects = {{"fit", 5}, {"quality", 4}};
  b.aspects = {{"fit", 2}};
  a.topics = {"fit"};
  c.topics = {"fit", "colour"};
  auto s = vouch::summarize(build({a, b, c}));
  CHECK(s.has_recommend);
  CHECK(s.recommend_answered == 3);
  CHECK(s.recommend_percent == 67);  // 66.67 half up
  REQUIRE(s.aspects.size() == 2);
  CHECK(s.aspects[0].name == "fit");
  CHECK(s.aspects[0].average_text == "3.5");
  CHECK(s.aspects[1].average_text == "4.0");
  REQUIRE(s.topics.size() == 2);
  CHECK(s.topics[0].name == "fit");
  CHECK(s.topics[0].count == 2);
  CHECK(s.topics[1].count == 1);
}

TEST_CASE("summary: JSON-LD is a Product with aggregateRating, safe inside <script>",
          "[summary][jsonld]") {
  auto a = review("a", 5, 1795428900), b = review("b", 4, 1700000000);
  a.author = std::string(150, 'x');
  a.title = "Great </script><script>alert(1)</script>";
  a.body = "Line\u2028separator & <b>bold</b>";
  b.author = "Zoë";
  const std::string ld = vouch::json_ld(build({a, b}), 10);
  CHECK(ld.find('<') == std::string::npos);
  CHECK(ld.find('>') == std::string::npos);
  CHECK(ld.find("\xE2\x80\xA8") == std::string::npos);
  const auto doc = nlohmann::json::parse(ld, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  CHECK(doc["@type"] == "Product");
  CHECK(doc["sku"] == "sku-9");
  CHECK(doc["aggregateRating"]["ratingValue"] == "4.5");
  CHECK(doc["aggregateRating"]["reviewCount"] == 2);
  CHECK(doc["aggregateRating"]["bestRating"] == 5);
  CHECK(doc["aggregateRating"]["worstRating"] == 1);
  REQUIRE(doc["review"].size() == 2);
  CHECK(doc["review"][0]["datePublished"] == "2026-11-23");  // newest first
  CHECK(doc["review"][0]["author"]["name"].get_ref<const std::string&>().size() == 99);
  CHECK(doc["review"][0]["name"] == "Great </script><script>alert(1)</script>");
  CHECK(doc["review"][1]["author"]["name"] == "Zoë");
  CHECK(doc["review"][1]["reviewRating"]["ratingValue"] == 4);
  CHECK(ld.find("Organization") == std::string::npos);
  const auto one = nlohmann::json::parse(vouch::json_ld(build({a, b}), 1), nullptr, false);
  CHECK(one["review"].size() == 1);
  const auto none = nlohmann::json::parse(vouch::json_ld(vouch::Snapshot(), 5), nullptr, false);
  REQUIRE_FALSE(none.is_discarded());
  CHECK(none.find("aggregateRating") == none.end());
}

TEST_CASE("summary: real clothing reviews, per product, against an independent computation",
          "[summary][real]") {
  VOUCH_SHARED_DATA_OR_SKIP(path, "reviews/en_womens_clothing_ecommerce_reviews.first20000.csv");
  const std::string text = vouch_test::read_file(path);
  auto rows = vouch::csv::read_all(text);
  REQUIRE(rows.ok());
  // Columns: (index), Clothing ID, Age, Title, Review Text, Rating, Recommended IND, ...
  std::map<std::string, std::vector<vouch::Review>> by_product;
  struct Expected {
    std::uint64_t sum = 0, recommend_yes = 0;
    std::array<std::uint32_t, 5> histogram{};
  };
  std::map<std::string, Expected> expected;
  for (std::size_t k = 1; k < rows.value().size(); ++k) {
    const auto& f = rows.value()[k].fields;
    vouch::Review r;
    r.id = f[0];
    r.product_id = f[1];
    r.title = f[3];
    r.body = f[4];
    r.rating = static_cast<std::uint8_t>(std::stoi(f[5]));
    r.recommends = f[6] == "1" ? vouch::Recommends::Yes : vouch::Recommends::No;
    r.helpful_up = static_cast<std::uint32_t>(std::stoul(f[7]));
    r.created = 1500000000 + static_cast<std::int64_t>(k);  // the dataset has no dates
    r.updated = r.created;
    Expected& e = expected[f[1]];
    e.sum += r.rating;
    e.histogram[r.rating - 1] += 1;
    e.recommend_yes += f[6] == "1";
    by_product[f[1]].push_back(std::move(r));
  }
  REQUIRE(by_product.size() == 1058);
  std::size_t largest = 0, total = 0;
  for (const auto& [id, reviews] : by_product) {
    auto built = vouch::Snapshot::build(vouch::Product{id, "Clothing " + id, "", ""}, reviews);
    REQUIRE(built.ok());
    // Through the binary codec too, as the widget would receive it.
    auto loaded = vouch::Snapshot::from_binary(built.value().to_binary());
    REQUIRE(loaded.ok());
    const vouch::Summary s = vouch::summarize(loaded.value());
    const Expected& e = expected[id];
    const std::uint64_t n = reviews.size();
    INFO("product " << id);
    CHECK(s.count == n);
    CHECK(s.histogram == e.histogram);
    // Independent rounding: truncate to hundredths, then round half up.
    CHECK(s.average_tenths == (e.sum * 100 / n + 5) / 10);
    std::uint32_t percent_sum = 0;
    for (int r = 0; r < 5; ++r) {
      percent_sum += s.histogram_percent[r];
      const double exact = 100.0 * e.histogram[r] / static_cast<double>(n);
      CHECK(std::abs(s.histogram_percent[r] - exact) < 1.0);
    }
    CHECK(percent_sum == 100);
    CHECK(s.recommend_percent == (e.recommend_yes * 1000 / n + 5) / 10);
    largest = std::max<std::size_t>(largest, n);
    total += n;
  }
  CHECK(largest == 883);
  CHECK(total == 20000);
}
