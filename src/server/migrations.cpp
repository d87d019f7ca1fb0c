#include "migrations.hpp"

#include <string>

namespace vouch::server {

namespace {

// Each entry is one migration, applied in a transaction. Index + 1 = version.
const char* const kMigrations[] = {
    // 1: reviews, votes, reports, audit log, idempotency keys, verified orders.
    R"sql(
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  product_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  verification INTEGER NOT NULL DEFAULT 0,
  incentivized INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'web',
  source_verified INTEGER NOT NULL DEFAULT 0,
  recommends INTEGER NOT NULL DEFAULT 0,
  featured INTEGER NOT NULL DEFAULT 0,
  reply_text TEXT NOT NULL DEFAULT '',
  reply_time INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  moderation_reason TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',
  order_id TEXT,
  aspects TEXT NOT NULL DEFAULT '[]',
  media TEXT NOT NULL DEFAULT '[]',
  topics TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX reviews_by_product ON reviews (product_id, status, created);
CREATE INDEX reviews_by_status ON reviews (status, created);
CREATE INDEX reviews_by_email ON reviews (email);
CREATE TABLE votes (
  review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  visitor TEXT NOT NULL,
  direction INTEGER NOT NULL CHECK (direction IN (-1, 1)),
  created INTEGER NOT NULL,
  PRIMARY KEY (review_id, visitor)
);
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  visitor TEXT NOT NULL DEFAULT '',
  created INTEGER NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  review_id TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  status_code INTEGER NOT NULL,
  response TEXT NOT NULL,
  created INTEGER NOT NULL
);
-- One verified review per order and product, for ever: erasing the review
-- does not make the link usable again.
CREATE TABLE verified_orders (
  product_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  review_id TEXT NOT NULL,
  used INTEGER NOT NULL,
  PRIMARY KEY (product_id, order_id)
);
)sql",
    // 2: uploaded photos (random names; the review they belong to).
    R"sql(
CREATE TABLE photos (
  name TEXT PRIMARY KEY,
  review_id TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL
);
CREATE INDEX photos_by_review ON photos (review_id);
)sql",
    // 3: the near-duplicate fingerprint of each body, written at insert (older
    // rows are fingerprinted when read: recent_fingerprints). Old rows are
    // then checked against the stored-review rules (check_old_rows).
    R"sql(
ALTER TABLE reviews ADD COLUMN fingerprint BLOB;
)sql",
};

constexpr std::size_t kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);

}  // namespace

std::size_t schema_version_latest() { return kMigrationCount; }

Result<std::size_t> schema_version(Database& db) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Status created = db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  if (!created) return created.error();
  Statement query(db.handle(), "SELECT max(version) FROM schema_version");
  if (!query.step()) {
    if (query.failed()) return Error{"schema_version", query.error_message()};
    return std::size_t{0};
  }
  return query.is_null(0) ? std::size_t{0} : static_cast<std::size_t>(query.integer(0));
}

Status migrate(Database& db, std::size_t target) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  if (target > kMigrationCount) target = kMigrationCount;
  Result<std::size_t> current = schema_version(db);
  if (!current) return current.error();
  if (current.value() > kMigrationCount) {
    return Error{"schema_version", "database has schema version " +
                                       std::to_string(current.value()) +
                                       ", newer than this server (" +
                                       std::to_string(kMigrationCount) + "): upgrade vouch-server"};
  }
  for (std::size_t version = current.value() + 1; version <= target; ++version) {
    Transaction transaction(db);
    if (!transaction.began()) return Error{"migration " + std::to_string(version), db.last_error()};
    Status applied = db.exec(kMigrations[version - 1]);
    if (!applied) return Error{"migration " + std::to_string(version), applied.error().message};
    Statement record(db.handle(), "INSERT INTO schema_version (version) VALUES (?1)");
    record.bind(1, static_cast<std::int64_t>(version));
    Status recorded = record.run();
    if (!recorded) return recorded.error();
    Status committed = transaction.commit();
    if (!committed) return committed.error();
  }
  return Ok{};
}

}  // namespace vouch::server
