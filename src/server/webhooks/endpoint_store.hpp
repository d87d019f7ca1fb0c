#pragma once
// Webhook endpoints (console or config) and their delivery log. Config
// endpoints are synced into the table at start (source 'config'; the console
// shows them read-only); console endpoints get a random secret, shown once.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db.hpp"
#include "vouch/status.hpp"
#include "webhooks/webhook_settings.hpp"

namespace vouch::server::webhooks {

struct Endpoint {
  std::int64_t id = 0;
  std::string url;
  std::string secret;
  std::vector<std::string> events;
  bool personal_data = false;
  std::string description;
  std::string source;  // console | config
  bool active = true;
  std::int64_t created_at = 0;
  std::string created_by;
};

struct EndpointInput {
  std::string url;
  std::vector<std::string> events;
  bool personal_data = false;
  std::string description;
};

// Checks url, events and description (Invalid errors name the field).
Status check_endpoint_input(const EndpointInput& input);

// Upserts each configured endpoint by URL; config rows no longer in the file
// are made inactive (their log stays). The caller is the server's start.
Status sync_config_endpoints(Database& db, const std::vector<ConfiguredEndpoint>& endpoints,
                             std::int64_t now);

Result<Endpoint> create_endpoint(Database& db, const EndpointInput& input, const std::string& actor,
                                 std::int64_t now);
Result<std::vector<Endpoint>> list_endpoints(Database& db);
Result<std::optional<Endpoint>> find_endpoint(Database& db, std::int64_t id);
// Console endpoints only (Conflict for config ones): events, personal data,
// description, active.
Result<Endpoint> update_endpoint(Database& db, std::int64_t id, const EndpointInput& input,
                                 bool active);
Status delete_endpoint(Database& db, std::int64_t id);

struct Attempt {
  std::int64_t time = 0;
  int status = 0;
  std::int64_t duration_ms = 0;
  std::string error;
};

struct Delivery {
  std::int64_t id = 0;
  std::int64_t endpoint_id = 0;
  std::int64_t sequence = 0;
  std::string event_id;
  std::string type;
  std::string state;
  std::int64_t attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::string last_error;
  std::optional<std::int64_t> delivered_at;
  std::int64_t created_at = 0;
  std::vector<Attempt> log;
};

// Newest first; endpoint 0 = all; before_id 0 = from the newest.
Result<std::vector<Delivery>> list_deliveries(Database& db, std::int64_t endpoint_id,
                                              std::int64_t before_id, std::int64_t limit);
// failed -> queued now, attempts kept (the log keeps every attempt).
Status redeliver(Database& db, std::int64_t delivery_id, std::int64_t now);

// The endpoints' or the deliveries' tables failed: a Storage error under "webhooks".
Error storage_error(const std::string& message);

}  // namespace vouch::server::webhooks
