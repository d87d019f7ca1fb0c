#include "vouch/csv.hpp"

#include <catch2/catch.hpp>

#include "shared_data.hpp"

using vouch::csv::read_all;

TEST_CASE("csv: quoted fields, doubled quotes, embedded line breaks, CRLF, BOM") {
  const auto rows = read_all(
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n");
  REQUIRE(rows.ok());
  REQUIRE(rows.value().size() == 3);
  CHECK(rows.value()[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK(rows.value()[1].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(rows.value()[1].line == 2);
  CHECK(rows.value()[2].line == 4);
  CHECK(rows.value()[2].fields == std::vector<std::string>{"", "", ""});
}

TEST_CASE("csv: malformed input is an error with a line number") {
  const auto unterminated = read_all("a,b\n\"open,field\n");
  REQUIRE_FALSE(unterminated.ok());
  CHECK(unterminated.error().to_string() == "line 2: quoted field never closed");
  const auto stray = read_all("a,b\"c\n");
  REQUIRE_FALSE(stray.ok());
  CHECK(stray.error().message == "quote inside an unquoted field");
  CHECK_FALSE(read_all("\"a\"b\n").ok());
}

TEST_CASE("csv: the real clothing-review dataset parses into 20,000 records of 11 fields") {
  VOUCH_SHARED_DATA_OR_SKIP(path, "reviews/en_womens_clothing_ecommerce_reviews.first20000.csv");
  const std::string text = vouch_test::read_file(path);
  const auto rows = read_all(text);
  REQUIRE(rows.ok());
  REQUIRE(rows.value().size() == 20001);  // header + records
  for (const auto& row : rows.value()) REQUIRE(row.fields.size() == 11);
}
