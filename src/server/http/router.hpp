#pragma once
// Routes: method + path pattern -> handler, with the body limit each route
// declares. The transport asks the router for the limit as soon as the request
// line and headers are in, so an oversized body is refused while it is read
// (or before, from its Content-Length), never after buffering it.
//
// Handlers keep cpp-httplib's value types (Request/Response, `req.matches`,
// `get_header_value`, `set_content`...): only the registration type changed
// when the transport moved to libmicrohttpd (docs/decisions.md).

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <regex>
#include <string>
#include <vector>

namespace vouch::server::http {

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

// What a route accepts when it does not say: small JSON bodies.
inline constexpr std::size_t kDefaultBodyLimit = 64 * 1024;

struct Route {
  std::string method;
  std::string pattern;
  std::regex regex;
  Handler handler;
  std::size_t max_body = kDefaultBodyLimit;
};

// The outcome of matching one request against the table.
struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method (see `allow`)
  std::string allow;             // methods the path has, "" when the path is unknown
};

class Router {
 public:
  // `max_body`: the largest request body this route reads (413 beyond it).
  Router& Get(const std::string& pattern, Handler handler);
  Router& Post(const std::string& pattern, Handler handler,
               std::size_t max_body = kDefaultBodyLimit);
  Router& Put(const std::string& pattern, Handler handler,
              std::size_t max_body = kDefaultBodyLimit);
  Router& Patch(const std::string& pattern, Handler handler,
                std::size_t max_body = kDefaultBodyLimit);
  Router& Delete(const std::string& pattern, Handler handler,
                 std::size_t max_body = kDefaultBodyLimit);

  // HEAD is served by the GET route. Fills `matches` (on `path`, which must
  // outlive them) when a route matched.
  RouteMatch match(const std::string& method, const std::string& path, std::smatch& matches) const;

  // Every route, in registration order: tests walk it so that no route escapes
  // the permission and hostile-input checks (tests/server/console_access_test.cpp).
  const std::vector<Route>& routes() const { return routes_; }

 private:
  Router& add(const char* method, const std::string& pattern, Handler handler,
              std::size_t max_body);
  std::vector<Route> routes_;
};

}  // namespace vouch::server::http
