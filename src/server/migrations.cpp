#include "migrations.hpp"

#include <string>

#include "migrations/later_migrations.hpp"

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
    // 4: the owner's console (issue 15): staff accounts and sessions, the
    // inbox state of each review (triage, clock, assignment, follow-up), its
    // history (notes, private messages, replies) and reply templates.
    R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'moderator', 'responder')),
  password_hash TEXT NOT NULL,           -- libsodium crypto_pwhash_str (argon2id)
  created INTEGER NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,  -- consecutive, reset by a good login
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  secret_hash BLOB PRIMARY KEY,          -- hash of the cookie value; the value itself is never stored
  public_id TEXT NOT NULL UNIQUE,        -- what the sessions list shows and ends
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id);
-- One row per review: what the console knows that the shopper never sees.
CREATE TABLE inbox_items (
  review_id TEXT PRIMARY KEY REFERENCES reviews (id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'unread'
    CHECK (state IN ('unread', 'open', 'replied', 'resolved', 'followed_up')),
  starred INTEGER NOT NULL DEFAULT 0,
  assignee TEXT NOT NULL DEFAULT '',     -- a user name, '' = nobody
  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),  -- low, normal, high, urgent
  priority_corrected INTEGER NOT NULL DEFAULT 0,  -- staff set it: triage no longer overwrites
  tags_corrected INTEGER NOT NULL DEFAULT 0,
  spam_risk INTEGER NOT NULL DEFAULT 0 CHECK (spam_risk BETWEEN 0 AND 3),  -- none, low, medium, high
  arrived_at INTEGER NOT NULL,           -- the review's created time (the clock starts here)
  due_at INTEGER NOT NULL DEFAULT 0,     -- 0 = no clock (answered, stopped)
  first_reply_at INTEGER,
  first_reply_by TEXT NOT NULL DEFAULT '',
  no_reply_at INTEGER,
  no_reply_reason TEXT NOT NULL DEFAULT '',
  resolved_at INTEGER,
  follow_up_at INTEGER,                  -- when to follow up; NULL = none planned
  follow_up_outcome TEXT CHECK (follow_up_outcome IN ('satisfied', 'not_satisfied', 'no_answer')),
  followed_up_at INTEGER,
  followed_up_by TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT ''   -- title, body, author, product folded by the core's search folding
);
CREATE INDEX inbox_by_due ON inbox_items (due_at, priority);
CREATE INDEX inbox_by_arrival ON inbox_items (arrived_at);
CREATE INDEX inbox_by_state ON inbox_items (state, due_at);
CREATE INDEX inbox_by_assignee ON inbox_items (assignee, due_at);
CREATE INDEX inbox_by_follow_up ON inbox_items (follow_up_at) WHERE follow_up_at IS NOT NULL;
-- Tag ids of an item, one row each, so tag filters and counts use an index.
CREATE TABLE inbox_tags (
  review_id TEXT NOT NULL REFERENCES inbox_items (review_id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (review_id, tag)
);
CREATE INDEX inbox_tags_by_tag ON inbox_tags (tag, review_id);
-- The item's history besides the audit log: internal notes, private messages
-- to the reviewer, public replies (each version).
CREATE TABLE inbox_events (
  id INTEGER PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES inbox_items (review_id) ON DELETE CASCADE,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'message', 'reply')),
  text TEXT NOT NULL
);
CREATE INDEX inbox_events_by_review ON inbox_events (review_id, time);
CREATE TABLE reply_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT '',       -- BCP 47, '' = any
  tags TEXT NOT NULL DEFAULT '[]',       -- JSON array of strings (quick search; triage tag ids suggest it)
  body TEXT NOT NULL,
  seed TEXT NOT NULL DEFAULT '',         -- the seed kind it came from ('' = written by staff)
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
)sql",
    // 5: the inbox at 100k reviews. What the inbox rows were computed with
    // (hashes of the triage and clock configuration), so a changed vouch.json
    // re-triages at start-up; the review columns the inbox filters and counts
    // on, copied into inbox_items (a trigger keeps them in step) so the list
    // and its counts never join the wide reviews rows; one covering index
    // that the counts scan and the default order read instead of the table.
    R"sql(
CREATE TABLE console_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
ALTER TABLE inbox_items ADD COLUMN rating INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inbox_items ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE inbox_items ADD COLUMN product_id TEXT NOT NULL DEFAULT '';
UPDATE inbox_items SET (rating, status, product_id) =
  (SELECT r.rating, r.status, r.product_id FROM reviews r WHERE r.id = inbox_items.review_id);
CREATE TRIGGER inbox_follows_review AFTER UPDATE OF rating, status, product_id ON reviews
BEGIN
  UPDATE inbox_items SET rating = NEW.rating, status = NEW.status, product_id = NEW.product_id
    WHERE review_id = NEW.id;
END;
CREATE INDEX inbox_by_product ON inbox_items (product_id, arrived_at);
CREATE INDEX inbox_overview ON inbox_items (first_reply_at, no_reply_at, state, status, due_at,
  priority, arrived_at, rating, starred, assignee, follow_up_at, follow_up_outcome, review_id);
)sql",
    // 6 and later: one file each under migrations/ (later_migrations.hpp).
    kMigration6OutboxWebhooks,
    kMigration7Questions,
    kMigration8ReviewRequests,
    kMigration9QuestionInvites,
    kMigration10RequestMailState,
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
