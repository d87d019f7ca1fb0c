#pragma once
// The sessions table (migration 4): one row per console login. SQL only; the
// timeouts are decided in sessions.* from the config.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/user_store.hpp"
#include "db.hpp"

namespace vouch::server::auth {

struct SessionRow {
  std::string public_id;
  std::int64_t user_id = 0;
  std::string csrf;
  std::int64_t created = 0;
  std::int64_t last_seen = 0;
  std::string ip;
  std::string user_agent;
  // Joined from users, read on every request so a role change or a removal
  // applies to live sessions at once.
  std::string user_name;
  Role role = Role::Responder;
};

Status insert_session(Database& db, std::string_view secret_hash, const SessionRow& row);
Result<std::optional<SessionRow>> find_session(Database& db, std::string_view secret_hash);
Result<std::optional<SessionRow>> find_session_by_id(Database& db, std::string_view public_id);
// All sessions (user_id 0) or one user's, newest first.
Result<std::vector<SessionRow>> list_sessions(Database& db, std::int64_t user_id);
Status touch_session(Database& db, std::string_view public_id, std::int64_t now);
Status delete_session(Database& db, std::string_view public_id);
Status delete_session_by_secret(Database& db, std::string_view secret_hash);
// A user's sessions except `keep` ("" = all of them); returns how many ended.
Result<std::int64_t> delete_user_sessions(Database& db, std::int64_t user_id,
                                          std::string_view keep);
// Rows idle since before `idle_before` or created before `created_before`.
Status purge_sessions(Database& db, std::int64_t idle_before, std::int64_t created_before);

}  // namespace vouch::server::auth
