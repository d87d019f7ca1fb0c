#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 10: the final state of a review request's mail, kept on the request when
// retention prunes its outbox row (retention.cpp, in the same transaction):
// GET /api/v1/admin/orders still says whether the mail went out or failed.
// outbox_id is cleared then, since outbox ids are rowids a later mail may reuse.
const char* const kMigration10RequestMailState = R"sql(
ALTER TABLE review_requests ADD COLUMN pruned_mail_state TEXT NOT NULL DEFAULT ''
  CHECK (pruned_mail_state IN ('', 'sent', 'failed'));
)sql";

}  // namespace vouch::server
