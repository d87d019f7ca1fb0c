#include "auth/user_store.hpp"

namespace vouch::server::auth {

namespace {

constexpr const char* kColumns =
    "SELECT id, name, role, password_hash, created, failed_logins, locked_until FROM users ";

User read_user(const Statement& row) {
  User user;
  user.id = row.integer(0);
  user.name = row.text(1);
  user.role = role_from_name(row.text(2)).value_or(Role::Responder);
  user.password_hash = row.text(3);
  user.created = row.integer(4);
  user.failed_logins = row.integer(5);
  user.locked_until = row.integer(6);
  return user;
}

Result<std::optional<User>> find_one(Database& db, Statement& query) {
  if (!query.ok()) return Error{"users", query.prepare_error()};
  if (query.step()) return std::optional<User>(read_user(query));
  if (query.failed()) return Error{"users", query.error_message()};
  (void)db;
  return std::optional<User>();
}

}  // namespace

Result<std::optional<User>> find_user(Database& db, std::string_view name) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string(kColumns) + "WHERE name = ?1");
  query.bind(1, name);
  return find_one(db, query);
}

Result<std::optional<User>> find_user_by_id(Database& db, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string(kColumns) + "WHERE id = ?1");
  query.bind(1, id);
  return find_one(db, query);
}

Result<std::vector<User>> list_users(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  "SELECT u.id, u.name, u.role, u.password_hash, u.created, u.failed_logins, "
                  "u.locked_until, (SELECT count(*) FROM sessions s WHERE s.user_id = u.id) "
                  "FROM users u ORDER BY u.name COLLATE NOCASE");
  if (!query.ok()) return Error{"users", query.prepare_error()};
  std::vector<User> users;
  while (query.step()) {
    users.push_back(read_user(query));
    users.back().sessions = query.integer(7);
  }
  if (query.failed()) return Error{"users", query.error_message()};
  return users;
}

Result<std::int64_t> count_owners(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), "SELECT count(*) FROM users WHERE role = 'owner'");
  if (!query.step()) return Error{"users", query.error_message()};
  return query.integer(0);
}

Result<bool> insert_user(Database& db, const User& user) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO users (name, role, password_hash, created) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT (name) DO NOTHING");
  insert.bind(1, user.name).bind(2, role_name(user.role)).bind(3, user.password_hash);
  insert.bind(4, user.created);
  if (Status done = insert.run(); !done) return done.error();
  return sqlite3_changes(db.handle()) == 1;
}

Status delete_user(Database& db, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  // The sessions go with the user (ON DELETE CASCADE); said here too, so the
  // rule does not hang on the foreign_keys pragma alone.
  Statement sessions(db.handle(), "DELETE FROM sessions WHERE user_id = ?1");
  sessions.bind(1, id);
  if (Status done = sessions.run(); !done) return done;
  Statement user(db.handle(), "DELETE FROM users WHERE id = ?1");
  user.bind(1, id);
  return user.run();
}

Status set_role(Database& db, std::int64_t id, Role role) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(), "UPDATE users SET role = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, role_name(role));
  return update.run();
}

Status set_password_hash(Database& db, std::int64_t id, std::string_view hash) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(), "UPDATE users SET password_hash = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, hash);
  return update.run();
}

Status set_login_failures(Database& db, std::int64_t id, std::int64_t failed,
                          std::int64_t locked_until) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(),
                   "UPDATE users SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1");
  update.bind(1, id).bind(2, failed).bind(3, locked_until);
  return update.run();
}

}  // namespace vouch::server::auth
