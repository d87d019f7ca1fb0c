#pragma once
// Console login and logout, with the throttles that make password guessing
// slow: per account (5 consecutive failures lock it for 15 minutes, stored in
// users, so a restart does not reset it) and per client IP (more than 20
// failures in 15 minutes, in memory: App::login_failures). A wrong name and a
// wrong password get the same answer after the same work.

#include <cstdint>
#include <string>
#include <string_view>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/sessions.hpp"

namespace vouch::server::auth {

inline constexpr std::size_t kLoginFailuresPerIp = 20;
inline constexpr std::int64_t kLoginFailureWindowSeconds = 15 * 60;
inline constexpr std::int64_t kFailuresBeforeLock = 5;
inline constexpr std::int64_t kLockSeconds = 15 * 60;

struct LoginRequest {
  std::string name;
  std::string password;
  std::string ip;
  std::string user_agent;
  std::string presented_cookie;  // a session cookie sent with the login: ended (fixation)
};

// Unauthorized invalid_credentials, RateLimited account_locked or
// too_many_logins (with retry_after), or the new session.
app::Outcome<OpenedSession> login(App& app, const LoginRequest& request);

// Ends the session of `actor` (a User actor); audited as logout.
Status logout(App& app, const Actor& actor);

}  // namespace vouch::server::auth
