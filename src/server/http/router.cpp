#include "http/router.hpp"

namespace vouch::server::http {

Router& Router::add(const char* method, const std::string& pattern, Handler handler,
                    std::size_t max_body) {
  routes_.push_back(Route{method, pattern, std::regex(pattern), std::move(handler), max_body});
  return *this;
}

Router& Router::Get(const std::string& pattern, Handler handler) {
  // A GET reads no body: anything sent with one is refused, not buffered.
  return add("GET", pattern, std::move(handler), 0);
}
Router& Router::Post(const std::string& pattern, Handler handler, std::size_t max_body) {
  return add("POST", pattern, std::move(handler), max_body);
}
Router& Router::Put(const std::string& pattern, Handler handler, std::size_t max_body) {
  return add("PUT", pattern, std::move(handler), max_body);
}
Router& Router::Patch(const std::string& pattern, Handler handler, std::size_t max_body) {
  return add("PATCH", pattern, std::move(handler), max_body);
}
Router& Router::Delete(const std::string& pattern, Handler handler, std::size_t max_body) {
  return add("DELETE", pattern, std::move(handler), max_body);
}

RouteMatch Router::match(const std::string& method, const std::string& path,
                         std::smatch& matches) const {
  const std::string& wanted = method == "HEAD" ? std::string("GET") : method;
  RouteMatch result;
  for (const Route& route : routes_) {
    std::smatch candidate;
    if (!std::regex_match(path, candidate, route.regex)) continue;
    if (route.method == wanted && !result.route) {
      result.route = &route;
      matches = candidate;
    }
    if (result.allow.find(route.method) == std::string::npos) {
      result.allow += (result.allow.empty() ? "" : ", ") + route.method;
      if (route.method == "GET") result.allow += ", HEAD";
    }
  }
  if (!result.allow.empty()) result.allow += ", OPTIONS";
  return result;
}

}  // namespace vouch::server::http
