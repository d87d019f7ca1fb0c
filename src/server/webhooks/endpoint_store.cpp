#include "webhooks/endpoint_store.hpp"

#include <mutex>

#include "crypto.hpp"
#include "http_util.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::webhooks {

namespace {

constexpr const char* kColumns =
    "id, url, secret, events, personal_data, description, source, active, created_at, "
    "created_by";

std::string events_column(const std::vector<std::string>& events) {
  std::string out = ",";
  for (const std::string& type : events) out += type + ",";
  return out;
}

Endpoint endpoint_from(const Statement& s) {
  Endpoint e;
  e.id = s.integer(0);
  e.url = s.text(1);
  e.secret = s.text(2);
  e.events = split_list(s.text(3));
  e.personal_data = s.integer(4) != 0;
  e.description = s.text(5);
  e.source = s.text(6);
  e.active = s.integer(7) != 0;
  e.created_at = s.integer(8);
  e.created_by = s.text(9);
  return e;
}

}  // namespace

Error storage_error(const std::string& message) {
  return Error{"webhooks", message, ErrorKind::Storage};
}

Status check_endpoint_input(const EndpointInput& input) {
  if (Status s = check_endpoint_url(input.url, "url"); !s) return s;
  if (Status s = check_events(input.events, "events"); !s) return s;
  if (input.description.size() > 200 || !utf8::is_valid(input.description) ||
      input.description.find_first_of("\r\n") != std::string::npos)
    return Error{"description", "expected one line of at most 200 bytes"};
  return Ok{};
}

Status sync_config_endpoints(Database& db, const std::vector<ConfiguredEndpoint>& endpoints,
                             std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Transaction transaction(db);
  if (!transaction.began()) return storage_error(db.last_error());
  if (Status off = db.exec("UPDATE webhook_endpoints SET active = 0 WHERE source = 'config'"); !off)
    return off;
  for (const ConfiguredEndpoint& e : endpoints) {
    Statement existing(db.handle(),
                       "SELECT id FROM webhook_endpoints WHERE source = 'config' AND url = ?1 "
                       "ORDER BY id LIMIT 1");
    existing.bind(1, e.url);
    const bool found = existing.step();
    const std::int64_t id = found ? existing.integer(0) : 0;
    Statement write(db.handle(),
                    found ? "UPDATE webhook_endpoints SET secret = ?2, events = ?3, "
                            "personal_data = ?4, description = ?5, active = 1 WHERE id = ?1"
                          : "INSERT INTO webhook_endpoints (url, secret, events, personal_data, "
                            "description, source, active, created_at, created_by) "
                            "VALUES (?6, ?2, ?3, ?4, ?5, 'config', 1, ?7, 'config')");
    write.bind(1, id)
        .bind(2, e.secret)
        .bind(3, events_column(e.events))
        .bind_int(4, e.personal_data ? 1 : 0)
        .bind(5, e.description)
        .bind(6, e.url)
        .bind(7, now);
    if (Status ran = write.run(); !ran) return ran;
  }
  return transaction.commit();
}

Result<Endpoint> create_endpoint(Database& db, const EndpointInput& input, const std::string& actor,
                                 std::int64_t now) {
  if (Status checked = check_endpoint_input(input); !checked) return checked.error();
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO webhook_endpoints (url, secret, events, personal_data, "
                   "description, source, active, created_at, created_by) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, 'console', 1, ?6, ?7)");
  insert.bind(1, input.url)
      .bind(2, "whsec_" + random_hex(24))
      .bind(3, events_column(input.events))
      .bind_int(4, input.personal_data ? 1 : 0)
      .bind(5, input.description)
      .bind(6, now)
      .bind(7, actor);
  if (Status ran = insert.run(); !ran) return ran.error();
  Result<std::optional<Endpoint>> made =
      find_endpoint(db, static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle())));
  if (!made) return made.error();
  if (!made.value()) return storage_error("the new endpoint vanished");
  return *made.value();
}

Result<std::vector<Endpoint>> list_endpoints(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement rows(db.handle(),
                 std::string("SELECT ") + kColumns + " FROM webhook_endpoints ORDER BY id");
  std::vector<Endpoint> out;
  while (rows.step()) out.push_back(endpoint_from(rows));
  if (rows.failed()) return storage_error(rows.error_message());
  return out;
}

Result<std::optional<Endpoint>> find_endpoint(Database& db, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement row(db.handle(),
                std::string("SELECT ") + kColumns + " FROM webhook_endpoints WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) {
    if (row.failed()) return storage_error(row.error_message());
    return std::optional<Endpoint>();
  }
  return std::optional<Endpoint>(endpoint_from(row));
}

