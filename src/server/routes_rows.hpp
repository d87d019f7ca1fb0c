#pragma once
// What the routes over numbered rows (the outbox's mails, webhook endpoints
// and deliveries: routes_outbox.cpp, routes_webhooks.cpp) share: the id in
// the path, a store's Error as the HTTP answer, optional times.

#include <httplib.h>

#include <cstdint>
#include <optional>

#include "http_util.hpp"
#include "vouch/status.hpp"

namespace vouch::server {

// The path's first capture as a positive integer; sends 400 invalid_id otherwise.
std::optional<std::int64_t> row_id(const httplib::Request& req, httplib::Response& res);
// NotFound 404, Conflict 409, Invalid/Syntax 422 (path: message), Storage 500 (logged).
void send_row_error(httplib::Response& res, const Error& error);
// A logged 500 "database error".
void send_storage_error(httplib::Response& res, const Error& error);
// "YYYY-MM-DDTHH:MM:SSZ" or null.
json utc_or_null(const std::optional<std::int64_t>& time);

}  // namespace vouch::server
