#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 8: orders, review requests and unsubscribes (issue 18). Reserved; filled in by that work.
const char* const kMigration8ReviewRequests = R"sql(
-- reserved for review requests
)sql";

}  // namespace vouch::server
