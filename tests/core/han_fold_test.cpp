// The Han fold table as data (src/core/han_fold.hpp): the generated table
// decodes through the loader's own decoder, set_han_fold refuses hostile files
// with a typed error and keeps the table in force, and a table installed after
// a search index was built makes the next search rebuild it (index and query
// always fold alike).

#include "han_fold.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "search_fold_api.hpp"
#include "unicode_tables.hpp"
#include "vouch/query.hpp"
#include "vouch/text.hpp"

namespace {

namespace d = vouch::text::detail;

// The file form of a table (what scripts/lib/han-fold-data.mjs writes).
std::string file_of(const std::vector<std::pair<std::uint16_t, std::uint16_t>>& pairs) {
  std::string delta;
  std::string low;
  std::string high;
  std::uint32_t previous = 0;
  for (const auto& [from, to] : pairs) {
    const std::uint32_t step = from - previous;
    if (step < 255) {
      delta += static_cast<char>(step);
    } else {
      delta += static_cast<char>(255);
      delta += static_cast<char>(step & 0xFF);
      delta += static_cast<char>(step >> 8);
    }
    previous = from;
    const std::uint32_t diff = (to - from) & 0xFFFF;
    low += static_cast<char>(diff & 0xFF);
    high += static_cast<char>(diff >> 8);
  }
  std::string out = "VHF1";
  out += static_cast<char>(pairs.size() & 0xFF);
  out += static_cast<char>(pairs.size() >> 8);
  return out + delta + low + high;
}

// The generated table in its file form: restores the native state after a test.
std::string builtin_file() {
  std::string out = "VHF1";
  out += static_cast<char>(d::kHanFoldCount & 0xFF);
  out += static_cast<char>(d::kHanFoldCount >> 8);
  out.append(reinterpret_cast<const char*>(d::kHanFoldDelta), d::kHanFoldDeltaSize);
  out.append(reinterpret_cast<const char*>(d::kHanFoldDiffLow), d::kHanFoldCount);
  out.append(reinterpret_cast<const char*>(d::kHanFoldDiffHigh), d::kHanFoldCount);
  return out;
}

std::string refusal(const std::string& bytes) {
  const vouch::facade::StoreStatus status = vouch::facade::set_han_fold_bytes(bytes);
  REQUIRE_FALSE(status.ok);
  CHECK(status.code == "invalid_han_fold");
  return status.message;
}

}  // namespace

TEST_CASE("han fold: the generated table decodes and folds 質量 to 质量") {
  const d::HanFoldTable* table = d::builtin_han_fold();
  REQUIRE(table != nullptr);
  CHECK(table->count == d::kHanFoldCount);  // decoded without error
  CHECK(vouch::fold_for_search("質量") == "质量");
  CHECK(vouch::text::han_fold_available());
  // Its file form is accepted as is.
  REQUIRE(vouch::facade::set_han_fold_bytes(builtin_file()).ok);
  CHECK(vouch::fold_for_search("質量") == "质量");
}

