#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 8: orders, review requests and unsubscribes (issue 18; docs/review-requests.md).
// An order and its items come from the store's backend (POST
// /api/v1/admin/orders or `orders import`); each order gets one request row
// (sequence 0) and, once that is mailed, up to N reminder rows. A request row
// goes scheduled -> queued (an outbox row exists) or skipped (with the reason
// found at send time). Unsubscribes are kept for good, keyed by the folded
// address. Star-link clicks are counted for the funnel (no tracking pixel).
const char* const kMigration8ReviewRequests = R"sql(
CREATE TABLE orders (
  order_id TEXT PRIMARY KEY,
  customer_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL,                    -- as given (the mail's recipient)
  email_key TEXT NOT NULL,                -- lowercased: caps and unsubscribes match on it
  locale TEXT NOT NULL DEFAULT 'en',      -- one of the 7 shipped locales
  fulfilled_at INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'import')),
  created_at INTEGER NOT NULL
);
CREATE INDEX orders_by_email ON orders (email_key);
CREATE TABLE order_items (
  order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL,                      -- the product page (http/https): the star links lead there
  image TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (order_id, product_id)
);
CREATE TABLE review_requests (
  id INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,              -- 0 = the request, 1.. = reminders
  kind TEXT NOT NULL CHECK (kind IN ('request', 'reminder')),
  due_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'queued', 'skipped')),
  skip_reason TEXT NOT NULL DEFAULT '',   -- reviewed, unsubscribed, cap, too_old, no_public_url
  products TEXT NOT NULL DEFAULT '[]',    -- JSON array: the product ids the mail asked about
  outbox_id INTEGER,
  queued_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (order_id, sequence)
);
CREATE INDEX review_requests_due ON review_requests (state, due_at);
CREATE INDEX review_requests_queued ON review_requests (queued_at);
CREATE TABLE unsubscribes (
  email_key TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  how TEXT NOT NULL CHECK (how IN ('one_click', 'page'))
);
CREATE TABLE request_clicks (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES review_requests (id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  created_at INTEGER NOT NULL
);
CREATE INDEX request_clicks_by_request ON request_clicks (request_id);
-- The store's edits of the request mail (absent row = the catalogue's text).
CREATE TABLE request_templates (
  kind TEXT NOT NULL CHECK (kind IN ('request', 'reminder')),
  locale TEXT NOT NULL,
  subject TEXT NOT NULL,
  intro TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, locale)
);
)sql";

}  // namespace vouch::server
