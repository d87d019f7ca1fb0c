#include "auth/accounts.hpp"

#include "audit_log.hpp"
#include "auth/password.hpp"
#include "auth/session_store.hpp"
#include "http_util.hpp"

namespace vouch::server::auth {

namespace {

using app::Failure;
using app::problem;

app::Problem not_found() { return problem(Failure::NotFound, "not_found", "no such user"); }

app::Problem invalid(std::string code, std::string message) {
  return problem(Failure::Invalid, std::move(code), std::move(message));
}

std::optional<app::Problem> check_role(std::string_view role) {
  if (role_from_name(role)) return std::nullopt;
  return invalid("invalid_role", "role: expected owner, moderator or responder");
}

Status audit(App& app, std::string_view actor, std::string_view action, const json& detail) {
  return append_audit(*app.db, app.now(), actor, action, "", "", detail.dump());
}

// Would this change leave no owner? (`user` is an owner losing the role.)
app::Outcome<bool> is_last_owner(App& app, const User& user) {
  if (user.role != Role::Owner) return false;
  Result<std::int64_t> owners = count_owners(*app.db);
  if (!owners) return app::internal_problem(owners.error());
  return owners.value() <= 1;
}

app::Outcome<User> find(App& app, std::string_view name) {
  if (!name_problem(name).empty()) return not_found();
  Result<std::optional<User>> found = find_user(*app.db, name);
  if (!found) return app::internal_problem(found.error());
  if (!found.value()) return not_found();
  return *found.value();
}

}  // namespace

std::string name_problem(std::string_view name) {
  if (name.empty()) return "name: must not be empty";
  if (name.size() > 64) return "name: at most 64 characters";
  for (char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '@' || c == '-';
    if (!ok) return "name: only letters A-Z a-z, digits and . _ @ - are allowed";
  }
  return "";
}

std::string password_problem(std::string_view password) {
  if (password.size() < 10) return "password: at least 10 bytes";
  if (password.size() > 1024) return "password: at most 1024 bytes";
  return "";
}

app::Outcome<std::vector<User>> users(App& app) {
  Result<std::vector<User>> listed = list_users(*app.db);
  if (!listed) return app::internal_problem(listed.error());
  return listed.value();
}

app::Outcome<User> add_user(App& app, std::string_view actor, std::string_view name,
                            std::string_view role, std::string_view password) {
  if (std::string why = name_problem(name); !why.empty()) return invalid("invalid_name", why);
  if (auto bad = check_role(role)) return *bad;
  if (std::string why = password_problem(password); !why.empty())
    return invalid("invalid_password", why);
  Result<std::string> hash = hash_password(password);
  if (!hash) return app::internal_problem(hash.error());
  User user;
  user.name = std::string(name);
  user.role = *role_from_name(role);
  user.password_hash = hash.value();
  user.created = app.now();
  // The hash (the slow part) is made before the database is locked.
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<bool> inserted = insert_user(*app.db, user);
  if (!inserted) return app::internal_problem(inserted.error());
  if (!inserted.value())
    return problem(Failure::Conflict, "user_exists",
                   "name: a user \"" + user.name + "\" exists already (names ignore case)");
  app::Outcome<User> stored = find(app, name);
  if (!stored) return stored;
  if (Status a = audit(app, actor, "user_add", {{"user", user.name}, {"role", role}}); !a)
    return app::internal_problem(a.error());
  if (Status done = transaction.commit(); !done) return app::internal_problem(done.error());
  return stored;
}

app::Outcome<User> remove_user(App& app, std::string_view actor, std::string_view name) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());  // the owner count holds
  Transaction transaction(*app.db);
  app::Outcome<User> user = find(app, name);
  if (!user) return user;
  app::Outcome<bool> last = is_last_owner(app, user.value());
  if (!last) return last.problem();
  if (last.value())
    return problem(Failure::Conflict, "last_owner",
                   "\"" + user.value().name + "\" is the last owner: add another owner first");
  if (Status removed = delete_user(*app.db, user.value().id); !removed)
    return app::internal_problem(removed.error());
  if (Status a = audit(app, actor, "user_remove", {{"user", user.value().name}}); !a)
    return app::internal_problem(a.error());
  if (Status done = transaction.commit(); !done) return app::internal_problem(done.error());
  return user;
}

app::Outcome<User> change_user(App& app, const Actor& by, std::string_view name,
                               const UserChange& change) {
  // First the checks and the slow hashing, without holding the database...
  app::Outcome<User> found = find(app, name);
  if (!found) return found;
  const User before = found.value();
  const bool self = by.kind == ActorKind::User && by.user_id == before.id;
  const bool manager = allowed(by.role, Permission::Manage);
  if (!change.role && !change.password)
    return problem(Failure::Malformed, "bad_request", "expected \"role\" and/or \"password\"");
  std::optional<Role> role;
  if (change.role) {
    if (!manager)
      return problem(Failure::Forbidden, "forbidden",
                     std::string("the ") + role_name(by.role) + " role may not change roles");
    if (auto bad = check_role(*change.role)) return *bad;
    role = role_from_name(*change.role);
  }
  std::string hash;
  if (change.password) {
    if (!self && !manager)
      return problem(Failure::Forbidden, "forbidden", "only an owner changes another's password");
    if (std::string why = password_problem(*change.password); !why.empty())
      return invalid("invalid_password", why);
    // Your own password needs the current one, so a session left open on a
    // shared computer cannot take the account over.
    if (self && (!change.current_password ||
                 !verify_password(before.password_hash, *change.current_password)))
      return problem(Failure::Forbidden, "wrong_password",
                     "current_password: missing or not this user's password");
    Result<std::string> made = hash_password(*change.password);
    if (!made) return app::internal_problem(made.error());
    hash = made.value();
  }
  // ...then the writes and their audit rows as one transaction, on the row as it is now.
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Result<std::optional<User>> current = find_user_by_id(*app.db, before.id);
  if (!current) return app::internal_problem(current.error());
  if (!current.value()) return not_found();
  User user = *current.value();
  if (role && *role != user.role) {
    if (*role != Role::Owner) {
      app::Outcome<bool> last = is_last_owner(app, user);
      if (!last) return last.problem();
      if (last.value())
        return problem(Failure::Conflict, "last_owner",
                       "\"" + user.name + "\" is the last owner: make another user owner first");
    }
    if (Status set = set_role(*app.db, user.id, *role); !set)
      return app::internal_problem(set.error());
    if (Status a =
            audit(app, by.name, "user_role",
                  {{"user", user.name}, {"from", role_name(user.role)}, {"to", role_name(*role)}});
        !a)
      return app::internal_problem(a.error());
    user.role = *role;
  }
  if (change.password) {
    if (Status set = set_password_hash(*app.db, user.id, hash); !set)
      return app::internal_problem(set.error());
    // A new password ends the other sessions (whoever knew the old one).
    Result<std::int64_t> ended =
        delete_user_sessions(*app.db, user.id, self ? by.session_id : std::string_view());
    if (!ended) return app::internal_problem(ended.error());
    if (Status a = audit(app, by.name, "user_password",
                         {{"user", user.name}, {"sessions_ended", ended.value()}});
        !a)
      return app::internal_problem(a.error());
  }
  if (Status done = transaction.commit(); !done) return app::internal_problem(done.error());
  return user;
}

}  // namespace vouch::server::auth
