#include "outbox/outbox.hpp"

#include <mutex>

#include "crypto.hpp"

namespace vouch::server::outbox {

std::string make_message_id() {
  // 128 random bits; the right-hand side is a name this server owns for ids
  // only (RFC 5322 asks for uniqueness, not for a resolvable host).
  return random_hex(16) + "@vouch.outbox";
}

Result<std::int64_t> enqueue_mail(Database& db, const OutgoingMail& mail, std::int64_t now) {
  if (mail.to_address.empty()) return Error{"to_address", "a queued mail needs a recipient"};
  if (mail.text_body.empty()) return Error{"text_body", "a queued mail needs a plain-text part"};
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO outbox (message_id, kind, to_address, to_name, subject, text_body, "
                   "html_body, list_unsubscribe, reference, next_attempt_at, created_at, "
                   "request_data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  insert.bind(1, make_message_id())
      .bind(2, mail.kind)
      .bind(3, mail.to_address)
      .bind(4, mail.to_name)
      .bind(5, mail.subject)
      .bind(6, mail.text_body)
      .bind(7, mail.html_body)
      .bind(8, mail.list_unsubscribe_url)
      .bind(9, mail.reference)
      .bind(10, mail.not_before > now ? mail.not_before : now)
      .bind(11, now)
      .bind(12, mail.request_json);
  Status ran = insert.run();
  if (!ran) return Error{"outbox", ran.error().message, ErrorKind::Storage};
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

}  // namespace vouch::server::outbox
