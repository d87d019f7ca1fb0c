#include "auth/session_store.hpp"

namespace vouch::server::auth {

namespace {

constexpr const char* kSelect =
    "SELECT s.public_id, s.user_id, s.csrf, s.created, s.last_seen, s.ip, s.user_agent, u.name, "
    "u.role FROM sessions s JOIN users u ON u.id = s.user_id ";

SessionRow read_row(const Statement& row) {
  SessionRow session;
  session.public_id = row.text(0);
  session.user_id = row.integer(1);
  session.csrf = row.text(2);
  session.created = row.integer(3);
  session.last_seen = row.integer(4);
  session.ip = row.text(5);
  session.user_agent = row.text(6);
  session.user_name = row.text(7);
  session.role = role_from_name(row.text(8)).value_or(Role::Responder);
  return session;
}

Result<std::optional<SessionRow>> find_one(Statement& query) {
  if (!query.ok()) return Error{"sessions", query.prepare_error()};
  if (query.step()) return std::optional<SessionRow>(read_row(query));
  if (query.failed()) return Error{"sessions", query.error_message()};
  return std::optional<SessionRow>();
}

}  // namespace

Status insert_session(Database& db, std::string_view secret_hash, const SessionRow& row) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO sessions (secret_hash, public_id, user_id, csrf, created, "
                   "last_seen, ip, user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind_blob(1, secret_hash).bind(2, row.public_id).bind(3, row.user_id).bind(4, row.csrf);
  insert.bind(5, row.created).bind(6, row.last_seen).bind(7, row.ip).bind(8, row.user_agent);
  return insert.run();
}

Result<std::optional<SessionRow>> find_session(Database& db, std::string_view secret_hash) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string(kSelect) + "WHERE s.secret_hash = ?1");
  query.bind_blob(1, secret_hash);
  return find_one(query);
}

Result<std::optional<SessionRow>> find_session_by_id(Database& db, std::string_view public_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string(kSelect) + "WHERE s.public_id = ?1");
  query.bind(1, public_id);
  return find_one(query);
}

Result<std::vector<SessionRow>> list_sessions(Database& db, std::int64_t user_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(), std::string(kSelect) +
                                   "WHERE ?1 = 0 OR s.user_id = ?1 ORDER BY s.created DESC, "
                                   "s.public_id");
  query.bind(1, user_id);
  if (!query.ok()) return Error{"sessions", query.prepare_error()};
  std::vector<SessionRow> rows;
  while (query.step()) rows.push_back(read_row(query));
  if (query.failed()) return Error{"sessions", query.error_message()};
  return rows;
}

Status touch_session(Database& db, std::string_view public_id, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement update(db.handle(), "UPDATE sessions SET last_seen = ?2 WHERE public_id = ?1");
  update.bind(1, public_id).bind(2, now);
  return update.run();
}

Status delete_session(Database& db, std::string_view public_id) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement remove(db.handle(), "DELETE FROM sessions WHERE public_id = ?1");
  remove.bind(1, public_id);
  return remove.run();
}

Status delete_session_by_secret(Database& db, std::string_view secret_hash) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement remove(db.handle(), "DELETE FROM sessions WHERE secret_hash = ?1");
  remove.bind_blob(1, secret_hash);
  return remove.run();
}

Result<std::int64_t> delete_user_sessions(Database& db, std::int64_t user_id,
                                          std::string_view keep) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement remove(db.handle(), "DELETE FROM sessions WHERE user_id = ?1 AND public_id <> ?2");
  remove.bind(1, user_id).bind(2, keep);
  if (Status done = remove.run(); !done) return done.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

Status purge_sessions(Database& db, std::int64_t idle_before, std::int64_t created_before) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement remove(db.handle(), "DELETE FROM sessions WHERE last_seen < ?1 OR created < ?2");
  remove.bind(1, idle_before).bind(2, created_before);
  return remove.run();
}

}  // namespace vouch::server::auth
