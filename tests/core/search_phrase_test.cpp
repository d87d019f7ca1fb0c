// Search across scripts: Traditional/Simplified folding, groups that mix
// digits or Latin with Han (5星, 4G内存), quoted phrases, and a brute-force
// oracle for both on generated mixed-script text.

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "review_fixtures.hpp"
#include "text_fold.hpp"
#include "vouch/query.hpp"
#include "vouch/utf8.hpp"

namespace {

using vouch_test::snapshot_of_texts;

using Ids = std::vector<std::uint32_t>;

vouch::QueryResult query(const vouch::Snapshot& s, const std::string& text) {
  vouch::Query q;
  q.text = text;
  q.sort = vouch::SortOrder::Oldest;
  q.limit = 500;
  auto result = vouch::run_query(s, q);
  REQUIRE(result.ok());
  return result.value();
}

Ids find(const vouch::Snapshot& s, const std::string& text) { return query(s, text).page; }

std::vector<std::string> marked(const vouch::Snapshot& s, const std::string& text,
                                std::uint32_t review) {
  std::vector<std::string> out;
  for (const auto& h : query(s, text).highlights) {
    if (h.review != review || h.field != vouch::TextField::Body) continue;
    out.emplace_back(s.body(review).substr(h.begin, h.end - h.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("search: a zh-TW shopper finds Simplified reviews and back", "[search][phrase]") {
  const auto s =
      snapshot_of_texts({{"", "质量很好，价格便宜"}, {"", "質量很好，價格便宜"}, {"", "颜色不错"}});
  CHECK(find(s, "質量") == Ids{0, 1});
  CHECK(find(s, "质量") == Ids{0, 1});
  CHECK(find(s, "價格") == Ids{0, 1});
  CHECK(find(s, "顏色") == Ids{2});
  CHECK(find(s, "質量很好") == Ids{0, 1});  // a 4-character run, verified verbatim after folding
  CHECK(marked(s, "質量", 0) == std::vector<std::string>{"质量"});
  CHECK(marked(s, "质量", 1) == std::vector<std::string>{"質量"});
}

TEST_CASE("search: half-width katakana finds full-width, marks included", "[search][phrase]") {
  const auto s =
      snapshot_of_texts({{"", "ﾊﾟｿｺﾝ用のｶﾞｲﾄﾞ"}, {"", "パソコン用のガイド"}, {"", "ハソコン"}});
  CHECK(find(s, "パソコン") == Ids{0, 1});
  CHECK(find(s, "ｶﾞｲﾄﾞ") == Ids{0, 1});
  CHECK(marked(s, "パソコン", 0) == std::vector<std::string>{"ﾊﾟｿｺﾝ"});
}

TEST_CASE("search: digits or Latin next to Han are one group", "[search][phrase]") {
  const auto s = snapshot_of_texts({{"", "给5星，物流很快"},          // 0: 5星
                                    {"", "用了5天，星星图案好看"},    // 1: 5 ... 星 apart
                                    {"", "50星也不够"},               // 2: 50星 is not 5星
                                    {"", "4G内存够用"},               // 3
                                    {"", "内存 4g 够用"},             // 4: apart
                                    {"", "win7系统可以装"},           // 5
                                    {"", "iPhone13 很好，系统流畅"},  // 6
                                    {"", "win 7 系统"},               // 7: apart
                                    {"", "我给五星 5 星"}});          // 8: 5 and 星 with a space
  CHECK(find(s, "5星") == Ids{0});
  CHECK(find(s, "4G内存") == Ids{3});
  CHECK(find(s, "４ｇ内存") == Ids{3});  // full-width query
  CHECK(find(s, "win7系统") == Ids{5});
  CHECK(find(s, "iPhone13") == Ids{6});
  CHECK(find(s, "5 星") == Ids{0, 1, 2, 8});  // two words: an AND, as before
  CHECK(marked(s, "5星", 0) == std::vector<std::string>{"5星"});
  CHECK(marked(s, "4g内存", 3) == std::vector<std::string>{"4G内存"});
}

TEST_CASE("search: quoted phrases match in order; unquoted words stay an AND", "[search][phrase]") {
  const auto s = snapshot_of_texts({{"", "True to size! Great fit."},  // 0
                                    {"", "The size is true to me"},    // 1: words out of order
                                    {"", "质量不错，推荐"},            // 2
                                    {"", "质量，不错"},                // 3: punctuation between
                                    {"", "不错的质量"},                // 4: out of order
                                    {"", "true-to-size fit"}});        // 5: hyphens separate
  CHECK(find(s, "\"true to size\"") == Ids{0, 5});
  CHECK(find(s, "true to size") == Ids{0, 1, 5});
  CHECK(find(s, "\u201Ctrue to siz\u201D") == Ids{0, 5});  // the last word of a phrase is a prefix
  CHECK(find(s, "\"质量 不错\"") == Ids{2, 3});
  CHECK(find(s, "「质量不错」") == Ids{2});
  CHECK(find(s, "质量 不错") == Ids{2, 3, 4});
  CHECK(find(s, "\"great fit\" \"true to\"") == Ids{0});
  CHECK(find(s, "\"unclosed phrase") == Ids{});
  CHECK(marked(s, "\"true to size\"", 0) == std::vector<std::string>{"True to size"});
  CHECK(marked(s, "\"质量 不错\"", 3) == std::vector<std::string>{"质量，不错"});
}

namespace {

// ---- brute-force oracle ------------------------------------------------------
// Works on folded text character by character with the character classes only
// (no tokens, no index): a unit matches at p when its pieces occur in order from
// p, a word piece starting where no word character stands before it, an inner
// word piece ending where none follows, and (for phrases) only separators
// between pieces.
using vouch::detail::CharClass;
using vouch::detail::classify;

CharClass class_before(const std::string& s, std::size_t at) {
  if (at == 0) return CharClass::Separator;
  std::size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
  std::size_t pos = begin;
  return classify(vouch::utf8::decode(s, pos));
}
CharClass class_at(const std::string& s, std::size_t at) {
  if (at >= s.size()) return CharClass::Separator;
  return classify(vouch::utf8::decode(s, at));
}

struct Piece {
  std::string text;
  bool word;
};
struct OracleUnit {
  std::vector<Piece> pieces;
  bool phrase;
};

bool matches_from(const std::string& s, std::size_t at, const OracleUnit& u, std::size_t k) {
  const Piece& p = u.pieces[k];
  if (s.compare(at, p.text.size(), p.text) != 0) return false;
  if (p.word && class_before(s, at) == CharClass::Word) return false;
  std::size_t end = at + p.text.size();
  if (k + 1 == u.pieces.size()) return true;
  if (p.word && class_at(s, end) == CharClass::Word) return false;
  if (!u.phrase) return matches_from(s, end, u, k + 1);
  for (;;) {  // any number of separators, trying each split
    if (matches_from(s, end, u, k + 1)) return true;
    if (class_at(s, end) != CharClass::Separator || end >= s.size()) return false;
    vouch::utf8::decode(s, end);
  }
}

bool oracle_matches(const std::string& text, const OracleUnit& u) {
  const std::string s = vouch::detail::fold(text, vouch::detail::kSearchFold);
  for (std::size_t at = 0; at < s.size(); ++at)
    if (matches_from(s, at, u, 0)) return true;
  return false;
}

}  // namespace

TEST_CASE("search: groups and phrases agree with a brute-force oracle", "[search][phrase]") {
  // Word pieces, Han pieces (Simplified and Traditional) and separators.
  const char* const words[] = {"5", "50", "4g", "win7", "true", "to", "size", "fit", "iphone13"};
  const char* const han[] = {"星", "内存", "系统", "質量", "质量", "不错", "好", "很", "價格"};
  const char* const seps[] = {"", "", " ", "，", "! ", "-"};
  std::mt19937 random(2026);
  auto pick = [&](auto& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, std::size(list) - 1)(random)];
  };
  std::vector<std::pair<std::string, std::string>> texts;
  for (int i = 0; i < 300; ++i) {
    std::string body;
    const int n = std::uniform_int_distribution<int>(2, 10)(random);
    for (int k = 0; k < n; ++k) {
      body += random() % 2 ? pick(words) : pick(han);
      body += pick(seps);
    }
    texts.emplace_back(i % 7 == 0 ? std::string(pick(han)) : std::string(), body);
  }
  const auto s = snapshot_of_texts(texts);
  for (int round = 0; round < 400; ++round) {
    OracleUnit unit;
    unit.phrase = round % 2 == 1;
    std::string q;
    const int n = std::uniform_int_distribution<int>(1, 3)(random);
    bool last_word = false;
    for (int k = 0; k < n; ++k) {
      const bool word = random() % 2;
      if (!unit.phrase && word && last_word) break;  // two adjacent words would be one word
      Piece p{word ? pick(words) : pick(han), word};
      if (unit.phrase && k > 0) q += ' ';
      q += p.text;
      unit.pieces.push_back(p);
      last_word = word;
    }
    // The oracle folds the query pieces the same way (質量 and 质量 are one piece).
    for (Piece& p : unit.pieces) p.text = vouch::detail::fold(p.text, vouch::detail::kSearchFold);
    // Adjacent Han pieces in a group read as one run: join them for the oracle.
    OracleUnit merged{{}, unit.phrase};
    for (const Piece& p : unit.pieces) {
      if (!unit.phrase && !merged.pieces.empty() && !p.word && !merged.pieces.back().word)
        merged.pieces.back().text += p.text;
      else
        merged.pieces.push_back(p);
    }
    const std::string text = unit.phrase ? "\"" + q + "\"" : q;
    Ids expected;
    for (std::uint32_t i = 0; i < texts.size(); ++i)
      if (oracle_matches(texts[i].first, merged) || oracle_matches(texts[i].second, merged))
        expected.push_back(i);
    INFO("query " << text);
    REQUIRE(find(s, text) == expected);
  }
}

TEST_CASE("search: hostile queries (quotes, long phrases) answer without error",
          "[search][phrase]") {
  const auto s = snapshot_of_texts({{"", "a a a a a a a a 质量"}, {"", "true to size"}});
  CHECK(find(s, "\"").size() == 2);  // no tokens: no text filter, as for "!!!"
  CHECK(find(s, "\"\"\"\"").size() == 2);
  CHECK(find(s, "「」『』“”").size() == 2);
  CHECK(find(s, "\"true to").size() == 1);  // unclosed: quotes to the end
  std::string long_phrase = "\"";
  while (long_phrase.size() < 990) long_phrase += "a ";
  CHECK(find(s, long_phrase).empty());  // 495 words in a row: no review has them
  std::string long_group;
  while (long_group.size() < 990) long_group += "a质";
  CHECK(find(s, long_group).empty());
  CHECK(find(s, "\"a a a a a a a a 质量\"") == Ids{0});
}
