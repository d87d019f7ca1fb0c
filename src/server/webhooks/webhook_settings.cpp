#include "webhooks/webhook_settings.hpp"

#include <algorithm>
#include <set>

#include "config.hpp"
#include "vouch/url.hpp"

namespace vouch::server::webhooks {

using json = nlohmann::json;

const std::vector<std::string>& event_types() {
  static const std::vector<std::string> types = {"review.created",    "review.published",
                                                 "review.replied",    "question.created",
                                                 "question.answered", "request.sent"};
  return types;
}

bool is_event_type(std::string_view type) {
  const auto& types = event_types();
  return std::find(types.begin(), types.end(), type) != types.end();
}

Status check_endpoint_url(std::string_view url, const std::string& where) {
  const bool http = url.substr(0, 7) == "http://" || url.substr(0, 8) == "https://";
  const std::string_view rest =
      url.substr(url.find("//") == std::string_view::npos ? 0 : url.find("//") + 2);
  const std::string_view authority = rest.substr(0, rest.find('/'));
  if (!http || url.size() > 2000 || !vouch::url::is_http_url(url) || authority.empty() ||
      authority.find('@') != std::string_view::npos ||
      url.find_first_of("# \r\n\t\\") != std::string_view::npos)
    return Error{where,
                 "expected an http(s) URL such as https://hooks.shop.example/vouch (no user "
                 "name, password or fragment)"};
  return Ok{};
}

Status check_events(const std::vector<std::string>& events, const std::string& where) {
  std::string list;
  for (const std::string& type : event_types()) list += (list.empty() ? "" : ", ") + type;
  if (events.empty()) return Error{where, "expected at least one of " + list};
  std::set<std::string> seen;
  for (const std::string& type : events) {
    if (!is_event_type(type)) return Error{where, "unknown event \"" + type + "\"; known: " + list};
    if (!seen.insert(type).second) return Error{where, "\"" + type + "\" is listed twice"};
  }
  return Ok{};
}

namespace {

Status read_number(const json& object, const char* key, std::int64_t& out, std::int64_t min,
                   std::int64_t max) {
  const auto it = object.find(key);
  if (it == object.end()) return Ok{};
  if (!it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max)
    return Error{std::string("webhooks.") + key,
                 "expected an integer " + std::to_string(min) + ".." + std::to_string(max)};
  out = it->get<std::int64_t>();
  return Ok{};
}

Result<ConfiguredEndpoint> parse_endpoint(const json& value, const std::string& where,
                                          const std::string& base_dir) {
  if (!value.is_object()) return Error{where, "expected an object"};
  static const std::set<std::string> kKnown = {"url",    "secret",        "secret_file",
                                               "events", "personal_data", "description"};
  for (const auto& item : value.items()) {
    if (!kKnown.count(item.key()))
      return Error{where + "." + item.key(),
                   "unknown member (expected url, secret_file, events, personal_data, "
                   "description)"};
  }
  ConfiguredEndpoint endpoint;
  for (const char* key : {"url", "secret", "secret_file", "description"}) {
    if (value.contains(key) && !value[key].is_string())
      return Error{where + "." + key, "expected a string"};
  }
  endpoint.url = value.value("url", std::string());
  if (Status s = check_endpoint_url(endpoint.url, where + ".url"); !s) return s.error();
  endpoint.description = value.value("description", std::string());
  if (value.contains("secret_file")) {
    std::string path = value["secret_file"].get<std::string>();
    if (!path.empty() && path[0] != '/' && !base_dir.empty()) path = base_dir + "/" + path;
    Result<std::string> text = read_text_file(path);
    if (!text) return Error{where + ".secret_file", text.error().to_string()};
    endpoint.secret = text.value();
    while (!endpoint.secret.empty() &&
           (endpoint.secret.back() == '\n' || endpoint.secret.back() == '\r'))
      endpoint.secret.pop_back();
  } else {
    endpoint.secret = value.value("secret", std::string());
  }
  if (endpoint.secret.size() < 24)
    return Error{where + ".secret_file",
                 "expected a secret of at least 24 characters (e.g. openssl rand -hex 32)"};
  const auto events = value.find("events");
  if (events == value.end() || !events->is_array())
    return Error{where + ".events", "expected an array of event types"};
  for (const json& type : *events) {
    if (!type.is_string()) return Error{where + ".events", "expected an array of event types"};
    endpoint.events.push_back(type.get<std::string>());
  }
  if (Status s = check_events(endpoint.events, where + ".events"); !s) return s.error();
  if (value.contains("personal_data")) {
    if (!value["personal_data"].is_boolean())
      return Error{where + ".personal_data", "expected true or false"};
    endpoint.personal_data = value["personal_data"].get<bool>();
  }
  return endpoint;
}

}  // namespace

Result<WebhookSettings> parse_webhook_settings(const json& value, const std::string& base_dir) {
  if (!value.is_object()) return Error{"webhooks", "expected an object"};
  static const std::set<std::string> kKnown = {"endpoints", "timeout_seconds", "retry_hours",
                                               "retry_base_seconds", "retry_max_seconds"};
  for (const auto& item : value.items()) {
    if (!kKnown.count(item.key()))
      return Error{"webhooks." + item.key(),
                   "unknown member (expected endpoints, timeout_seconds, retry_hours, "
                   "retry_base_seconds, retry_max_seconds)"};
  }
  WebhookSettings settings;
  for (auto status :
       {read_number(value, "timeout_seconds", settings.timeout_seconds, 1, 60),
        read_number(value, "retry_hours", settings.retry_hours, 1, 72),
        read_number(value, "retry_base_seconds", settings.retry_base_seconds, 1, 3600),
        read_number(value, "retry_max_seconds", settings.retry_max_seconds, 1, 86400)}) {
    if (!status) return status.error();
  }
  if (settings.retry_max_seconds < settings.retry_base_seconds)
    return Error{"webhooks.retry_max_seconds", "must be at least webhooks.retry_base_seconds"};
  if (const auto it = value.find("endpoints"); it != value.end()) {
    if (!it->is_array()) return Error{"webhooks.endpoints", "expected an array of endpoints"};
    std::set<std::string> urls;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string where = "webhooks.endpoints[" + std::to_string(i) + "]";
      Result<ConfiguredEndpoint> endpoint = parse_endpoint((*it)[i], where, base_dir);
      if (!endpoint) return endpoint.error();
      if (!urls.insert(endpoint.value().url).second)
        return Error{where + ".url", "this URL is listed twice"};
      settings.endpoints.push_back(std::move(endpoint.value()));
    }
  }
  return settings;
}

}  // namespace vouch::server::webhooks
