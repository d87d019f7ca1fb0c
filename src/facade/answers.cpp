// What the façade's APIs share (answers.hpp).
#include "answers.hpp"

#include <nlohmann/json.hpp>

#include "vouch/validate.hpp"

namespace vouch::facade {

std::string sanitize_id_prefix(const std::string& raw) {
  std::string prefix = raw.empty() ? "v" : raw.substr(0, 40);
  for (char& c : prefix) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) c = '-';
  }
  return prefix;
}

std::string config_error_answer(const char* field, const char* code, const Error& error,
                                i18n::Locale locale) {
  using nlohmann::json;
  const i18n::Params params = {{"path", error.path}, {"reason", error.message}};
  json problem = json::object();
  problem["field"] = field;
  problem["code"] = code;
  problem["params"] = json{{"path", error.path}, {"reason", error.message}};
  problem["message"] = vouch::validation_message(code, params, locale);
  json doc = json::object();
  doc["ok"] = false;
  doc["errors"] = json::array();
  doc["errors"].push_back(std::move(problem));
  doc["flags"] = json::array();
  doc["normalized"] = nullptr;
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vouch::facade
