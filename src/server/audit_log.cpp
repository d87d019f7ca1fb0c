#include "audit_log.hpp"

namespace vouch::server {

Status append_audit(Database& db, std::int64_t time, std::string_view actor,
                    std::string_view action, std::string_view review_id, std::string_view reason,
                    std::string_view detail) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement insert(db.handle(),
                   "INSERT INTO audit_log (time, actor, action, review_id, reason, detail) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, time)
      .bind(2, actor)
      .bind(3, action)
      .bind(4, review_id)
      .bind(5, reason)
      .bind(6, detail);
  return insert.run();
}

Result<std::vector<AuditEntry>> list_audit(Database& db, std::string_view review_id,
                                           std::int64_t limit, std::int64_t offset) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Statement query(db.handle(),
                  "SELECT id, time, actor, action, review_id, reason, detail FROM audit_log "
                  "WHERE (?1 = '' OR review_id = ?1) ORDER BY id DESC LIMIT ?2 OFFSET ?3");
  query.bind(1, review_id).bind(2, limit).bind(3, offset);
  std::vector<AuditEntry> entries;
  while (query.step()) {
    entries.push_back({query.integer(0), query.integer(1), query.text(2), query.text(3),
                       query.text(4), query.text(5), query.text(6)});
  }
  if (query.failed()) return Error{"sql", query.error_message(), ErrorKind::Storage};
  return entries;
}

}  // namespace vouch::server
