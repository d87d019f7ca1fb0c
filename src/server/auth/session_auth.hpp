#pragma once
// The HTTP side of console sessions: the vouch_session cookie (reading it,
// setting and clearing it with its flags) and the CSRF rule for writes.

#include <httplib.h>

#include <optional>
#include <string>

#include "app.hpp"
#include "auth/actor.hpp"

namespace vouch::server::auth {

inline constexpr const char* kSessionCookie = "vouch_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The first vouch_session value in the Cookie header(s), "" when none.
std::string session_cookie(const httplib::Request& req);

// Path=/; HttpOnly; SameSite=Strict, plus Secure when public_url is https.
void set_session_cookie(const App& app, httplib::Response& res, const std::string& secret,
                        std::int64_t max_age_seconds);
void clear_session_cookie(const App& app, httplib::Response& res);

enum class CookieAuth : std::uint8_t { None, Ok, Failed };

// With a session cookie: the session's actor (role read from users now), or
// the 401 / 403 csrf_failed / 500 already sent. Without one: None, nothing sent.
CookieAuth authenticate_cookie(App& app, const httplib::Request& req, httplib::Response& res,
                               std::optional<Actor>& actor);

}  // namespace vouch::server::auth
