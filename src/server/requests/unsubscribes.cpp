#include "requests/unsubscribes.hpp"

#include <mutex>

#include "requests/request_links.hpp"

namespace vouch::server::requests {

std::optional<UnsubscribeTarget> unsubscribe_target(Database& db, std::string_view token,
                                                    std::string_view secret) {
  std::optional<std::int64_t> id = verify_unsubscribe(token, secret);
  const char* sql =
      "SELECT o.email_key, o.locale FROM review_requests r JOIN orders o ON o.order_id "
      "= r.order_id WHERE r.id = ?1";
  if (!id) {
    id = verify_invite_unsubscribe(token, secret);
    sql = "SELECT address_key, locale FROM question_invites WHERE id = ?1";
  }
  if (!id) return std::nullopt;
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement row(db.handle(), sql);
  row.bind(1, *id);
  // An erased address (forget_orders) leaves its order without one: nobody to unsubscribe.
  if (!row.step() || row.text(0).empty()) return std::nullopt;
  return UnsubscribeTarget{row.text(0), row.text(1)};
}

Status record_unsubscribe(Database& db, const std::string& email_key, std::int64_t now,
                          bool one_click) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(
      db.handle(),
      "INSERT OR IGNORE INTO unsubscribes (email_key, created_at, how) VALUES (?1, ?2, ?3)");
  insert.bind(1, email_key).bind(2, now).bind(3, one_click ? "one_click" : "page");
  return insert.run();
}

bool is_unsubscribed(Database& db, const std::string& key) {
  Statement query(db.handle(), "SELECT 1 FROM unsubscribes WHERE email_key = ?1");
  query.bind(1, key);
  return query.step();
}

}  // namespace vouch::server::requests
