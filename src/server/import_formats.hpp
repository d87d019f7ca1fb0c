#pragma once
// The CSV formats of other review apps (FORMATS.md beside the shared data):
// which columns hold what, how each app writes dates, booleans and status
// words, and detection from the header row. Turning one CSV row into an
// ImportedRow is pure (no database), so it is tested row by row.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "import_dates.hpp"
#include "vouch/status.hpp"

namespace vouch::server {

// A review field and the CSV column(s) that may hold it, first non-empty wins.
struct ColumnRule {
  std::string field;  // product, rating, title, body, author, email, created, reply, reply_time,
                      // photos, verified, incentivized, status, recommends, kind, parent
  std::vector<std::string> columns;
  bool required = false;  // the COLUMN must exist in the header
};

struct FormatSpec {
  std::string name;    // judgeme, shopify, okendo, loox, loox-export, yotpo, woocommerce,
                       // powerreviews, mapped
  std::string source;  // provenance written to the review: "import:judge.me"
  SlashOrder slash_order = SlashOrder::MonthFirst;
  std::vector<ColumnRule> rules;
  bool match_case_insensitive = false;  // Yotpo, PowerReviews: human column titles
};

const std::vector<FormatSpec>& builtin_formats();
const FormatSpec* find_format(const std::string& name);

// The format whose signature columns are all in `header`, or nullptr.
const FormatSpec* detect_format(const std::vector<std::string>& header);

// A "mapped" spec from field=column pairs (for CSVs of no known app, like the
// Kaggle datasets). Unknown field names are an error.
Result<FormatSpec> mapped_format(const std::vector<std::pair<std::string, std::string>>& columns,
                                 const std::string& source_name, SlashOrder order);

struct ImportedRow {
  std::string product_id;  // "_store" for store reviews (no product)
  std::int64_t rating = 0;
  std::string title, body, author, email;
  std::int64_t created = 0;  // 0 = not given
  std::string reply;
  std::int64_t reply_time = 0;
  std::vector<std::string> photos;  // http(s) URLs
  bool source_verified = false;     // what the app said; never turned into VerifiedPurchase
  bool incentivized = false;
  int recommends = 0;  // 0 unset, 1 yes, 2 no
  std::string status = "published";
  std::string moderation_reason;
  std::vector<std::string> notes;  // things dropped while keeping the row (bad photo URLs)
};

// A row that cannot become a review: `ignored` for rows that are not reviews at
// all (a WooCommerce comment without a rating, a reply), else a failure.
struct RowProblem {
  std::string column;
  std::string reason;
  bool ignored = false;
};

// Column positions of a spec's fields in a concrete header.
class RowMapper {
 public:
  // Errors when a required column is missing (names it).
  static Result<RowMapper> create(const FormatSpec& spec, const std::vector<std::string>& header,
                                  const std::vector<std::pair<std::string, std::string>>& defaults);
  // The row, or what is wrong with it (column + reason).
  std::variant<ImportedRow, RowProblem> map(const std::vector<std::string>& fields,
                                            std::int64_t now) const;
  // The CSV column a validator field ("body") came from, for reports.
  std::string column_of(const std::string& field) const;
  const FormatSpec& spec() const { return spec_; }

 private:
  FormatSpec spec_;
  std::vector<std::pair<std::string, std::vector<std::pair<std::size_t, std::string>>>> positions_;
  std::vector<std::pair<std::string, std::string>> defaults_;
  // First non-empty value of `field` and the column it came from.
  std::pair<std::string, std::string> value(const std::vector<std::string>& fields,
                                            const std::string& field) const;
};

}  // namespace vouch::server
