#include "auth/sessions.hpp"

#include "audit_log.hpp"
#include "auth/session_token.hpp"
#include "http_util.hpp"

namespace vouch::server::auth {

namespace {

app::Problem no_session() {
  return app::problem(app::Failure::Unauthorized, "unauthorized",
                      "no console session, or it has expired: log in again");
}

std::int64_t idle_seconds(const App& app) { return app.config.sessions.idle_minutes * 60; }
std::int64_t absolute_seconds(const App& app) { return app.config.sessions.absolute_hours * 3600; }

// The public id (in URLs and the sessions list) is its own random value, so
// showing it never reveals the cookie.
std::string public_id() { return random_token().substr(0, 22); }

}  // namespace

std::int64_t idle_expires_at(const App& app, const SessionRow& row) {
  const std::int64_t idle = row.last_seen + idle_seconds(app);
  const std::int64_t hard = expires_at(app, row);
  return idle < hard ? idle : hard;
}

std::int64_t expires_at(const App& app, const SessionRow& row) {
  return row.created + absolute_seconds(app);
}

Status purge_expired(App& app) {
  const std::int64_t now = app.now();
  return purge_sessions(*app.db, now - idle_seconds(app), now - absolute_seconds(app));
}

app::Outcome<OpenedSession> open_session(App& app, const User& user, std::string_view ip,
                                         std::string_view user_agent) {
  OpenedSession opened;
  opened.secret = random_token();
  SessionRow& row = opened.row;
  row.public_id = public_id();
  row.user_id = user.id;
  row.csrf = random_token();
  row.created = row.last_seen = app.now();
  row.ip = std::string(ip);
  // A header is the client's to fill: keep the list readable.
  row.user_agent = std::string(user_agent.substr(0, 256));
  row.user_name = user.name;
  row.role = user.role;
  if (Status stored = insert_session(*app.db, secret_hash(opened.secret), row); !stored)
    return app::internal_problem(stored.error());
  return opened;
}

app::Outcome<SessionRow> live_session(App& app, std::string_view secret) {
  if (!is_token_shaped(secret)) return no_session();
  const std::string hash = secret_hash(secret);
  Result<std::optional<SessionRow>> found = find_session(*app.db, hash);
  if (!found) return app::internal_problem(found.error());
  if (!found.value()) return no_session();
  SessionRow row = *found.value();
  const std::int64_t now = app.now();
  if (now >= idle_expires_at(app, row)) {
    if (Status removed = delete_session_by_secret(*app.db, hash); !removed)
      return app::internal_problem(removed.error());
    return no_session();
  }
  if (now - row.last_seen >= kTouchSeconds) {
    if (Status touched = touch_session(*app.db, row.public_id, now); !touched)
      return app::internal_problem(touched.error());
    row.last_seen = now;
  }
  return row;
}

Actor session_actor(const SessionRow& row) {
  return Actor{row.user_name, row.role, ActorKind::User, row.user_id, row.public_id};
}

app::Outcome<std::vector<SessionRow>> visible_sessions(App& app, const Actor& actor) {
  if (Status purged = purge_expired(app); !purged) return app::internal_problem(purged.error());
  const bool all = allowed(actor.role, Permission::Manage);
  if (!all && actor.kind != ActorKind::User) return std::vector<SessionRow>{};
  Result<std::vector<SessionRow>> rows = list_sessions(*app.db, all ? 0 : actor.user_id);
  if (!rows) return app::internal_problem(rows.error());
  return rows.value();
}

app::Outcome<std::string> end_session(App& app, const Actor& actor, std::string_view public_id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<std::optional<SessionRow>> found = find_session_by_id(*app.db, public_id);
  if (!found) return app::internal_problem(found.error());
  const bool visible =
      found.value() && (allowed(actor.role, Permission::Manage) ||
                        (actor.kind == ActorKind::User && found.value()->user_id == actor.user_id));
  if (!visible) return app::problem(app::Failure::NotFound, "not_found", "no such session");
  if (Status removed = delete_session(*app.db, public_id); !removed)
    return app::internal_problem(removed.error());
  if (Status a = append_audit(
          *app.db, app.now(), actor.name, "session_end", "", "",
          json{{"user", found.value()->user_name}, {"session", found.value()->public_id}}.dump());
      !a)
    return app::internal_problem(a.error());
  if (Status done = transaction.commit(); !done) return app::internal_problem(done.error());
  return std::string(public_id);
}

}  // namespace vouch::server::auth
