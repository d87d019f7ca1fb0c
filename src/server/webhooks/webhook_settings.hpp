#pragma once
// The "webhooks" member of the config: endpoints declared in the file (the
// console can add more) and the delivery worker's timing (docs/webhooks.md).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/status.hpp"

namespace vouch::server::webhooks {

// The event types of version 1, in the order the docs list them.
const std::vector<std::string>& event_types();
bool is_event_type(std::string_view type);

struct ConfiguredEndpoint {
  std::string url;
  std::string secret;  // from secret_file (or "secret")
  std::vector<std::string> events;
  bool personal_data = false;  // opt-in: e-mail addresses in the payload
  std::string description;
};

struct WebhookSettings {
  std::vector<ConfiguredEndpoint> endpoints;
  std::int64_t timeout_seconds = 10;  // one delivery attempt, connect + answer
  std::int64_t retry_hours = 24;      // an event is retried this long, then failed
  std::int64_t retry_base_seconds = 30;
  std::int64_t retry_max_seconds = 3600;
};

// An endpoint URL: http(s)://host[:port]/path, no credentials or fragment.
Status check_endpoint_url(std::string_view url, const std::string& where);
// 1..n known event types, no duplicates.
Status check_events(const std::vector<std::string>& events, const std::string& where);

Result<WebhookSettings> parse_webhook_settings(const nlohmann::json& value,
                                               const std::string& base_dir);

}  // namespace vouch::server::webhooks
