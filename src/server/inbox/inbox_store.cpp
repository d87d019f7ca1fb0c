#include "inbox/inbox_store.hpp"

#include <functional>

namespace vouch::server::inbox {

namespace {

std::optional<std::int64_t> optional_integer(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

// Runs an UPDATE of one item; NotFound when no row changed.
Status update_one(Database& db, const char* sql, std::string_view id,
                  const std::function<void(Statement&)>& bind) {
  Statement update(db.handle(), sql);
  update.bind(1, id);
  bind(update);
  if (Status s = update.run(); !s) return s;
  if (sqlite3_changes(db.handle()) == 0)
    return Error{"inbox", "no inbox item for this review", ErrorKind::NotFound};
  return Ok{};
}

}  // namespace

std::optional<int> priority_from_name(std::string_view name) {
  for (int i = 0; i < 4; ++i)
    if (name == kPriorityNames[i]) return i;
  return std::nullopt;
}

Result<std::optional<InboxRow>> find_item(Database& db, std::string_view review_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement read(db.handle(),
                 "SELECT review_id, state, starred, assignee, priority, priority_corrected, "
                 "tags_corrected, spam_risk, arrived_at, due_at, first_reply_at, first_reply_by, "
                 "no_reply_at, no_reply_reason, resolved_at, follow_up_at, "
                 "coalesce(follow_up_outcome, ''), followed_up_at, followed_up_by, kind, "
                 "product_id FROM inbox_items WHERE review_id = ?1");
  read.bind(1, review_id);
  if (!read.step()) {
    if (read.failed()) return sql_error("inbox_items", read);
    return std::optional<InboxRow>();
  }
  InboxRow row;
  row.review_id = read.text(0);
  row.state = read.text(1);
  row.starred = read.integer(2) != 0;
  row.assignee = read.text(3);
  row.priority = static_cast<int>(read.integer(4));
  row.priority_corrected = read.integer(5) != 0;
  row.tags_corrected = read.integer(6) != 0;
  row.spam_risk = static_cast<int>(read.integer(7));
  row.arrived_at = read.integer(8);
  row.due_at = read.integer(9);
  row.first_reply_at = optional_integer(read, 10);
  row.first_reply_by = read.text(11);
  row.no_reply_at = optional_integer(read, 12);
  row.no_reply_reason = read.text(13);
  row.resolved_at = optional_integer(read, 14);
  row.follow_up_at = optional_integer(read, 15);
  row.follow_up_outcome = read.text(16);
  row.followed_up_at = optional_integer(read, 17);
  row.followed_up_by = read.text(18);
  row.kind = read.text(19);
  row.product_id = read.text(20);
  Statement tags(db.handle(), "SELECT tag FROM inbox_tags WHERE review_id = ?1 ORDER BY tag");
  tags.bind(1, review_id);
  while (tags.step()) row.tags.push_back(tags.text(0));
  if (tags.failed()) return sql_error("inbox_tags", tags);
  return std::optional<InboxRow>(std::move(row));
}

Result<std::vector<InboxEvent>> item_events(Database& db, std::string_view review_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement read(db.handle(),
                 "SELECT time, actor, kind, text FROM inbox_events WHERE review_id = ?1 "
                 "ORDER BY time, id");
  read.bind(1, review_id);
  std::vector<InboxEvent> events;
  while (read.step()) events.push_back({read.integer(0), read.text(1), read.text(2), read.text(3)});
  if (read.failed()) return sql_error("inbox_events", read);
  return events;
}

Status set_state(Database& db, std::string_view id, std::string_view state) {
  return update_one(db, "UPDATE inbox_items SET state = ?2 WHERE review_id = ?1", id,
                    [&](Statement& s) { s.bind(2, state); });
}

Status set_starred(Database& db, std::string_view id, bool starred) {
  return update_one(db, "UPDATE inbox_items SET starred = ?2 WHERE review_id = ?1", id,
                    [&](Statement& s) { s.bind_int(2, starred ? 1 : 0); });
}

Status set_assignee(Database& db, std::string_view id, std::string_view assignee) {
  return update_one(db, "UPDATE inbox_items SET assignee = ?2 WHERE review_id = ?1", id,
                    [&](Statement& s) { s.bind(2, assignee); });
}

Status set_priority_corrected(Database& db, std::string_view id, int priority) {
  return update_one(
      db, "UPDATE inbox_items SET priority = ?2, priority_corrected = 1 WHERE review_id = ?1", id,
      [&](Statement& s) { s.bind_int(2, priority); });
}

Status set_tags_corrected(Database& db, std::string_view id, const std::vector<std::string>& tags) {
  Status marked = update_one(db, "UPDATE inbox_items SET tags_corrected = 1 WHERE review_id = ?1",
                             id, [](Statement&) {});
  if (!marked) return marked;
  Statement clear(db.handle(), "DELETE FROM inbox_tags WHERE review_id = ?1");
  clear.bind(1, id);
  if (Status s = clear.run(); !s) return s;
  for (const std::string& tag : tags)
    if (Status s = add_tag(db, id, tag); !s) return s;
  return Ok{};
}

Status add_tag(Database& db, std::string_view id, std::string_view tag) {
  Statement add(db.handle(), "INSERT OR IGNORE INTO inbox_tags (review_id, tag) VALUES (?1, ?2)");
  add.bind(1, id).bind(2, tag);
  if (Status s = add.run(); !s) return s;
  return update_one(db, "UPDATE inbox_items SET tags_corrected = 1 WHERE review_id = ?1", id,
                    [](Statement&) {});
}

Status remove_tag(Database& db, std::string_view id, std::string_view tag) {
  Statement drop(db.handle(), "DELETE FROM inbox_tags WHERE review_id = ?1 AND tag = ?2");
  drop.bind(1, id).bind(2, tag);
  if (Status s = drop.run(); !s) return s;
  return update_one(db, "UPDATE inbox_items SET tags_corrected = 1 WHERE review_id = ?1", id,
                    [](Statement&) {});
}

Status set_no_reply(Database& db, std::string_view id, std::string_view reason, std::int64_t now) {
  if (reason.empty())
    return update_one(
        db, "UPDATE inbox_items SET no_reply_at = NULL, no_reply_reason = '' WHERE review_id = ?1",
        id, [](Statement&) {});
  return update_one(
      db, "UPDATE inbox_items SET no_reply_at = ?2, no_reply_reason = ?3 WHERE review_id = ?1", id,
      [&](Statement& s) { s.bind(2, now).bind(3, reason); });
}

Status record_reply(Database& db, std::string_view id, std::string_view actor,
                    std::string_view text, std::int64_t now) {
  if (text.empty()) return Ok{};  // removing a reply is not an answer
  // Every right-hand side reads the row as it was, so first_reply_by is only
  // set together with first_reply_at.
  Statement update(db.handle(),
                   "UPDATE inbox_items SET "
                   "first_reply_by = CASE WHEN first_reply_at IS NULL THEN ?3 "
                   "ELSE first_reply_by END, "
                   "first_reply_at = coalesce(first_reply_at, ?2), "
                   "state = CASE WHEN state IN ('resolved', 'followed_up') THEN state "
                   "ELSE 'replied' END WHERE review_id = ?1");
  update.bind(1, id).bind(2, now).bind(3, actor);
  if (Status s = update.run(); !s) return s;
  if (sqlite3_changes(db.handle()) == 0) return Ok{};
  Statement event(db.handle(),
                  "INSERT INTO inbox_events (review_id, time, actor, kind, text) "
                  "VALUES (?1, ?2, ?3, 'reply', ?4)");
  event.bind(1, id).bind(2, now).bind(3, actor).bind(4, text);
  return event.run();
}

Result<bool> user_exists(Database& db, std::string_view name) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement read(db.handle(), "SELECT 1 FROM users WHERE name = ?1");
  read.bind(1, name);
  if (read.step()) return true;
  if (read.failed()) return sql_error("users", read);
  return false;
}

}  // namespace vouch::server::inbox
