#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 7: questions and answers (issue 17). Reserved; filled in by that work.
const char* const kMigration7Questions = R"sql(
-- reserved for questions and answers
)sql";

}  // namespace vouch::server
