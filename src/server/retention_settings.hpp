#pragma once
// The config's "retention" member: how long finished rows are kept before the
// background pruner (retention.hpp) deletes them. Ranges 1..3650 days.

#include <cstdint>
#include <nlohmann/json.hpp>

#include "vouch/status.hpp"

namespace vouch::server {

struct RetentionSettings {
  std::int64_t outbox_days = 90;   // sent/failed mails, by their last attempt (1..3650)
  std::int64_t webhook_days = 90;  // finished events, by when they happened (1..3650)
};

// `value` is the config's "retention" object. Unknown members and values out
// of range are errors naming the member ("retention.outbox_days: ...").
Result<RetentionSettings> parse_retention_settings(const nlohmann::json &value);

}  // namespace vouch::server