TEST_CASE("han fold: hostile files get a typed error and change nothing") {
  const std::string good = file_of({{0x8CEA, 0x8D28}, {0x9AD4, 0x4F53}});  // 質->质, 體->体
  static d::HanFoldTable decoded;
  vouch::Error error;
  REQUIRE(d::decode_han_fold(good, decoded, error));
  CHECK(decoded.count == 2);
  const std::uint32_t generation = d::han_fold_generation();

  CHECK(refusal("").rfind("han_fold.magic", 0) == 0);
  CHECK(refusal("VHF2" + good.substr(4)).rfind("han_fold.magic", 0) == 0);
  CHECK(refusal(good.substr(0, good.size() - 1)).rfind("han_fold.size", 0) == 0);  // truncated
  CHECK(refusal(good + '\0').rfind("han_fold.size", 0) == 0);                      // padded
  CHECK(refusal(std::string("VHF1\0\0", 6)).rfind("han_fold.count", 0) == 0);
  std::string huge = good;
  huge[4] = '\xFF';
  huge[5] = '\xFF';
  CHECK(refusal(huge).rfind("han_fold.count", 0) == 0);
  // Unsorted: the same source twice, and a source that runs past U+FFFF.
  CHECK(refusal(file_of({{0x9AD4, 0x4F53}, {0x9AD4, 0x4F53}})).rfind("han_fold.pairs[1]", 0) == 0);
  CHECK(refusal(file_of({{0x9AD4, 0x4F53}, {0x8CEA, 0x8D28}})).rfind("han_fold.pairs[1]", 0) == 0);
  CHECK(refusal(file_of({{0x41, 0x42}})).rfind("han_fold.pairs[0]", 0) == 0);  // not Han
  // A target that is itself folded (not a fixed point), and a pair to itself.
  CHECK(refusal(file_of({{0x4E59, 0x7532}, {0x7532, 0x4E00}})).rfind("han_fold.pairs[0]", 0) == 0);
  CHECK(refusal(file_of({{0x7532, 0x7532}})).rfind("han_fold.pairs[0]", 0) == 0);

  CHECK(d::han_fold_generation() == generation);
  CHECK(vouch::fold_for_search("質量") == "质量");  // the table in force stays
}

TEST_CASE("han fold: a table installed after the index was built rebuilds it") {
  vouch::Review review;
  review.id = "r0";
  review.rating = 5;
  review.created = 1700000000;
  review.body = "甲等";  // 甲 (U+7532) is no Traditional character: the builtin keeps it
  auto built = vouch::Snapshot::build(vouch::Product{"p", "P", "", ""}, {review});
  REQUIRE(built.ok());
  const vouch::Snapshot& snapshot = built.value();
  auto hits = [&](const std::string& text) {
    vouch::Query q;
    q.text = text;
    auto result = vouch::run_query(snapshot, q);
    REQUIRE(result.ok());
    return result.value().page.size();
  };
  CHECK(hits("甲") == 1);
  CHECK(hits("乙") == 0);
  // A table that folds 甲 -> 乙 (U+4E59): the query "乙" now finds the review only
  // if its text was indexed again with the new table.
  REQUIRE(vouch::text::set_han_fold(file_of({{0x7532, 0x4E59}})).ok());
  CHECK(hits("乙") == 1);
  CHECK(hits("甲") == 1);
  CHECK(vouch::fold_for_search("質量") == "質量");                // this table has no 質
  REQUIRE(vouch::facade::set_han_fold_bytes(builtin_file()).ok);  // back to the native state
  CHECK(hits("乙") == 0);
  CHECK(vouch::fold_for_search("質量") == "质量");
}

TEST_CASE("han fold: a table installed during a stepped index build restarts the build") {
  vouch::Review review;
  review.id = "r0";
  review.rating = 5;
  review.created = 1700000000;
  review.body = "甲等";
  vouch::Review other = review;
  other.id = "r1";
  other.created += 1;
  other.body = "丙";
  auto built = vouch::Snapshot::build(vouch::Product{"p", "P", "", ""}, {review, other});
  REQUIRE(built.ok());
  const vouch::Snapshot& snapshot = built.value();
  auto hits = [&](const std::string& text) {
    vouch::Query q;
    q.text = text;
    auto result = vouch::run_query(snapshot, q);
    REQUIRE(result.ok());
    return result.value().page.size();
  };
  REQUIRE_FALSE(snapshot.prepare_search_step(1));  // r0's terms collected with the builtin table
  REQUIRE(vouch::text::set_han_fold(file_of({{0x7532, 0x4E59}})).ok());  // 甲 -> 乙
  int steps = 0;
  while (!snapshot.prepare_search_step(1)) REQUIRE(++steps < 10);
  CHECK(hits("乙") == 1);  // r0 folded again with the new table
  REQUIRE(vouch::facade::set_han_fold_bytes(builtin_file()).ok);  // back to the native state
  CHECK(hits("乙") == 0);
}
