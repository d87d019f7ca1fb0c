#pragma once
// Routes map a use case's typed Problem to HTTP here, and only here: the kind
// decides the status, never the message text.

#include <string>

#include "app/outcome.hpp"
#include "http_util.hpp"

namespace vouch::server {

// Malformed 400, Invalid 422, NotFound 404, Conflict 409, RateLimited 429
// (with Retry-After), TooLarge 413, Unauthorized 401, Forbidden 403, Storage 500.
int http_status(app::Failure kind);

// {"error": {"code", "message"}, "errors": [{field, code, message, params}]}
// with the field messages in the locale of `locale_tag`.
void send_problem(httplib::Response& res, const app::Problem& problem,
                  const std::string& locale_tag);

// True (and a 400 invalid_id sent) when the id in the URL is unusable; `what`
// names it ("product", "question").
bool bad_id(httplib::Response& res, const std::string& id, const char* what);

// Visitor ids come from the widget (a random id kept in localStorage):
// 8..64 of [A-Za-z0-9_-].
bool valid_visitor(const std::string& visitor);

}  // namespace vouch::server
