// The profanity flag's false-positive rate and recall, computed over labelled
// sets (docs/validation.md, "Profanity"): real English reviews
// (../shared/data), and Chinese (Simplified and Traditional) and Japanese
// reviews composed and labelled by construction (tests/fixtures/text/, see
// scripts/gen_review_fixtures.mjs). Fails if the figures pass the limits:
// false positives <= 0.1 %, recall >= 90 %.

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "shared_data.hpp"
#include "vouch/csv.hpp"
#include "vouch/validate.hpp"

using namespace vouch;

namespace {

std::string profanity(const std::string& title, const std::string& body) {
  Submission s;
  s.title = title;
  s.body = body;
  for (const Flag& f : validate_submission(s, Policy{}, ValidationContext{}).flags)
    if (f.code == "profanity") return f.detail;
  return "";
}

std::vector<std::string> fixture_lines(const std::string& name) {
  const std::string text =
      vouch_test::read_file(std::string(VOUCH_SOURCE_DIR) + "/tests/fixtures/text/" + name);
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

struct Rate {
  std::size_t flagged = 0, total = 0;
  std::map<std::string, std::size_t> words;
  double percent() const { return total ? 100.0 * static_cast<double>(flagged) / total : 0; }
};

Rate rate_of(const std::vector<std::string>& texts) {
  Rate r;
  for (const std::string& t : texts) {
    ++r.total;
    const std::string found = profanity("", t);
    if (found.empty()) continue;
    ++r.flagged;
    ++r.words[found];
  }
  return r;
}

std::string words_of(const Rate& r) {
  std::string out;
  for (const auto& [w, n] : r.words) out += w + " " + std::to_string(n) + "; ";
  return out;
}

}  // namespace

TEST_CASE("profanity: the cases of issue 14 are not flagged; the insults are",
          "[validate][profanity]") {
  for (const char* clean :
       {"做了妈妈的我们就喜欢舒服的衣服", "我是处女座，这件完美", "颜色正，没有偏色情况",
        "很有激情的红色", "设计很有感情色彩", "性价比高，牛奶丝面料", "小姑娘的衣服很可爱",
        "给他妈妈买的", "我妈比我还喜欢", "吹干你的头发很快", "做了媽媽的我們", "我是處女座",
        "沒有偏色情況", "色情報が正確でした", "사이즈가 딱 맞아요"}) {
    INFO(clean);
    CHECK(profanity("", clean).empty());
  }
  CHECK(profanity("", "客服他妈的不理人").find("他妈的") != std::string::npos);
  CHECK_FALSE(profanity("", "客服他媽的不理人").empty());  // zh-TW list
  CHECK_FALSE(profanity("", "卖家是傻逼").empty());
  CHECK_FALSE(profanity("", "姑妈的，妈的，太差").empty());  // one ordinary, one not
  // A store can still switch the zh-TW list off.
  Policy simplified_only;
  simplified_only.profanity_lists = {"en", "zh"};
  Submission s;
  s.body = "客服他媽的不理人";
  bool flagged = false;
  for (const Flag& f : validate_submission(s, simplified_only, ValidationContext{}).flags)
    flagged |= f.code == "profanity";
  CHECK_FALSE(flagged);
}

TEST_CASE("profanity: false positives <= 0.1 % and recall >= 90 % on the labelled sets",
          "[validate][profanity][corpus]") {
  const auto zh = rate_of(fixture_lines("reviews_zh_clean.txt"));
  const auto tw = rate_of(fixture_lines("reviews_zh_tw_clean.txt"));
  const auto ja = rate_of(fixture_lines("reviews_ja_clean.txt"));
  const auto zh_bad = rate_of(fixture_lines("reviews_zh_abusive.txt"));
  const auto tw_bad = rate_of(fixture_lines("reviews_zh_tw_abusive.txt"));
  WARN("zh clean: " << zh.flagged << "/" << zh.total << " " << words_of(zh));
  WARN("zh-TW clean: " << tw.flagged << "/" << tw.total << " " << words_of(tw));
  WARN("ja clean: " << ja.flagged << "/" << ja.total << " " << words_of(ja));
  WARN("zh abusive: " << zh_bad.flagged << "/" << zh_bad.total);
  WARN("zh-TW abusive: " << tw_bad.flagged << "/" << tw_bad.total);
  CHECK(zh.total >= 500);
  CHECK(tw.total >= 500);
  CHECK(ja.total >= 500);
  CHECK(zh.percent() <= 0.1);
  CHECK(tw.percent() <= 0.1);
  CHECK(ja.percent() <= 0.1);
  CHECK(zh_bad.percent() >= 90.0);
  CHECK(tw_bad.percent() >= 90.0);

  // Real English reviews: every review is clean except the ones labelled by hand.
  VOUCH_SHARED_DATA_OR_SKIP(food, "reviews/en_amazon_fine_food_reviews.first1000.csv");
  std::set<std::string> vulgar;
  for (const std::string& id : fixture_lines("amazon_food_vulgar_ids.txt")) vulgar.insert(id);
  auto rows = csv::read_all(vouch_test::read_file(food));
  REQUIRE(rows.ok());
  Rate en;
  std::size_t true_positives = 0;
  for (std::size_t i = 1; i < rows.value().size(); ++i) {
    const auto& f = rows.value()[i].fields;
    REQUIRE(f.size() > 9);
    const std::string found = profanity(f[8], f[9]);
    if (vulgar.count(f[0])) {
      true_positives += !found.empty();
      continue;
    }
    ++en.total;
    if (!found.empty()) ++en.flagged, ++en.words[f[0] + ": " + found];
  }
  WARN("en food clean: " << en.flagged << "/" << en.total << " " << words_of(en));
  CHECK(en.total >= 990);
  CHECK(en.percent() <= 0.1);
  CHECK(true_positives == vulgar.size());
  VOUCH_SHARED_DATA_OR_SKIP(clothing,
                            "reviews/en_womens_clothing_ecommerce_reviews.first20000.csv");
  auto clothes = csv::read_all(vouch_test::read_file(clothing));
  REQUIRE(clothes.ok());
  Rate cl;
  for (std::size_t i = 1; i < clothes.value().size(); ++i) {
    const auto& f = clothes.value()[i].fields;
    if (f.size() <= 4 || f[4].empty()) continue;
    ++cl.total;
    const std::string found = profanity(f[3], f[4]);
    if (!found.empty()) ++cl.flagged, ++cl.words[found];
  }
  WARN("en clothing: " << cl.flagged << "/" << cl.total << " " << words_of(cl));
  CHECK(cl.total > 19000);
  CHECK(cl.percent() <= 0.1);
}
