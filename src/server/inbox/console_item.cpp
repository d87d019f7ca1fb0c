#include "inbox/console_item.hpp"

#include <cstdio>
#include <mutex>

#include "inbox/inbox_store.hpp"
#include "inbox/inbox_triage.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::inbox {

app::Problem storage_problem(const char* where, const Error& error) {
  std::fprintf(stderr, "%s: %s\n", where, error.to_string().c_str());
  return app::problem(app::Failure::Storage, "internal", "database error");
}

app::Outcome<StoredReview> load_review(App& app, std::string_view id) {
  if (!is_valid_id(id))
    return app::problem(app::Failure::Malformed, "invalid_id", "review id is malformed");
  Result<std::optional<StoredReview>> found = find_review(*app.db, id);
  if (!found) return storage_problem("inbox", found.error());
  if (!found.value()) return app::problem(app::Failure::NotFound, "not_found", "no such review");
  return *found.value();
}

Status ensure_inbox_row(App& app, const StoredReview& review) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<InboxRow>> row = find_item(*app.db, review.review.id);
  if (!row) return row.error();
  if (row.value()) return Ok{};
  // Rows are made at insert and by the start-up backfill; this covers a review
  // written behind the server's back since it started. Same triage as there.
  return add_inbox_item(*app.db, *app.inbox, triage_source(review));
}

Status ensure_inbox_row(App& app, std::string_view review_id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<StoredReview>> review = find_review(*app.db, review_id);
  if (!review) return review.error();
  if (!review.value()) return Ok{};  // nothing to make a row for: the caller's 404
  return ensure_inbox_row(app, *review.value());
}

Result<ConsoleItem> read_console_item(Database& db, std::string_view review_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  "SELECT state, arrived_at, resolved_at, follow_up_at, follow_up_outcome, "
                  "followed_up_at, followed_up_by FROM inbox_items WHERE review_id = ?1");
  query.bind(1, review_id);
  if (!query.step()) {
    if (query.failed()) return Error{"inbox_items", query.error_message(), ErrorKind::Storage};
    return Error{"inbox_items", "no inbox row", ErrorKind::NotFound};
  }
  ConsoleItem item;
  item.review_id = std::string(review_id);
  item.state = query.text(0);
  item.arrived_at = query.integer(1);
  if (!query.is_null(2)) item.resolved_at = query.integer(2);
  if (!query.is_null(3)) item.follow_up_at = query.integer(3);
  item.follow_up_outcome = query.is_null(4) ? "" : query.text(4);
  if (!query.is_null(5)) item.followed_up_at = query.integer(5);
  item.followed_up_by = query.text(6);
  return item;
}

}  // namespace vouch::server::inbox
