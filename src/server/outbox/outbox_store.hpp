#pragma once
// The outbox rows' states after enqueue_mail (outbox.hpp): the worker claims
// a due row (queued -> sending), then records the outcome (sent, queued again
// with a later next_attempt_at, or failed with the reason). A row left
// 'sending' by a crash is queued again at start with the same Message-ID.
// The caller never holds the lock across a send: every function here takes
// db.mutex() for its own short transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db.hpp"
#include "vouch/status.hpp"

namespace vouch::server::outbox {

struct MailRow {
  std::int64_t id = 0;
  std::string message_id;
  std::string kind;
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string text_body;
  std::string html_body;
  std::string list_unsubscribe;
  std::string reference;
  std::string request_data;
  std::string state;
  std::int64_t attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::string last_error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_attempt_at;
  std::optional<std::int64_t> sent_at;
};

// The oldest due queued row, now 'sending' with one more attempt; nullopt
// when none is due.
Result<std::optional<MailRow>> claim_due_mail(Database& db, std::int64_t now);

// Rows a crash left 'sending' go back to 'queued', due now. Gives the count.
Result<std::int64_t> requeue_interrupted(Database& db, std::int64_t now);

// The outcome of one attempt on a claimed row. A 'sent' review request or
// reminder announces request.sent in the same transaction (request_event.hpp).
Status mark_sent(Database& db, const MailRow& row, std::int64_t now);
Status mark_retry(Database& db, std::int64_t id, std::int64_t next_attempt_at,
                  const std::string& error);
Status mark_failed(Database& db, std::int64_t id, const std::string& reason);

// Console: counts per state, a page of rows (newest first), one row, retry.
struct OutboxCounts {
  std::int64_t queued = 0, sending = 0, sent = 0, failed = 0;
};
Result<OutboxCounts> count_mails(Database& db);
// state '' = all; rows with id < before_id (0 = from the newest).
Result<std::vector<MailRow>> list_mails(Database& db, const std::string& state,
                                        std::int64_t before_id, std::int64_t limit);
Result<std::optional<MailRow>> find_mail(Database& db, std::int64_t id);
// failed -> queued, due now, attempts back to 0. NotFound / Conflict otherwise.
Status retry_mail(Database& db, std::int64_t id, std::int64_t now);

// temporary-failure wait after `attempts` attempts: base * 2^(attempts-1), at most max.
std::int64_t backoff_seconds(std::int64_t attempts, std::int64_t base, std::int64_t max);

}  // namespace vouch::server::outbox
