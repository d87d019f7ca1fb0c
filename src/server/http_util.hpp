#pragma once
// Small helpers every route uses: JSON responses and errors, client identity,
// query parameters, CORS. Every error the API sends has the same shape:
//   {"error": {"code": "not_found", "message": "no such review"}}

#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::server {

using json = nlohmann::json;

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

std::string dump_json(const json& value);
void send_json(httplib::Response& res, int status, const json& body);
void send_error(httplib::Response& res, int status, std::string_view code,
                std::string_view message);

// How deep a request body's arrays and objects may nest. No request of the API
// needs more than a few levels; the limit keeps recursive work on a parsed
// body (dump, copy, compare) from overflowing a worker's stack.
inline constexpr std::size_t kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in JSON text (strings skipped).
std::size_t json_nesting_depth(std::string_view text);

// The string member `key` of a JSON object; "" when absent or not a string.
std::string string_member(const json& object, const char* key);

// Parses a JSON request body: checks Content-Type, size, UTF-8, nesting depth
// and syntax, and sends the 4xx itself on failure (returns nullopt then).
std::optional<json> read_json_body(const httplib::Request& req, httplib::Response& res,
                                   std::size_t max_bytes, bool require_object = true);

// The peer address (the server speaks to clients directly; put a proxy in
// front and this becomes the proxy's address, see docs/api.md).
std::string client_ip(const httplib::Request& req);

// A non-negative integer query parameter, `fallback` when absent; nullopt
// (and a 400 sent) when present but not a number in [min, max].
std::optional<std::int64_t> int_param(const httplib::Request& req, httplib::Response& res,
                                      const char* name, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max);

// Splits "a,b,c" (empty parts dropped).
std::vector<std::string> split_list(std::string_view text, char separator = ',');

// Ids in URLs (products, reviews): 1..200 bytes of valid UTF-8 without
// control characters, quotes, angle brackets or backslashes.
bool is_valid_id(std::string_view id);

// True (and a 400 invalid_id sent) when the id in the URL is unusable;
// `what` names it ("product", "review", "question").
bool bad_id(httplib::Response& res, const std::string& id, const char* what);

// Visitor ids come from the widget (a random id kept in localStorage):
// 8..64 of [A-Za-z0-9_-].
bool valid_visitor(const std::string& visitor);

// Case-insensitive ASCII compare of header values.
bool iequals(std::string_view a, std::string_view b);

}  // namespace vouch::server
