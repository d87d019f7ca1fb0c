#include "auth/login.hpp"

#include "audit_log.hpp"
#include "auth/accounts.hpp"
#include "auth/password.hpp"
#include "auth/session_token.hpp"
#include "http_util.hpp"

namespace vouch::server::auth {

namespace {

app::Problem invalid_credentials() {
  return app::problem(app::Failure::Unauthorized, "invalid_credentials",
                      "wrong user name or password");
}

app::Problem rate_limited(std::string code, std::string message, std::int64_t retry_after) {
  app::Problem p = app::problem(app::Failure::RateLimited, std::move(code), std::move(message));
  p.retry_after = retry_after < 1 ? 1 : retry_after;
  return p;
}

// A failure from this IP; audited with the user's name only when it is a
// user's (an unknown "name" may be a password typed in the wrong field).
app::Problem failed(App& app, const LoginRequest& request, std::string_view user,
                    app::Problem answer) {
  app.login_failures->hit(request.ip, app.now());
  const json detail = {{"ip", request.ip}, {"reason", answer.code}};
  if (Status a = append_audit(*app.db, app.now(), user.empty() ? "unknown" : user, "login_failed",
                              "", "", detail.dump());
      !a)
    return app::internal_problem(a.error());
  return answer;
}

}  // namespace

app::Outcome<OpenedSession> login(App& app, const LoginRequest& request) {
  const std::int64_t now = app.now();
  if (std::int64_t wait = app.login_failures->blocked(request.ip, now); wait > 0)
    return rate_limited("too_many_logins", "too many failed logins from this address", wait);
  // Whatever happens next, the session the browser had is over: a login never
  // continues a session id somebody else may have planted.
  if (!request.presented_cookie.empty() && is_token_shaped(request.presented_cookie)) {
    if (Status ended = delete_session_by_secret(*app.db, secret_hash(request.presented_cookie));
        !ended)
      return app::internal_problem(ended.error());
  }
  // A name or password no account can have: refused without hashing, since it
  // says nothing about which accounts exist, and a 1 MB password must not
  // cost a 1 MB hash. Not counted against the IP: it guesses nothing.
  if (!name_problem(request.name).empty() || request.password.size() > 1024 ||
      request.password.empty())
    return invalid_credentials();
  Result<std::optional<User>> found = find_user(*app.db, request.name);
  if (!found) return app::internal_problem(found.error());
  if (!found.value()) {
    verify_dummy(request.password);
    return failed(app, request, "", invalid_credentials());
  }
  User user = *found.value();
  if (user.locked_until > now)
    return failed(
        app, request, user.name,
        rate_limited("account_locked", "this account is locked after repeated failed logins",
                     user.locked_until - now));
  const bool good = verify_password(user.password_hash, request.password);
  // The stored hash was made with older limits: the password is at hand now.
  std::string fresh;
  if (good && needs_rehash(user.password_hash)) {
    if (Result<std::string> made = hash_password(request.password); made) fresh = made.value();
  }
  // The password is checked (slowly) before the database is held; what
  // follows, with its audit row, is one transaction.
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  // Read again under the lock: parallel attempts each count.
  Result<std::optional<User>> again = find_user_by_id(*app.db, user.id);
  if (!again) return app::internal_problem(again.error());
  if (!again.value()) return failed(app, request, "", invalid_credentials());
  user = *again.value();
  if (!good) {
    // Counted in the database, so a restart does not hand out fresh attempts.
    const std::int64_t failures = user.failed_logins + 1;
    const bool locks = failures >= kFailuresBeforeLock;
    if (Status s = set_login_failures(*app.db, user.id, locks ? 0 : failures,
                                      locks ? now + kLockSeconds : 0);
        !s)
      return app::internal_problem(s.error());
    app::Problem answer = failed(app, request, user.name, invalid_credentials());
    if (Status done = transaction.commit(); !done) return app::internal_problem(done.error());
    return answer;
  }
  if (user.failed_logins != 0 || user.locked_until != 0) {
    if (Status s = set_login_failures(*app.db, user.id, 0, 0); !s)
      return app::internal_problem(s.error());
  }
  if (!fresh.empty()) {
    if (Status s = set_password_hash(*app.db, user.id, fresh); !s)
      return app::internal_problem(s.error());
  }
  if (Status purged = purge_expired(app); !purged) return app::internal_problem(purged.error());
  app::Outcome<OpenedSession> opened = open_session(app, user, request.ip, request.user_agent);
  if (!opened) return opened;
  if (Status a =
          append_audit(*app.db, now, user.name, "login", "", "",
                       json{{"ip", request.ip}, {"session", opened.value().row.public_id}}.dump());
      !a)
    return app::internal_problem(a.error());
  if (Status done = transaction.commit(); !done) return app::internal_problem(done.error());
  return opened;
}

Status logout(App& app, const Actor& actor) {
  if (actor.kind != ActorKind::User) return Ok{};
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  if (Status removed = delete_session(*app.db, actor.session_id); !removed) return removed;
  if (Status a = append_audit(*app.db, app.now(), actor.name, "logout", "", "",
                              json{{"session", actor.session_id}}.dump());
      !a)
    return a;
  return transaction.commit();
}

}  // namespace vouch::server::auth
