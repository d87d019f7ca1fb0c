#pragma once
// Importing reviews exported by other review apps (the formats in
// ../shared/data/review_app_formats/FORMATS.md, docs/import.md): the format is
// detected from the header row, every row is mapped to a review and checked by
// the core's validator in import mode, and the whole file goes in as one
// transaction (or row by row with `partial`).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app.hpp"

namespace vouch::server {

struct ImportOptions {
  std::string format = "auto";  // auto, judgeme, shopify, okendo, loox, loox-export, yotpo,
                                // woocommerce, powerreviews, mapped, vouch-json
  bool partial = false;         // keep the good rows when some fail
  std::string actor = "cli";    // for the audit log
  // For format "mapped": review field -> CSV column (product_id, rating, title,
  // body, author, email, created, reply, photos, verified, incentivized, status),
  // and constant values for fields the file lacks (e.g. author=Anonymous).
  std::vector<std::pair<std::string, std::string>> columns;
  std::vector<std::pair<std::string, std::string>> defaults;
  // Product ids renamed after mapping (FROM -> TO): apps key reviews by numeric
  // id or handle while the store's widget may use another id.
  std::vector<std::pair<std::string, std::string>> product_aliases;
  std::string source_name;  // provenance for "mapped" ("import:<name>"), default "csv"
  // Called every ~1% of rows (row, total) for a terminal progress bar.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct ImportIssue {
  std::size_t row = 0;  // 1-based line in the file where the record starts
  std::string column;   // CSV column name ("" for the whole row)
  std::string reason;
};

struct ImportReport {
  std::string format;  // the format used (detected or given)
  std::size_t rows = 0;
  std::size_t imported = 0;  // stored (published, pending, ... as below)
  std::size_t skipped = 0;
  // Why rows were skipped: "not_a_review" (a comment, a reply), "unreadable"
  // (a rating, date or value that cannot be read), a validator code
  // ("required" for a review without text), "duplicate_id", "breaks_rules",
  // "database".
  std::map<std::string, std::size_t> skipped_by_reason;
  // Imported rows the source published that a shopper's review would not have
  // been (a link, a name like the store's, ...): stored as pending with their
  // flags for a moderator; counted per flag code.
  std::size_t held = 0;
  std::map<std::string, std::size_t> held_by_flag;
  std::size_t skipped_by_reason_total() const {
    std::size_t total = 0;
    for (const auto& [reason, count] : skipped_by_reason) total += count;
    return total;
  }
  bool committed = false;  // false: nothing was written (errors without --partial)
  std::vector<ImportIssue> issues;
};

// Errors for problems with the file as a whole (unknown format, missing
// required column, broken CSV); row problems go into the report.
Result<ImportReport> import_reviews(App& app, std::string_view bytes, const ImportOptions& options);

// The formats import_reviews understands, for help texts.
std::vector<std::string> import_format_names();

}  // namespace vouch::server
