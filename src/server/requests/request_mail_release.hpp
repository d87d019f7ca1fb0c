#pragma once
// Before outbox rows go (retention prunes them, an erasure forgets an
// address), the review requests that point at them keep what the orders list
// reports: a finished mail's state (sent / failed; "" for one never sent), and
// they let go of the id, since outbox ids are rowids a later mail may reuse.
// One statement for both callers (retention.cpp, app/moderate.cpp).

#include <cstdint>
#include <string>
#include <string_view>

#include "db.hpp"
#include "vouch/status.hpp"

namespace vouch::server::requests {

// `doomed_ids` is a SELECT of outbox ids with one parameter, ?1 = `value`.
// Returns how many requests were released. The caller holds the lock and the
// transaction that deletes the rows.
template <typename Value>
Result<std::int64_t> release_request_mails(Database& db, const std::string& doomed_ids,
                                           const Value& value) {
  Statement release(
      db.handle(),
      "UPDATE review_requests SET pruned_mail_state = COALESCE((SELECT o.state FROM outbox o "
      "WHERE o.id = review_requests.outbox_id AND o.state IN ('sent', 'failed')), ''), "
      "outbox_id = NULL WHERE outbox_id IN (" +
          doomed_ids + ")");
  release.bind(1, value);
  if (Status ran = release.run(); !ran) return ran.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

}  // namespace vouch::server::requests
