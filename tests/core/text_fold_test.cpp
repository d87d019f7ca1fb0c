// The one text pipeline (src/core/text_fold.hpp): folding fixtures and the
// property that search and the validator's signals tokenise alike.

#include "text_fold.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "unicode_tables.hpp"
#include "vouch/query.hpp"
#include "vouch/utf8.hpp"

using vouch::detail::fold;
using vouch::detail::kSearchFold;
using vouch::detail::kSignalFold;

TEST_CASE("text fold: Traditional and regional variants fold to Simplified", "[text][fold]") {
  // Pairs from everyday shopping language; the right side is what Simplified text says.
  const std::pair<const char*, const char*> pairs[] = {
      {"質量", "质量"},     {"價格", "价格"}, {"尺碼", "尺码"}, {"顏色", "颜色"}, {"頭髮", "头发"},
      {"發貨", "发货"},     {"乾淨", "干净"}, {"這裡", "这里"}, {"裏面", "里面"}, {"衛生", "卫生"},
      {"滿意", "满意"},     {"購買", "购买"}, {"鞋帶", "鞋带"}, {"後來", "后来"}, {"麵包", "面包"},
      {"為什麼", "为什么"}, {"著名", "着名"}, {"線頭", "线头"}, {"網購", "网购"}, {"體驗", "体验"}};
  for (const auto& [traditional, simplified] : pairs) {
    INFO(traditional);
    CHECK(fold(traditional, kSearchFold) == fold(simplified, kSearchFold));
    CHECK(fold(simplified, kSearchFold) == fold(fold(simplified, kSearchFold), kSearchFold));
  }
  // Simplified text is never changed by the table (the query and the text agree anyway,
  // but a Simplified reader's highlights and terms stay as typed).
  for (const char* s : {"质量", "价格", "什么", "头发", "干净", "里面"})
    CHECK(fold(s, kSearchFold) == s);
  // Signals fold case and width only.
  CHECK(fold("質量", kSignalFold) == "質量");
}

TEST_CASE("text fold: every code point folds to a fixed point", "[text][fold]") {
  // fold(fold(x)) == fold(x) for each code point alone, for both option sets:
  // the query and the text always meet in one canonical form.
  for (char32_t cp = 1; cp < 0x30000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    vouch::utf8::append(s, cp);
    for (auto options : {kSearchFold, kSignalFold}) {
      const std::string once = fold(s, options);
      if (fold(once, options) != once) FAIL("U+" << std::hex << static_cast<std::uint32_t>(cp));
    }
  }
  // The Han table: every source differs from its target, and targets are not sources.
  for (char32_t cp = 0x3400; cp <= 0xFFFF; ++cp) {
    const char32_t to = vouch::text::detail::han_simplified(cp);
    if (to != cp && vouch::text::detail::han_simplified(to) != to)
      FAIL("chain at U+" << std::hex << static_cast<std::uint32_t>(cp));
  }
}

TEST_CASE("text fold: width, case, accents, kana, Hangul, apostrophes", "[text][fold]") {
  CHECK(fold("ＡＢＣ１２３ｘ", kSearchFold) == "abc123x");
  CHECK(fold("ＡＢＣ", kSignalFold) == "abc");
  CHECK(fold("Café ÀÉÎÕÜ Œuvre Straße", kSearchFold) == "cafe aeiou oeuvre strasse");
  CHECK(fold("Café ÀÉÎ", kSignalFold) == "café àéî");
  CHECK(fold("ŁÓDŹ", kSignalFold) == "łódź");
  CHECK(fold("ﾊﾟｿｺﾝ ｶﾀｶﾅ ｶﾞｲﾄﾞﾌﾞｯｸ ｳﾞｨ", kSearchFold) == "パソコン カタカナ ガイドブック ヴィ");
  CHECK(fold("ﾞｱﾞ", kSignalFold) == "゛ア゛");  // a mark that cannot combine stays a mark
  CHECK(fold("사이즈 좋아요", kSearchFold) == "사이즈 좋아요");
  CHECK(fold("don’t ʼok", kSignalFold) == "don't 'ok");
  CHECK(fold("a\u3000b", kSignalFold) == "a b");
  CHECK(vouch::fold_for_search("ÀÉÎÕÜ Œuvre Ｆｕｌｌ 質量") == "aeiou oeuvre full 质量");
}

namespace {

// The search tokens of `text`, with CJK runs split into characters: what the
// validator's word units must be, once folded for search.
std::vector<std::string> search_units(const std::string& text) {
  const std::string folded = fold(text, kSearchFold);
  std::vector<vouch::detail::Token> tokens;
  vouch::detail::tokenize(folded, tokens);
  std::vector<std::string> out;
  for (const auto& t : tokens) {
    const std::string_view s = std::string_view(folded).substr(t.begin, t.end - t.begin);
    if (t.kind != vouch::detail::TokenKind::Cjk) {
      out.emplace_back(s);
      continue;
    }
    for (std::size_t pos = 0; pos < s.size();) {
      const std::size_t start = pos;
      vouch::utf8::decode(s, pos);
      out.emplace_back(s.substr(start, pos - start));
    }
  }
  return out;
}

std::vector<std::string> signal_units_folded_for_search(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& unit : vouch::detail::word_units(text))
    out.push_back(fold(unit.folded, kSearchFold));
  return out;
}

}  // namespace

TEST_CASE("text fold: search and signals tokenise the same way (property)", "[text][fold]") {
  // Random mixed-script text from pieces that exercise every rule: Latin with
  // accents and apostrophes, full-width, Traditional and Simplified Han, kana,
  // half-width kana, Hangul, emoji, punctuation of several scripts.
  const char* const pieces[] = {
      "Size",   "fit",  "don't",  "rock’n’roll", "'quoted'", "Café", "ŁÓDŹ", "Straße",
      "ＡＢＣ", "５",   "4G",     "win7",        "質量",     "质量", "不錯", "很好",
      "サイズ", "ｶﾀｶﾅ", "사이즈", "좋아요",      "ﾊﾟｿｺﾝ",    "ﾞ",    "👍",    "★",
      "🙂",   " ",    "  ",     "，",          "。",       "!",    "-",    "/",
      "'",      "’",    "\u3000", "..",          "「",       "」"};
  std::mt19937 random(14);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1), length(1, 12);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) text += pieces[pick(random)];
    INFO(text);
    REQUIRE(signal_units_folded_for_search(text) == search_units(text));
  }
  // Korean is the same kind of token everywhere: a CJK unit per syllable.
  const auto units = vouch::detail::word_units("사이즈 good");
  REQUIRE(units.size() == 4);
  CHECK(units[0].cjk);
  CHECK_FALSE(units[3].cjk);
  // The apostrophe rule: inside a word only between two letters/digits.
  CHECK(search_units("don't 'quoted' rock’n’roll o'") ==
        std::vector<std::string>{"don't", "quoted", "rock'n'roll", "o"});
}
