#pragma once
// Route registration, one function per area (routes_*.cpp).

#include <httplib.h>

#include "app.hpp"

namespace vouch::server {

void register_public_routes(httplib::Server& server, App& app);
void register_admin_routes(httplib::Server& server, App& app);

// The language for messages: ?locale=, else the first Accept-Language tag.
std::string request_locale(const httplib::Request& req);

}  // namespace vouch::server
