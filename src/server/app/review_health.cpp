#include "app/review_health.hpp"

#include <cstdio>
#include <mutex>

#include "review_store.hpp"
#include "vouch/review_rules.hpp"

namespace vouch::server::app {

Outcome<ReviewHealth> review_health(App& app) {
  ReviewHealth health;
  Status scanned = for_each_review(*app.db, [&](const StoredReview& row) {
    ++health.rows;
    if (std::optional<Error> broken = check_stored_review(row)) {
      ++health.violations;
      if (health.examples.size() < kMaxExamples)
        health.examples.push_back(
            {row.review.id, row.review.product_id, row.status, broken->to_string()});
    }
  });
  if (!scanned) return problem_from(scanned.error(), "internal");
  health.skipped_on_read = app.snapshots.skipped_rows();
  return health;
}

Result<OldRowsReport> check_old_rows(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  OldRowsReport report;
  std::vector<std::pair<std::string, std::string>> repairs;  // id -> normalised language
  Status scanned = for_each_review(db, [&](const StoredReview& row) {
    ++report.rows;
    StoredReview fixed = row;
    if (std::optional<std::string> tag = normalize_language_tag(row.review.language);
        tag && *tag != row.review.language) {
      fixed.review.language = *tag;
      repairs.emplace_back(row.review.id, *tag);
    }
    if (std::optional<Error> broken = check_stored_review(fixed)) {
      ++report.violations;
      std::fprintf(stderr, "migration: review %s breaks the stored-review rules: %s\n",
                   row.review.id.c_str(), broken->to_string().c_str());
    }
  });
  if (!scanned) return scanned.error();
  Transaction transaction(db);
  for (const auto& [id, language] : repairs) {
    if (Status set = set_language(db, id, language); !set) return set.error();
  }
  if (Status committed = transaction.commit(); !committed) return committed.error();
  report.repaired = repairs.size();
  if (report.repaired || report.violations) {
    std::fprintf(stderr,
                 "migration: %zu stored reviews checked, %zu language tags normalised, %zu rows "
                 "break the rules (left out of snapshots; GET /api/v1/admin/health lists them)\n",
                 report.rows, report.repaired, report.violations);
  }
  return report;
}

}  // namespace vouch::server::app
