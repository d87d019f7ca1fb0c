#include "requests/request_settings.hpp"

#include <nlohmann/json.hpp>

#include "vouch/email.hpp"

namespace vouch::server::requests {

namespace {

using json = nlohmann::json;

Status read_int(const json& object, const char* key, int min, int max, int& out) {
  const auto it = object.find(key);
  if (it == object.end()) return Ok{};
  const std::string path = std::string("requests.") + key;
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  if (!it->is_number_integer()) return Error{path, "expected an integer " + range};
  const std::int64_t value = it->get<std::int64_t>();
  if (value < min || value > max) return Error{path, "expected an integer " + range};
  out = static_cast<int>(value);
  return Ok{};
}

}  // namespace

Status parse_request_settings(std::string_view json_text, RequestSettings& out) {
  const json object = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (object.is_discarded() || !object.is_object()) return Error{"requests", "expected an object"};
  static const char* const kKnown[] = {
      "enabled",         "delay_days",   "reminders", "reminder_after_days",
      "cap_per_30_days", "max_age_days", "link_days", "owner_email"};
  for (const auto& item : object.items()) {
    bool known = false;
    for (const char* name : kKnown) known = known || item.key() == name;
    if (!known)
      return Error{"requests." + item.key(),
                   "unknown member (expected enabled, delay_days, reminders, reminder_after_days, "
                   "cap_per_30_days, max_age_days, link_days, owner_email)"};
  }
  if (const auto it = object.find("enabled"); it != object.end()) {
    if (!it->is_boolean()) return Error{"requests.enabled", "expected true or false"};
    out.enabled = it->get<bool>();
  }
  for (Status s : {read_int(object, "delay_days", 0, 365, out.delay_days),
                   read_int(object, "reminders", 0, 3, out.reminders),
                   read_int(object, "reminder_after_days", 1, 365, out.reminder_after_days),
                   read_int(object, "cap_per_30_days", 1, 20, out.cap_per_30_days),
                   read_int(object, "max_age_days", 1, 730, out.max_age_days),
                   read_int(object, "link_days", 1, 365, out.link_days)}) {
    if (!s) return s;
  }
  if (const auto it = object.find("owner_email"); it != object.end()) {
    if (!it->is_string() || !is_valid_email(it->get_ref<const std::string&>()))
      return Error{"requests.owner_email",
                   "expected an e-mail address (the test-send's recipient)"};
    out.owner_email = it->get<std::string>();
  }
  return Ok{};
}

}  // namespace vouch::server::requests
