#include "routes_problem.hpp"

#include "vouch/i18n.hpp"
#include "vouch/validate.hpp"

namespace vouch::server {

namespace {

// Integer-looking params are numbers in JSON (as the core's result_to_json writes them).
json param_value(const std::string& value) {
  if (value.empty() || value.size() > 15) return value;
  std::int64_t number = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return value;
    number = number * 10 + (c - '0');
  }
  return number;
}

}  // namespace

int http_status(app::Failure kind) {
  switch (kind) {
    case app::Failure::Malformed:
      return 400;
    case app::Failure::Invalid:
      return 422;
    case app::Failure::NotFound:
      return 404;
    case app::Failure::Conflict:
      return 409;
    case app::Failure::RateLimited:
      return 429;
    case app::Failure::TooLarge:
      return 413;
    case app::Failure::Unauthorized:
      return 401;
    case app::Failure::Forbidden:
      return 403;
    case app::Failure::Storage:
      break;
  }
  return 500;
}

void send_problem(httplib::Response& res, const app::Problem& problem,
                  const std::string& locale_tag) {
  json body = json::object();
  body["error"] = {{"code", problem.code}, {"message", problem.message}};
  if (!problem.fields.empty()) {
    const i18n::Locale locale = i18n::resolve_locale(locale_tag);
    json list = json::array();
    for (const FieldError& error : problem.fields) {
      json params = json::object();
      for (const auto& [name, value] : error.params) params[name] = param_value(value);
      list.push_back({{"field", error.field},
                      {"code", error.code},
                      {"message", validation_message(error.code, error.params, locale)},
                      {"params", params}});
    }
    body["errors"] = list;
  }
  if (problem.kind == app::Failure::RateLimited && problem.retry_after > 0)
    res.set_header("Retry-After", std::to_string(problem.retry_after));
  send_json(res, http_status(problem.kind), body);
}

}  // namespace vouch::server
