#pragma once
// The database schema as a list of forward migrations. A database records the
// number of migrations applied in `schema_version`; opening an older file runs
// the missing ones in one transaction each. Never edit a shipped migration:
// append a new one.

#include <cstddef>

#include "db.hpp"

namespace vouch::server {

std::size_t schema_version_latest();

// The version recorded in the file (0 for a new file).
Result<std::size_t> schema_version(Database& db);

// Applies migrations until `target` (default: latest). A file newer than this
// binary is refused rather than guessed at.
Status migrate(Database& db, std::size_t target = static_cast<std::size_t>(-1));

}  // namespace vouch::server
