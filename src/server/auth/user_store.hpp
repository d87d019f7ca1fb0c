#pragma once
// The users table (migration 4): staff accounts. SQL only; the rules (names,
// passwords, the last owner) live in accounts.*, the login rules in login.*.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/actor.hpp"
#include "db.hpp"

namespace vouch::server::auth {

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::Responder;
  std::string password_hash;
  std::int64_t created = 0;
  std::int64_t failed_logins = 0;
  std::int64_t locked_until = 0;
  std::int64_t sessions = 0;  // list_users only
};

// Names compare case-insensitively (the column is COLLATE NOCASE).
Result<std::optional<User>> find_user(Database& db, std::string_view name);
Result<std::optional<User>> find_user_by_id(Database& db, std::int64_t id);
Result<std::vector<User>> list_users(Database& db);
Result<std::int64_t> count_owners(Database& db);
// Conflict-free insert; false when the name is taken.
Result<bool> insert_user(Database& db, const User& user);
Status delete_user(Database& db, std::int64_t id);
Status set_role(Database& db, std::int64_t id, Role role);
Status set_password_hash(Database& db, std::int64_t id, std::string_view hash);
Status set_login_failures(Database& db, std::int64_t id, std::int64_t failed,
                          std::int64_t locked_until);

}  // namespace vouch::server::auth
