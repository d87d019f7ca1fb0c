#include "http_util.hpp"

#include <algorithm>
#include <charconv>

#include "vouch/utf8.hpp"

namespace vouch::server {

std::string dump_json(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(dump_json(body), kJsonType);
}

void send_error(httplib::Response& res, int status, std::string_view code,
                std::string_view message) {
  json body = json::object();
  body["error"] = {{"code", std::string(code)}, {"message", std::string(message)}};
  send_json(res, status, body);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string string_member(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t json_nesting_depth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::optional<json> read_json_body(const httplib::Request& req, httplib::Response& res,
                                   std::size_t max_bytes, bool require_object) {
  const std::string type = req.get_header_value("Content-Type");
  const std::string_view media = std::string_view(type).substr(0, type.find(';'));
  if (!iequals(media, "application/json")) {
    send_error(res, 415, "unsupported_media_type", "expected Content-Type: application/json");
    return std::nullopt;
  }
  if (req.body.size() > max_bytes) {
    send_error(res, 413, "payload_too_large",
               "request body larger than " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  const std::size_t bad = utf8::first_invalid(req.body);
  if (bad != std::string_view::npos) {
    send_error(res, 400, "invalid_utf8",
               "request body is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    return std::nullopt;
  }
  if (json_nesting_depth(req.body) > kMaxJsonDepth) {
    send_error(res, 400, "invalid_json",
               "request body nests arrays and objects deeper than " +
                   std::to_string(kMaxJsonDepth) + " levels");
    return std::nullopt;
  }
  json body = json::parse(req.body.begin(), req.body.end(), nullptr, false);
  if (body.is_discarded()) {
    send_error(res, 400, "invalid_json", "request body is not valid JSON");
    return std::nullopt;
  }
  if (require_object && !body.is_object()) {
    send_error(res, 400, "invalid_json", "request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

std::string client_ip(const httplib::Request& req) { return req.remote_addr; }

std::optional<std::int64_t> int_param(const httplib::Request& req, httplib::Response& res,
                                      const char* name, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    send_error(res, 400, "invalid_parameter",
               std::string(name) + ": expected an integer " + std::to_string(min) + ".." +
                   std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 200 || !utf8::is_valid(id)) return false;
  for (unsigned char c : id) {
    if (c < 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '\'')
      return false;
  }
  return true;
}

bool bad_id(httplib::Response& res, const std::string& id, const char* what) {
  if (is_valid_id(id)) return false;
  send_error(
      res, 400, "invalid_id",
      std::string(what) + " id must be 1..200 bytes of UTF-8 without control characters or quotes");
  return true;
}

bool valid_visitor(const std::string& visitor) {
  if (visitor.size() < 8 || visitor.size() > 64) return false;
  for (char c : visitor) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace vouch::server