Result<Endpoint> update_endpoint(Database& db, std::int64_t id, const EndpointInput& input,
                                 bool active) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Result<std::optional<Endpoint>> found = find_endpoint(db, id);
  if (!found) return found.error();
  if (!found.value()) return Error{"id", "no such endpoint", ErrorKind::NotFound};
  if (found.value()->source == "config")
    return Error{"id", "this endpoint is set in the config file; change it there",
                 ErrorKind::Conflict};
  if (Status checked = check_endpoint_input(input); !checked) return checked.error();
  Statement update(db.handle(),
                   "UPDATE webhook_endpoints SET url = ?2, events = ?3, personal_data = ?4, "
                   "description = ?5, active = ?6 WHERE id = ?1");
  update.bind(1, id)
      .bind(2, input.url)
      .bind(3, events_column(input.events))
      .bind_int(4, input.personal_data ? 1 : 0)
      .bind(5, input.description)
      .bind_int(6, active ? 1 : 0);
  if (Status ran = update.run(); !ran) return ran.error();
  Result<std::optional<Endpoint>> after = find_endpoint(db, id);
  if (!after) return after.error();
  return *after.value();
}

Status delete_endpoint(Database& db, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Result<std::optional<Endpoint>> found = find_endpoint(db, id);
  if (!found) return found.error();
  if (!found.value()) return Error{"id", "no such endpoint", ErrorKind::NotFound};
  if (found.value()->source == "config")
    return Error{"id", "this endpoint is set in the config file; remove it there",
                 ErrorKind::Conflict};
  Statement remove(db.handle(), "DELETE FROM webhook_endpoints WHERE id = ?1");
  remove.bind(1, id);
  return remove.run();
}

Result<std::vector<Delivery>> list_deliveries(Database& db, std::int64_t endpoint_id,
                                              std::int64_t before_id, std::int64_t limit) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement rows(db.handle(),
                 "SELECT d.id, d.endpoint_id, d.event_id, ev.event_id, ev.type, d.state, "
                 "d.attempts, d.next_attempt_at, d.last_error, d.delivered_at, ev.created_at "
                 "FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id "
                 "WHERE (?1 = 0 OR d.endpoint_id = ?1) AND (?2 = 0 OR d.id < ?2) "
                 "ORDER BY d.id DESC LIMIT ?3");
  rows.bind(1, endpoint_id).bind(2, before_id).bind(3, limit);
  std::vector<Delivery> out;
  while (rows.step()) {
    Delivery d;
    d.id = rows.integer(0);
    d.endpoint_id = rows.integer(1);
    d.sequence = rows.integer(2);
    d.event_id = rows.text(3);
    d.type = rows.text(4);
    d.state = rows.text(5);
    d.attempts = rows.integer(6);
    d.next_attempt_at = rows.integer(7);
    d.last_error = rows.text(8);
    if (!rows.is_null(9)) d.delivered_at = rows.integer(9);
    d.created_at = rows.integer(10);
    out.push_back(std::move(d));
  }
  if (rows.failed()) return storage_error(rows.error_message());
  Statement log(db.handle(),
                "SELECT time, status, duration_ms, error FROM webhook_attempts "
                "WHERE delivery_id = ?1 ORDER BY id");
  for (Delivery& d : out) {
    log.reset();
    log.bind(1, d.id);
    while (log.step())
      d.log.push_back(
          {log.integer(0), static_cast<int>(log.integer(1)), log.integer(2), log.text(3)});
    if (log.failed()) return storage_error(log.error_message());
  }
  return out;
}

Status redeliver(Database& db, std::int64_t delivery_id, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement state(db.handle(), "SELECT state FROM webhook_deliveries WHERE id = ?1");
  state.bind(1, delivery_id);
  if (!state.step()) {
    if (state.failed()) return storage_error(state.error_message());
    return Error{"id", "no such delivery", ErrorKind::NotFound};
  }
  if (state.text(0) != "failed")
    return Error{"state",
                 "only a failed delivery can be sent again (this one is " + state.text(0) + ")",
                 ErrorKind::Conflict};
  Statement retry(db.handle(),
                  "UPDATE webhook_deliveries SET state = 'queued', next_attempt_at = ?2 "
                  "WHERE id = ?1 AND state = 'failed'");
  retry.bind(1, delivery_id).bind(2, now);
  return retry.run();
}

}  // namespace vouch::server::webhooks
