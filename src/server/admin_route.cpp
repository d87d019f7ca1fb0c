#include "admin_route.hpp"

#include "auth/session_auth.hpp"
#include "crypto.hpp"
#include "http_util.hpp"

namespace vouch::server {

namespace {

// A bearer token from the config: automation, acting as its name with the
// owner's rights. Every configured token is compared, in constant time.
std::optional<Actor> token_actor(const App& app, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  if (header.rfind("Bearer ", 0) != 0) return std::nullopt;
  const std::string_view presented = std::string_view(header).substr(7);
  std::optional<Actor> actor;
  for (const auto& [name, token] : app.config.admin_tokens) {
    if (constant_time_equal(presented, token) && !actor) {
      actor = Actor{name, Role::Owner, ActorKind::Token, 0, ""};
    }
  }
  return actor;
}

}  // namespace

std::optional<Actor> authenticate_admin(App& app, const httplib::Request& req,
                                        httplib::Response& res) {
  if (std::optional<Actor> actor = token_actor(app, req)) return actor;
  std::optional<Actor> actor;
  switch (auth::authenticate_cookie(app, req, res, actor)) {
    case auth::CookieAuth::Ok:
      return actor;
    case auth::CookieAuth::Failed:
      return std::nullopt;
    case auth::CookieAuth::None:
      break;
  }
  res.set_header("WWW-Authenticate", "Bearer realm=\"vouch-admin\"");
  send_error(res, 401, "unauthorized",
             "the admin API needs a console session (log in at /admin/) or "
             "Authorization: Bearer <admin token>");
  return std::nullopt;
}

http::Handler admin_route(App& app, Permission permission, AdminHandler handler) {
  return [&app, permission, handler](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    const std::optional<Actor> actor = authenticate_admin(app, req, res);
    if (!actor) return;
    if (!allowed(actor->role, permission)) {
      send_error(res, 403, "forbidden",
                 std::string("the ") + role_name(actor->role) + " role may not do this");
      return;
    }
    handler(app, *actor, req, res);
  };
}

}  // namespace vouch::server
