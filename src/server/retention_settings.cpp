#include "retention_settings.hpp"

#include <string>

namespace vouch::server {

namespace {

constexpr std::int64_t kMaxDays = 3650;

Status read_days(const nlohmann::json &value, const char *key, std::int64_t &out) {
  const auto it = value.find(key);
  if (it == value.end()) return Ok{};
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > kMaxDays)
    return Error{std::string("retention.") + key, "expected a whole number of days 1..3650"};
  out = it->get<std::int64_t>();
  return Ok{};
}

}  // namespace

Result<RetentionSettings> parse_retention_settings(const nlohmann::json &value) {
  if (!value.is_object()) return Error{"retention", "expected an object"};
  for (const auto &item : value.items())
    if (item.key() != "outbox_days" && item.key() != "webhook_days")
      return Error{"retention." + item.key(),
                   "unknown member (expected outbox_days, webhook_days)"};
  RetentionSettings settings;
  if (Status s = read_days(value, "outbox_days", settings.outbox_days); !s) return s.error();
  if (Status s = read_days(value, "webhook_days", settings.webhook_days); !s) return s.error();
  return settings;
}

}  // namespace vouch::server
