// Free-text search: Chinese and Japanese without spaces, accents, full-width
// letters, emoji; highlight ranges are byte offsets into the original text.

#include <catch2/catch.hpp>

#include "review_fixtures.hpp"
#include "vouch/query.hpp"

namespace {

using vouch_test::snapshot_of_texts;

std::vector<std::uint32_t> search_ids(const vouch::Snapshot& s, const std::string& text) {
  vouch::Query q;
  q.text = text;
  q.sort = vouch::SortOrder::Oldest;
  q.limit = 100;
  auto result = vouch::run_query(s, q);
  REQUIRE(result.ok());
  return result.value().page;
}

using Ids = std::vector<std::uint32_t>;

// The highlighted substrings of review `i`'s field for a search.
std::vector<std::string> marked(const vouch::Snapshot& s, const std::string& text,
                                std::uint32_t review, vouch::TextField field) {
  vouch::Query q;
  q.text = text;
  q.limit = 100;
  auto result = vouch::run_query(s, q);
  REQUIRE(result.ok());
  std::vector<std::string> out;
  for (const auto& h : result.value().highlights) {
    if (h.review != review || h.field != field) continue;
    const std::string_view source =
        field == vouch::TextField::Title ? s.title(review) : s.body(review);
    out.emplace_back(source.substr(h.begin, h.end - h.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("search: Chinese text without spaces (character bigrams)", "[search]") {
  const auto s = snapshot_of_texts({{"质量很好", "衣服质量很好，尺码偏小一点。"},
                                    {"一般", "颜色不错但是质量一般"},
                                    {"很好", "很喜欢"}});
  CHECK(search_ids(s, "质量") == Ids{0, 1});
  CHECK(search_ids(s, "质量很好") == Ids{0});
  CHECK(search_ids(s, "很好") == Ids{0, 2});
  CHECK(search_ids(s, "好") == Ids{0, 2});
  CHECK(search_ids(s, "尺码偏小") == Ids{0});
  CHECK(search_ids(s, "偏大") == Ids{});
  CHECK(search_ids(s, "质很") == Ids{});  // both characters occur, not next to each other
  CHECK(marked(s, "质量", 0, vouch::TextField::Body) == std::vector<std::string>{"质量"});
}

TEST_CASE("search: Japanese kana and kanji", "[search]") {
  const auto s = snapshot_of_texts({{"とても良い", "サイズがぴったりで、着心地もとても良いです。"},
                                    {"残念", "サイズが小さかった"}});
  CHECK(search_ids(s, "サイズ") == Ids{0, 1});
  CHECK(search_ids(s, "着心地") == Ids{0});
  CHECK(search_ids(s, "とても良い") == Ids{0});
  CHECK(search_ids(s, "小さ") == Ids{1});
  CHECK(marked(s, "とても", 0, vouch::TextField::Body) == std::vector<std::string>{"とても"});
}

TEST_CASE("search: case, accents and full-width letters fold for Latin", "[search]") {
  const auto s = snapshot_of_texts({{"Café au lait", "Très naïve STRASSE"},
                                    {"CAFE", "straße crème"},
                                    {"ｆｉｔ ｓｏ ｗｅｌｌ", "Fits"}});
  CHECK(search_ids(s, "cafe") == Ids{0, 1});
  CHECK(search_ids(s, "CAFÉ") == Ids{0, 1});
  CHECK(search_ids(s, "naive") == Ids{0});
  CHECK(search_ids(s, "strasse") == Ids{0, 1});
  CHECK(search_ids(s, "Straße") == Ids{0, 1});
  CHECK(search_ids(s, "creme") == Ids{1});
  CHECK(search_ids(s, "fit") == Ids{2});  // full-width title and the prefix of "Fits"
  CHECK(search_ids(s, "ＦＩＴ") == Ids{2});
  CHECK(search_ids(s, "cafe lait") == Ids{0});  // every word must match
  CHECK(search_ids(s, "  ") == Ids{0, 1, 2});   // only spaces: no search
  // Highlights cover the original bytes, accent included.
  CHECK(marked(s, "cafe", 0, vouch::TextField::Title) == std::vector<std::string>{"Café"});
  CHECK(marked(s, "fit", 2, vouch::TextField::Title) == std::vector<std::string>{"ｆｉｔ"});
  CHECK(marked(s, "fit", 2, vouch::TextField::Body) == std::vector<std::string>{"Fit"});
  CHECK(marked(s, "strasse", 1, vouch::TextField::Body) == std::vector<std::string>{"straße"});
  // Decomposed accent (e + U+0301) folds too, and the highlight keeps the mark.
  const auto decomposed = snapshot_of_texts({{"Cafe\xCC\x81", ""}});
  CHECK(search_ids(decomposed, "café") == Ids{0});
  CHECK(marked(decomposed, "cafe", 0, vouch::TextField::Title) ==
        std::vector<std::string>{"Cafe\xCC\x81"});
}

TEST_CASE("search: emoji are searchable tokens", "[search]") {
  const auto s = snapshot_of_texts(
      {{"Love it 😍", "👍👍 would buy again"}, {"meh", "👎"}, {"ok", "👍🏽 fine"}});
  CHECK(search_ids(s, "👍") == Ids{0, 2});
  CHECK(search_ids(s, "😍") == Ids{0});
  CHECK(search_ids(s, "👎") == Ids{1});
  CHECK(marked(s, "👍", 0, vouch::TextField::Body) ==
        std::vector<std::string>{"👍👍"});  // adjacent ranges merge
}

TEST_CASE("search: relevance ranks title and repeated matches higher", "[search]") {
  const auto s = snapshot_of_texts(
      {{"nice", "the zipper broke"}, {"zipper broke", "zipper zipper"}, {"ok", "fine"}});
  vouch::Query q;
  q.text = "zipper";
  q.sort = vouch::SortOrder::Relevance;
  auto result = vouch::run_query(s, q);
  REQUIRE(result.ok());
  CHECK(result.value().page == Ids{1, 0});
  CHECK(vouch::fold_for_search("ÀÉÎÕÜ Œuvre Ｆｕｌｌ") == "aeiou oeuvre full");
}
