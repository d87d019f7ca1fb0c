#include "routes_rows.hpp"

#include <charconv>
#include <cstdio>

#include "vouch/snapshot.hpp"

namespace vouch::server {

json utc_or_null(const std::optional<std::int64_t>& time) {
  return time ? json(format_utc(*time)) : json(nullptr);
}

void send_storage_error(httplib::Response& res, const Error& error) {
  std::fprintf(stderr, "outbox/webhooks: %s\n", error.to_string().c_str());
  send_error(res, 500, "internal", "database error");
}

void send_row_error(httplib::Response& res, const Error& error) {
  switch (error.kind) {
    case ErrorKind::NotFound:
      return send_error(res, 404, "not_found", error.message);
    case ErrorKind::Conflict:
      return send_error(res, 409, "conflict", error.message);
    case ErrorKind::Invalid:
    case ErrorKind::Syntax:
      return send_error(res, 422, "invalid_parameter", error.path + ": " + error.message);
    case ErrorKind::Storage:
      break;
  }
  send_storage_error(res, error);
}

std::optional<std::int64_t> row_id(const httplib::Request& req, httplib::Response& res) {
  const std::string text = req.matches[1];
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0 || text.size() > 18) {
    send_error(res, 400, "invalid_id", "id: a positive integer");
    return std::nullopt;
  }
  return id;
}

}  // namespace vouch::server
