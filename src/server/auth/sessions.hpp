#pragma once
// Console sessions, the use cases: open one at login, find the live session
// of a cookie (idle and absolute timeouts from config.sessions), list and end
// sessions. Owners see and end any session, other roles their own.

#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/actor.hpp"
#include "auth/session_store.hpp"

namespace vouch::server::auth {

// last_seen is written at most this often: a request a second must not turn
// every read into a database write.
inline constexpr std::int64_t kTouchSeconds = 60;

struct OpenedSession {
  std::string secret;  // the cookie value: handed to the browser, never stored
  SessionRow row;
};

app::Outcome<OpenedSession> open_session(App& app, const User& user, std::string_view ip,
                                         std::string_view user_agent);

// The live session of a cookie value, or Unauthorized (none, expired: an
// expired row is deleted on sight).
app::Outcome<SessionRow> live_session(App& app, std::string_view secret);

std::int64_t idle_expires_at(const App& app, const SessionRow& row);
std::int64_t expires_at(const App& app, const SessionRow& row);

// Deletes expired rows (at every login; cheap with few staff).
Status purge_expired(App& app);

Actor session_actor(const SessionRow& row);

app::Outcome<std::vector<SessionRow>> visible_sessions(App& app, const Actor& actor);

// Ends a session the actor may see (NotFound otherwise: an id of someone
// else's session is not confirmed to exist). Audited as session_end.
app::Outcome<std::string> end_session(App& app, const Actor& actor, std::string_view public_id);

}  // namespace vouch::server::auth
