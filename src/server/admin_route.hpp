#pragma once
// The one wrapper every admin route goes through: it authenticates the
// request (a bearer token from the config, or a console session cookie with
// its CSRF token on writes: auth/session_auth.*), checks the route's
// permission for the actor's role, marks the answer no-store and hands the
// handler the actor, whose name goes to the audit log.

#include <httplib.h>

#include <functional>

#include "app.hpp"
#include "auth/actor.hpp"
#include "http/router.hpp"

namespace vouch::server {

using AdminHandler =
    std::function<void(App&, const Actor&, const httplib::Request&, httplib::Response&)>;

http::Handler admin_route(App& app, Permission permission, AdminHandler handler);

// The actor of a request, or nullopt with the 401/403 already sent.
std::optional<Actor> authenticate_admin(App& app, const httplib::Request& req,
                                        httplib::Response& res);

}  // namespace vouch::server
