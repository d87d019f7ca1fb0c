#pragma once
// The moderation audit log: who did what to which review, when and why. Every
// admin action and every GDPR export/erase appends a row; nothing deletes rows.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db.hpp"

namespace vouch::server {

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t time = 0;
  std::string actor;   // admin token name, "cli", "system"
  std::string action;  // approve, reject, feature, unfeature, hide, reply, delete, import, erase,
                       // export_reviewer
  std::string review_id;
  std::string reason;
  std::string detail;  // free text / JSON with counts
};

Status append_audit(Database& db, std::int64_t time, std::string_view actor,
                    std::string_view action, std::string_view review_id, std::string_view reason,
                    std::string_view detail);

// Newest first. review_id "" = all.
Result<std::vector<AuditEntry>> list_audit(Database& db, std::string_view review_id,
                                           std::int64_t limit, std::int64_t offset);

}  // namespace vouch::server
