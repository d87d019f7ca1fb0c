#pragma once
// Staff accounts, the use cases: add, list, remove, change role, change
// password. One owner of the account rules (name and password syntax, the
// last owner, who may change whose password); the HTTP routes and the CLI
// (`vouch-server user ...`) both come here, and every change is audited.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/actor.hpp"
#include "auth/user_store.hpp"

namespace vouch::server::auth {

// What is wrong with a user name or a password, "" when it is fine.
// Names: 1..64 characters of [A-Za-z0-9._@-]. Passwords: 10..1024 bytes.
std::string name_problem(std::string_view name);
std::string password_problem(std::string_view password);

app::Outcome<std::vector<User>> users(App& app);

// `actor` is the audit log's actor ("cli" for the command line).
app::Outcome<User> add_user(App& app, std::string_view actor, std::string_view name,
                            std::string_view role, std::string_view password);

// Refuses to remove the last owner (Conflict, last_owner); ends the sessions.
app::Outcome<User> remove_user(App& app, std::string_view actor, std::string_view name);

struct UserChange {
  std::optional<std::string> role;
  std::optional<std::string> password;
  std::optional<std::string> current_password;  // needed when a user changes their own
};

// A role change needs Permission::Manage; a password change is the user's own
// (with current_password) or a manager's. `by` is who asks; a token or the
// CLI (kind Token, role owner) changes any password without the current one.
app::Outcome<User> change_user(App& app, const Actor& by, std::string_view name,
                               const UserChange& change);

}  // namespace vouch::server::auth
