#include "inbox/console_item.hpp"

#include <cstdio>
#include <mutex>

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

Status ensure_inbox_row(Database& db, std::string_view review_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT OR IGNORE INTO inbox_items (review_id, arrived_at) "
                   "SELECT id, created FROM reviews WHERE id = ?1");
  insert.bind(1, review_id);
  return insert.run();
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

json console_item_json(const ConsoleItem& item) {
  auto time_or_null = [](const std::optional<std::int64_t>& t) -> json {
    return t ? json(format_utc(*t)) : json(nullptr);
  };
  json follow_up = nullptr;
  if (item.follow_up_at || !item.follow_up_outcome.empty()) {
    follow_up = {
        {"due_at", time_or_null(item.follow_up_at)},
        {"outcome", item.follow_up_outcome.empty() ? json(nullptr) : json(item.follow_up_outcome)},
        {"at", time_or_null(item.followed_up_at)},
        {"by", item.followed_up_by}};
  }
  return {{"id", item.review_id},
          {"state", item.state},
          {"resolved_at", time_or_null(item.resolved_at)},
          {"follow_up", follow_up}};
}

}  // namespace vouch::server::inbox
