#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 6: the e-mail outbox and the webhook event log. Every outgoing mail is a row
// before anything is sent (outbox/outbox.hpp); every event a webhook may carry
// is a row in the same transaction as the change it describes
// (webhooks/webhook_events.hpp). The worker that sends and delivers owns the
// state columns.
const char* const kMigration6OutboxWebhooks = R"sql(
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,        -- stable per row: a resend reuses it
  kind TEXT NOT NULL,                     -- review_request, reminder, answer_notice, private_reply, test
  to_address TEXT NOT NULL,
  to_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL DEFAULT '',
  list_unsubscribe TEXT NOT NULL DEFAULT '',  -- one-click unsubscribe URL (RFC 8058), '' = none
  reference TEXT NOT NULL DEFAULT '',     -- what it is about: request:ID, question:ID, review:ID
  request_data TEXT NOT NULL DEFAULT '',  -- review requests: {"order_id", "products"} for request.sent
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  last_attempt_at INTEGER,                -- when the worker last tried (NULL = never)
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_reference ON outbox (reference);
CREATE TABLE webhook_events (
  id INTEGER PRIMARY KEY,                 -- the sequence number receivers see
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  data TEXT NOT NULL,                     -- JSON object without e-mail addresses
  private_data TEXT NOT NULL DEFAULT '{}',  -- merged into data only for endpoints that opt in
  created_at INTEGER NOT NULL
);
CREATE INDEX webhook_events_by_type ON webhook_events (type, id);
CREATE TABLE webhook_endpoints (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,                   -- the HMAC key; shown once, when created
  events TEXT NOT NULL,                   -- ",review.created,review.published," (commas round each)
  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'console' CHECK (source IN ('console', 'config')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL DEFAULT ''
);
-- One row per event and subscribed endpoint, made with the event (record_event).
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES webhook_events (id),
  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'delivering', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  delivered_at INTEGER,
  UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);
-- The delivery log: every attempt, with the answer's status and time taken.
CREATE TABLE webhook_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  time INTEGER NOT NULL,
  status INTEGER NOT NULL DEFAULT 0,      -- the receiver's HTTP status, 0 = no answer
  duration_ms INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
)sql";

}  // namespace vouch::server
