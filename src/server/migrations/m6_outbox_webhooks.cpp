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
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
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
)sql";

}  // namespace vouch::server
