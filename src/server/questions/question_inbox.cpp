#include "questions/question_inbox.hpp"

#include <mutex>

#include "audit_log.hpp"
#include "inbox/inbox_fold.hpp"
#include "inbox/inbox_store.hpp"
#include "inbox/item_history.hpp"
#include "questions/question_json.hpp"
#include "vouch/response_clock.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::questions {

namespace {

std::string search_text(const StoredQuestion& q) {
  return inbox::search_fold(q.text + "\n" + q.author + "\n" + q.product_id);
}

}  // namespace

std::int64_t question_due_time(const inbox::InboxSettings& settings, std::int64_t arrived) {
  clock::ClockItem item;
  item.kind = clock::ItemKind::Question;
  item.arrived_at = arrived;
  const std::int64_t target = clock::target_for(item, settings.clock.targets);
  Result<clock::UnixSeconds> due =
      clock::add_business_time(arrived, target, settings.clock.calendar, *settings.zone);
  return due ? due.value() : arrived + target;  // a never-open calendar: plain time
}

Status add_question_item(Database& db, const inbox::InboxSettings& settings,
                         const StoredQuestion& q) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO inbox_items (review_id, kind, state, priority, spam_risk, "
                   "arrived_at, due_at, search_text, rating, status, product_id) "
                   "VALUES (?1, 'question', 'unread', 1, ?2, ?3, ?4, ?5, 0, ?6, ?7)");
  insert.bind(1, q.id)
      .bind_int(2, q.flags.empty() ? 0 : 2)  // a flagged question: medium spam risk
      .bind(3, q.created)
      .bind(4, question_due_time(settings, q.created))
      .bind(5, search_text(q))
      .bind(6, q.status)
      .bind(7, q.product_id);
  return insert.run();
}

Status refresh_question_search(Database& db, const StoredQuestion& q) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(),
                   "UPDATE inbox_items SET search_text = ?2 WHERE review_id = ?1 AND kind = "
                   "'question'");
  update.bind(1, q.id).bind(2, search_text(q));
  return update.run();
}

Result<std::string> item_kind(Database& db, const std::string& id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), "SELECT kind FROM inbox_items WHERE review_id = ?1");
  query.bind(1, id);
  if (query.step()) return query.text(0);
  if (query.failed()) return Error{"inbox_items", query.error_message(), ErrorKind::Storage};
  return std::string();
}

namespace {

app::Problem inbox_storage(const Error& error) {
  return app::storage_failure("question inbox", error);
}

json time_or_null(const std::optional<std::int64_t>& t) {
  return t ? json(format_utc(*t)) : json(nullptr);
}

}  // namespace

bool is_question_item(App& app, const std::string& id) {
  if (!is_valid_id(id)) return false;
  Result<std::string> kind = item_kind(*app.db, id);
  return kind && kind.value() == "question";
}

app::Outcome<json> question_item_json(App& app, const std::string& id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<StoredQuestion>> q = find_question(*app.db, id);
  if (!q) return inbox_storage(q.error());
  Result<std::optional<inbox::InboxRow>> row = inbox::find_item(*app.db, id);
  if (!row) return inbox_storage(row.error());
  if (!q.value() || !row.value())
    return app::problem(app::Failure::NotFound, "not_found", "no such question");
  Result<std::vector<StoredAnswer>> answers = answers_of(*app.db, id, false);
  if (!answers) return inbox_storage(answers.error());
  Result<std::optional<std::string>> notify = asker_to_notify(*app.db, id);
  if (!notify) return inbox_storage(notify.error());
  const inbox::InboxRow& r = *row.value();
  const StoredQuestion& question = *q.value();
  const std::int64_t now = app.now();
  json out = admin_question_json(question, answers.value(), notify.value().has_value());
  // Same definition as the query's needs_response (inbox_query.cpp).
  const bool needs = !r.first_reply_at && !r.no_reply_at && r.state != "resolved" &&
                     r.state != "followed_up" && question.status != "rejected" &&
                     question.status != "hidden";
  const char* clock_state =
      r.first_reply_at  ? (*r.first_reply_at <= r.due_at ? "answered_in_time" : "answered_late")
      : r.no_reply_at   ? "stopped"
      : r.due_at <= now ? "overdue"
                        : "running";
  clock::ClockItem item;
  item.kind = clock::ItemKind::Question;
  out["body"] = question.text;  // the list's excerpt, as a review's body
  out["title"] = "";
  out["rating"] = nullptr;
  out["tags"] = r.tags;
  out["priority"] = inbox::kPriorityNames[r.priority & 3];
  out["spam_risk"] = inbox::kSpamNames[r.spam_risk & 3];
  out["due_at"] = r.due_at > 0 ? json(format_utc(r.due_at)) : json(nullptr);
  out["overdue"] = needs && r.due_at > 0 && r.due_at <= now;
  out["clock"] = {{"state", clock_state},
                  {"target_hours", clock::target_for(item, app.inbox->clock.targets) / 3600}};
  out["assignee"] = r.assignee;
  out["state"] = r.state;
  out["starred"] = r.starred;
  json reply = nullptr;
  for (const StoredAnswer& a : answers.value())
    if (a.status == "published" && reply.is_null())
      reply = {{"text", a.text}, {"time", format_utc(a.created)}, {"by", r.first_reply_by}};
  out["reply"] = reply;
  out["no_reply"] = r.no_reply_at
                        ? json({{"reason", r.no_reply_reason}, {"at", format_utc(*r.no_reply_at)}})
                        : json(nullptr);
  out["resolved_at"] = time_or_null(r.resolved_at);
  out["follow_up"] = nullptr;
  return out;
}

app::Outcome<json> open_question_item(App& app, const std::string& id, const Actor& actor) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<inbox::InboxRow>> row = inbox::find_item(*app.db, id);
  if (!row) return inbox_storage(row.error());
  if (!row.value()) return app::problem(app::Failure::NotFound, "not_found", "no such question");
  if (row.value()->state == "unread") {
    Transaction transaction(*app.db);
    Status status = inbox::set_state(*app.db, id, "open");
    if (status)
      status = append_audit(*app.db, app.now(), actor.name, "read", id, "", "unread -> open");
    if (status) status = transaction.commit();
    if (!status) return inbox_storage(status.error());
  }
  app::Outcome<json> item = question_item_json(app, id);
  if (!item) return item;
  app::Outcome<std::vector<inbox::HistoryEntry>> history = inbox::item_history_rows(app, id);
  if (!history) return history.problem();
  return json{{"item", item.value()},
              {"evidence", json::array()},
              {"history", inbox::history_json(history.value())}};
}

}  // namespace vouch::server::questions
