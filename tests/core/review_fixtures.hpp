#pragma once
// Random and hand-made review sets for the core tests. The Chinese and
// Japanese words below are written for these tests (no open review corpus in
// those languages was found, see ../shared/data/README.md).

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "vouch/model.hpp"
#include "vouch/snapshot.hpp"

namespace vouch_test {

inline vouch::Product test_product() {
  return vouch::Product{"sku-1", "Linen shirt", "https://shop.example/p/1",
                        "https://shop.example/p/1.jpg"};
}

// Words joined by single spaces: pure Latin (some accented/full-width), pure CJK, emoji.
inline const std::vector<std::string>& test_vocabulary() {
  static const std::vector<std::string> words = {
      "great",  "fit",  "fits",   "fitted",   "small",  "large",    "colour",     "color",
      "soft",   "Café", "CAFE",   "naïve",    "Straße", "ｆｉｔ",   "quality",    "shipping",
      "return", "size", "很好",   "质量很好", "舒服",   "尺码偏小", "とても良い", "サイズ",
      "着心地", "👍",    "❤️", "✨",        "ok",     "x"};
  return words;
}

// A snapshot of one product whose reviews are these (title, body) pairs, in
// order: ids r0, r1, ..., five stars, one second apart.
inline vouch::Snapshot snapshot_of_texts(
    const std::vector<std::pair<std::string, std::string>>& texts) {
  std::vector<vouch::Review> reviews;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    vouch::Review r;
    r.id = "r" + std::to_string(i);
    r.rating = 5;
    r.created = 1700000000 + static_cast<std::int64_t>(i);
    r.title = texts[i].first;
    r.body = texts[i].second;
    reviews.push_back(r);
  }
  auto built = vouch::Snapshot::build(vouch::Product{"p", "P", "", ""}, reviews);
  REQUIRE(built.ok());
  return built.value();
}

inline std::string random_text(std::mt19937& rng, int max_words) {
  const auto& vocab = test_vocabulary();
  std::uniform_int_distribution<int> count(0, max_words);
  std::uniform_int_distribution<std::size_t> pick(0, vocab.size() - 1);
  std::string text;
  for (int k = count(rng); k > 0; --k) {
    if (!text.empty()) text += ' ';
    text += vocab[pick(rng)];
  }
  return text;
}

inline std::vector<vouch::Review> random_reviews(std::mt19937& rng, std::size_t n) {
  static const char* const topics[] = {"fit", "quality", "shipping", "colour"};
  static const char* const languages[] = {"", "en", "en-US", "zh-CN", "ja", "fr"};
  static const char* const aspects[] = {"quality", "fit", "service"};
  std::vector<vouch::Review> reviews(n);
  auto coin = [&rng](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (std::size_t i = 0; i < n; ++i) {
    vouch::Review& r = reviews[i];
    r.id = "r" + std::to_string(i);
    r.rating = static_cast<std::uint8_t>(uniform(1, 5));
    r.title = random_text(rng, 3);
    r.body = random_text(rng, 12);
    r.author = coin(90) ? "Author " + std::to_string(uniform(1, 20)) : "";
    r.created = 1700000000 + uniform(0, 40) * 86400;  // few distinct days: many ties
    r.updated = r.created + uniform(0, 1000);
    r.language = languages[uniform(0, 5)];
    r.verification = static_cast<vouch::Verification>(uniform(0, 3));
    r.incentivized = coin(10);
    r.source = coin(50) ? "web" : "import:judge.me";
    for (int m = coin(30) ? uniform(1, 3) : 0; m > 0; --m) {
      r.media.push_back(
          vouch::Media{coin(80) ? vouch::Media::Kind::Photo : vouch::Media::Kind::Video,
                       "https://cdn.example/m" + std::to_string(uniform(1, 999)) + ".jpg",
                       static_cast<std::uint32_t>(uniform(0, 2000)),
                       static_cast<std::uint32_t>(uniform(0, 2000))});
    }
    for (const char* a : aspects) {
      if (coin(40))
        r.aspects.push_back(vouch::AspectRating{a, static_cast<std::uint8_t>(uniform(1, 5))});
    }
    r.recommends = static_cast<vouch::Recommends>(uniform(0, 2));
    r.helpful_up = coin(50) ? static_cast<std::uint32_t>(uniform(0, 30)) : 0;
    r.helpful_down = coin(50) ? static_cast<std::uint32_t>(uniform(0, 30)) : 0;
    if (coin(20)) r.reply = vouch::MerchantReply{"Thanks! </script><b>x</b>", r.created + 3600};
    r.featured = coin(10);
    for (const char* t : topics) {
      if (coin(25)) r.topics.push_back(t);
    }
  }
  return reviews;
}

}  // namespace vouch_test
