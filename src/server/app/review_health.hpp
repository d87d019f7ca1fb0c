#pragma once
// Use cases over stored rows as a whole: the admin health report (which rows
// break the stored-review rules, which ones the read path left out) and the
// check of old rows when a database from an older version is migrated.

#include <cstddef>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "snapshot_cache.hpp"

namespace vouch::server::app {

struct RowViolation {
  std::string review_id;
  std::string product_id;
  std::string status;
  std::string problem;  // "language: expected a language tag ..."
};

struct ReviewHealth {
  std::size_t rows = 0;                     // stored rows scanned
  std::size_t violations = 0;               // rows that break check_stored_review
  std::vector<RowViolation> examples;       // the first kMaxExamples of them
  std::vector<SkippedRow> skipped_on_read;  // published rows left out of built snapshots
};
inline constexpr std::size_t kMaxExamples = 100;

Outcome<ReviewHealth> review_health(App& app);

struct OldRowsReport {
  std::size_t rows = 0;
  std::size_t repaired = 0;    // language tags normalised ("en_US" -> "en-US")
  std::size_t violations = 0;  // rows that still break the rules (left out of reads)
};

// Normalises what can be normalised without changing meaning (language tags)
// and counts the rest; logs a line to stderr when anything was found.
Result<OldRowsReport> check_old_rows(Database& db);

}  // namespace vouch::server::app
