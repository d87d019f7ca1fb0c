#include "webhooks/webhook_events.hpp"

#include <mutex>

#include "crypto.hpp"

namespace vouch::server::webhooks {

Result<RecordedEvent> record_event(Database& db, std::string_view type, std::string_view data_json,
                                   std::int64_t now, std::string_view private_json) {
  if (type.empty()) return Error{"type", "an event needs a type"};
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  RecordedEvent event;
  event.event_id = "evt_" + random_hex(16);
  Statement insert(db.handle(),
                   "INSERT INTO webhook_events (event_id, type, data, private_data, created_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, event.event_id)
      .bind(2, type)
      .bind(3, data_json)
      .bind(4, private_json)
      .bind(5, now);
  Status ran = insert.run();
  if (!ran) return Error{"webhook_events", ran.error().message, ErrorKind::Storage};
  event.sequence = static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
  // Fan-out in the same transaction: one delivery per active endpoint that
  // chose this type, due now (the delivery worker, webhooks/delivery_worker,
  // takes it from there). Endpoints added later do not get older events.
  Statement fan_out(db.handle(),
                    "INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at) "
                    "SELECT ?1, id, ?2 FROM webhook_endpoints "
                    "WHERE active = 1 AND instr(events, ',' || ?3 || ',') > 0");
  fan_out.bind(1, event.sequence).bind(2, now).bind(3, type);
  if (Status fanned = fan_out.run(); !fanned)
    return Error{"webhook_deliveries", fanned.error().message, ErrorKind::Storage};
  return event;
}

}  // namespace vouch::server::webhooks
