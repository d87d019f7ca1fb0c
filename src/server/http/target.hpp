#pragma once
// The request target (RFC 9112 §3.2) as the client sent it, split into a
// percent-decoded path and query parameters. libmicrohttpd is told not to
// decode (its decoder ends the C string at a %00, so "/x.wasm%00.html" would
// reach us as "/x.wasm"); this is the one place that decodes, and it refuses
// what no route or file name may hold.

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace vouch::server::http {

struct Target {
  std::string path;        // decoded, starts with '/'
  httplib::Params params;  // decoded, '+' = space
};

struct TargetError {
  std::string message;  // for the 400 body
};

// Decodes `raw` ("/a%20b?x=1", or absolute-form "http://host/a?x=1").
// Fails on a missing leading '/' or a bad %-escape. A decoded NUL or other
// control stays in the path, whole (never truncating it): routes refuse it in
// their ids (400 invalid_id), mounts as a file name (400 bad_path).
std::optional<Target> parse_target(std::string_view raw, TargetError& error);

// %XX and, when `plus_is_space`, '+' -> ' '. nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace vouch::server::http
