#include "outbox/outbox_store.hpp"

#include <mutex>

#include "outbox/request_event.hpp"
#include "webhooks/webhook_events.hpp"

namespace vouch::server::outbox {

namespace {

constexpr const char* kColumns =
    "id, message_id, kind, to_address, to_name, subject, text_body, html_body, list_unsubscribe, "
    "reference, state, attempts, next_attempt_at, last_error, created_at, last_attempt_at, "
    "sent_at, request_data";

MailRow row_from(const Statement& s) {
  MailRow row;
  row.id = s.integer(0);
  row.message_id = s.text(1);
  row.kind = s.text(2);
  row.to_address = s.text(3);
  row.to_name = s.text(4);
  row.subject = s.text(5);
  row.text_body = s.text(6);
  row.html_body = s.text(7);
  row.list_unsubscribe = s.text(8);
  row.reference = s.text(9);
  row.state = s.text(10);
  row.attempts = s.integer(11);
  row.next_attempt_at = s.integer(12);
  row.last_error = s.text(13);
  row.created_at = s.integer(14);
  if (!s.is_null(15)) row.last_attempt_at = s.integer(15);
  if (!s.is_null(16)) row.sent_at = s.integer(16);
  row.request_data = s.text(17);
  return row;
}

Error storage(const char* what, const std::string& message) {
  return Error{what, message, ErrorKind::Storage};
}

}  // namespace

std::int64_t backoff_seconds(std::int64_t attempts, std::int64_t base, std::int64_t max) {
  std::int64_t wait = base;
  for (std::int64_t i = 1; i < attempts && wait < max; ++i) wait *= 2;
  return wait < max ? wait : max;
}

Result<std::optional<MailRow>> claim_due_mail(Database& db, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Transaction transaction(db);
  if (!transaction.began()) return storage("outbox", db.last_error());
  Statement due(db.handle(), std::string("SELECT ") + kColumns +
                                 " FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?1 "
                                 "ORDER BY next_attempt_at, id LIMIT 1");
  due.bind(1, now);
  if (!due.step()) {
    if (due.failed()) return storage("outbox", due.error_message());
    return std::optional<MailRow>();
  }
  MailRow row = row_from(due);
  Statement claim(db.handle(),
                  "UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                  "last_attempt_at = ?2 WHERE id = ?1 AND state = 'queued'");
  claim.bind(1, row.id).bind(2, now);
  if (Status ran = claim.run(); !ran) return ran.error();
  if (Status committed = transaction.commit(); !committed) return committed.error();
  row.state = "sending";
  row.attempts += 1;
  row.last_attempt_at = now;
  return std::optional<MailRow>(row);
}

Result<std::int64_t> requeue_interrupted(Database& db, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement requeue(db.handle(),
                    "UPDATE outbox SET state = 'queued', next_attempt_at = ?1, "
                    "last_error = 'interrupted while sending (the server stopped); sent again "
                    "with the same Message-ID' WHERE state = 'sending'");
  requeue.bind(1, now);
  if (Status ran = requeue.run(); !ran) return ran.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

Status mark_sent(Database& db, const MailRow& row, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Transaction transaction(db);
  if (!transaction.began()) return storage("outbox", db.last_error());
  Statement sent(db.handle(),
                 "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = '' "
                 "WHERE id = ?1 AND state = 'sending'");
  sent.bind(1, row.id).bind(2, now);
  if (Status ran = sent.run(); !ran) return ran;
  // The one place request.sent is announced (CONTRACT): a review request or
  // reminder whose mail the relay accepted, in the same transaction.
  if (sqlite3_changes(db.handle()) == 1) {
    if (Status announced = announce_request_sent(db, row, now); !announced) return announced;
  }
  return transaction.commit();
}

Status mark_retry(Database& db, std::int64_t id, std::int64_t next_attempt_at,
                  const std::string& error) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement retry(db.handle(),
                  "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, last_error = ?3 "
                  "WHERE id = ?1 AND state = 'sending'");
  retry.bind(1, id).bind(2, next_attempt_at).bind(3, error.substr(0, 1000));
  return retry.run();
}

Status mark_failed(Database& db, std::int64_t id, const std::string& reason) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement failed(db.handle(),
                   "UPDATE outbox SET state = 'failed', last_error = ?2 "
                   "WHERE id = ?1 AND state = 'sending'");
  failed.bind(1, id).bind(2, reason.substr(0, 1000));
  return failed.run();
}

Result<OutboxCounts> count_mails(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement counts(db.handle(), "SELECT state, count(*) FROM outbox GROUP BY state");
  OutboxCounts out;
  while (counts.step()) {
    const std::string state = counts.text(0);
    const std::int64_t n = counts.integer(1);
    if (state == "queued") out.queued = n;
    if (state == "sending") out.sending = n;
    if (state == "sent") out.sent = n;
    if (state == "failed") out.failed = n;
  }
  if (counts.failed()) return storage("outbox", counts.error_message());
  return out;
}

Result<std::vector<MailRow>> list_mails(Database& db, const std::string& state,
                                        std::int64_t before_id, std::int64_t limit) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement rows(db.handle(), std::string("SELECT ") + kColumns +
                                  " FROM outbox WHERE (?1 = '' OR state = ?1) AND (?2 = 0 OR id < "
                                  "?2) ORDER BY id DESC LIMIT ?3");
  rows.bind(1, state).bind(2, before_id).bind(3, limit);
  std::vector<MailRow> out;
  while (rows.step()) out.push_back(row_from(rows));
  if (rows.failed()) return storage("outbox", rows.error_message());
  return out;
}

Result<std::optional<MailRow>> find_mail(Database& db, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement row(db.handle(), std::string("SELECT ") + kColumns + " FROM outbox WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) {
    if (row.failed()) return storage("outbox", row.error_message());
    return std::optional<MailRow>();
  }
  return std::optional<MailRow>(row_from(row));
}

Status retry_mail(Database& db, std::int64_t id, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Result<std::optional<MailRow>> found = find_mail(db, id);
  if (!found) return found.error();
  if (!found.value()) return Error{"id", "no such mail", ErrorKind::NotFound};
  if (found.value()->state != "failed")
    return Error{"state",
                 "only a failed mail can be retried (this one is " + found.value()->state + ")",
                 ErrorKind::Conflict};
  Statement retry(db.handle(),
                  "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = ?2 "
                  "WHERE id = ?1 AND state = 'failed'");
  retry.bind(1, id).bind(2, now);
  return retry.run();
}

}  // namespace vouch::server::outbox
