#pragma once
// Route registration, one function per area (routes_*.cpp).

#include <httplib.h>

#include "app.hpp"
#include "http/router.hpp"

namespace vouch::server {

using Router = http::Router;

// Each route declares the largest body it reads (Router::Post's last
// argument); the transport refuses more while reading, with a 413.
void register_public_routes(Router& server, App& app);
void register_admin_routes(Router& server, App& app);
void register_auth_routes(Router& server, App& app);  // console login, users, sessions
// Templates, notes, messages, follow-ups, metrics, the test clock (routes_console.cpp).
void register_console_routes(Router& server, App& app);
// The console inbox (routes_inbox.cpp).
void register_inbox_routes(Router& server, App& app);
// Questions and answers, public and admin, and the /q/{id} pages (routes_questions.cpp, issue 17).
void register_question_routes(Router& server, App& app);
// The owner's review analytics (routes_analytics.cpp, issue 16).
void register_analytics_routes(Router& server, App& app);
// The outbox and the webhook endpoints (routes_outbox.cpp, routes_webhooks.cpp, issue 18).
void register_outbox_routes(Router& server, App& app);
void register_webhook_routes(Router& server, App& app);

// Orders, request-mail templates, star links, unsubscribe (routes_requests.cpp, issue 18).
void register_request_routes(Router& server, App& app);

// The language for messages: ?locale=, else the first Accept-Language tag.
std::string request_locale(const httplib::Request& req);

}  // namespace vouch::server
