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

}  // namespace vouch::server
