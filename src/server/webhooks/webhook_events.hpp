#pragma once
// The webhook event log's front door: a change that webhooks may announce
// (review.created, review.published, review.replied, question.created,
// question.answered, request.sent) records one event row in the caller's
// transaction. The delivery worker (webhooks/ worker files) fans each event
// out to the endpoints subscribed to its type.

#include <cstdint>
#include <string>
#include <string_view>

#include "db.hpp"
#include "vouch/status.hpp"

namespace vouch::server::webhooks {

struct RecordedEvent {
  std::int64_t sequence = 0;  // the row id: increases with every event
  std::string event_id;       // "evt_" + 32 hex digits
};

// `data_json` is a JSON object that must not hold e-mail addresses;
// `private_json` (a JSON object, "{}" when none) is merged into data only for
// endpoints that opted in to personal data. The caller holds db.mutex().
Result<RecordedEvent> record_event(Database& db, std::string_view type, std::string_view data_json,
                                   std::int64_t now, std::string_view private_json = "{}");

// GDPR erasure: the private part of every event that names this address is
// emptied (deliveries not yet made then carry no address, even to endpoints
// that opted in). The caller holds the lock and a transaction.
Status forget_address(Database& db, std::string_view address);

}  // namespace vouch::server::webhooks
