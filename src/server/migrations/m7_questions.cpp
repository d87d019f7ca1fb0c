#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 7: questions and answers (issue 17).
//
// questions / answers hold what shoppers and staff wrote; the asker's e-mail
// is kept apart in question_askers (used for the answer notice only, erased
// with the reviewer-erase route, never read by a public path). answer_votes
// mirror review votes; answer_links remember which order answered which
// question, so one signed answer link answers once.
//
// The inbox gets an item kind: an unanswered question is an inbox item like a
// review (lists, counts, filters, the urgency order). inbox_items.review_id
// keeps its name and holds the item's id, a review id ("r…") or a question id
// ("q…"); the foreign key to reviews goes (a question is no review), so the
// three inbox tables are rebuilt (SQLite cannot drop a constraint) and the
// cascade from reviews becomes a trigger. Children are rebuilt first and the
// old parent dropped last, so no ON DELETE CASCADE fires during the copy.
const char* const kMigration7Questions = R"sql(
CREATE TABLE questions (
  id TEXT PRIMARY KEY,                   -- "q" + 24 hex digits
  product_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
  text TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',        -- the validator's flag codes, comma-separated
  moderation_reason TEXT NOT NULL DEFAULT '',
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX questions_by_product ON questions (product_id, status, created);
CREATE TABLE question_askers (
  question_id TEXT PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  notified_at INTEGER                    -- when the answer notice was queued; NULL = not yet
);
CREATE INDEX question_askers_by_email ON question_askers (email);
CREATE TABLE answers (
  id TEXT PRIMARY KEY,                   -- "a" + 24 hex digits
  question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
  text TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '',
  badge TEXT NOT NULL CHECK (badge IN ('store', 'verified_buyer', 'none')),
  by_staff TEXT NOT NULL DEFAULT '',     -- the staff name of a store answer
  ip TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',
  moderation_reason TEXT NOT NULL DEFAULT '',
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX answers_by_question ON answers (question_id, status, created);
CREATE TABLE answer_votes (
  answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  visitor TEXT NOT NULL,
  direction INTEGER NOT NULL CHECK (direction IN (-1, 1)),
  created INTEGER NOT NULL,
  PRIMARY KEY (answer_id, visitor)
);
-- One answer per order and question, for ever (like verified_orders).
CREATE TABLE answer_links (
  question_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  answer_id TEXT NOT NULL,
  used INTEGER NOT NULL,
  PRIMARY KEY (question_id, order_id)
);

DROP TRIGGER inbox_follows_review;
CREATE TABLE inbox_items_v7 (
  review_id TEXT PRIMARY KEY,            -- the item's id: a review id or a question id
  kind TEXT NOT NULL DEFAULT 'review' CHECK (kind IN ('review', 'question')),
  state TEXT NOT NULL DEFAULT 'unread'
    CHECK (state IN ('unread', 'open', 'replied', 'resolved', 'followed_up')),
  starred INTEGER NOT NULL DEFAULT 0,
  assignee TEXT NOT NULL DEFAULT '',
  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
  priority_corrected INTEGER NOT NULL DEFAULT 0,
  tags_corrected INTEGER NOT NULL DEFAULT 0,
  spam_risk INTEGER NOT NULL DEFAULT 0 CHECK (spam_risk BETWEEN 0 AND 3),
  arrived_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL DEFAULT 0,
  first_reply_at INTEGER,
  first_reply_by TEXT NOT NULL DEFAULT '',
  no_reply_at INTEGER,
  no_reply_reason TEXT NOT NULL DEFAULT '',
  resolved_at INTEGER,
  follow_up_at INTEGER,
  follow_up_outcome TEXT CHECK (follow_up_outcome IN ('satisfied', 'not_satisfied', 'no_answer')),
  followed_up_at INTEGER,
  followed_up_by TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  rating INTEGER NOT NULL DEFAULT 0,     -- 0 for questions
  status TEXT NOT NULL DEFAULT '',
  product_id TEXT NOT NULL DEFAULT ''
);
INSERT INTO inbox_items_v7 (review_id, kind, state, starred, assignee, priority,
  priority_corrected, tags_corrected, spam_risk, arrived_at, due_at, first_reply_at,
  first_reply_by, no_reply_at, no_reply_reason, resolved_at, follow_up_at, follow_up_outcome,
  followed_up_at, followed_up_by, search_text, rating, status, product_id)
SELECT review_id, 'review', state, starred, assignee, priority, priority_corrected,
  tags_corrected, spam_risk, arrived_at, due_at, first_reply_at, first_reply_by, no_reply_at,
  no_reply_reason, resolved_at, follow_up_at, follow_up_outcome, followed_up_at, followed_up_by,
  search_text, rating, status, product_id FROM inbox_items;
CREATE TABLE inbox_tags_v7 (
  review_id TEXT NOT NULL REFERENCES inbox_items_v7 (review_id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (review_id, tag)
);
INSERT INTO inbox_tags_v7 (review_id, tag) SELECT review_id, tag FROM inbox_tags;
CREATE TABLE inbox_events_v7 (
  id INTEGER PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES inbox_items_v7 (review_id) ON DELETE CASCADE,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('note', 'message', 'reply')),
  text TEXT NOT NULL
);
INSERT INTO inbox_events_v7 (id, review_id, time, actor, kind, text)
  SELECT id, review_id, time, actor, kind, text FROM inbox_events;
DROP TABLE inbox_tags;
DROP TABLE inbox_events;
DROP TABLE inbox_items;
ALTER TABLE inbox_items_v7 RENAME TO inbox_items;
ALTER TABLE inbox_tags_v7 RENAME TO inbox_tags;
ALTER TABLE inbox_events_v7 RENAME TO inbox_events;
CREATE INDEX inbox_by_due ON inbox_items (due_at, priority);
CREATE INDEX inbox_by_arrival ON inbox_items (arrived_at);
CREATE INDEX inbox_by_state ON inbox_items (state, due_at);
CREATE INDEX inbox_by_assignee ON inbox_items (assignee, due_at);
CREATE INDEX inbox_by_follow_up ON inbox_items (follow_up_at) WHERE follow_up_at IS NOT NULL;
CREATE INDEX inbox_by_product ON inbox_items (product_id, arrived_at);
CREATE INDEX inbox_overview ON inbox_items (first_reply_at, no_reply_at, state, status, due_at,
  priority, arrived_at, rating, starred, assignee, follow_up_at, follow_up_outcome, kind,
  review_id);
CREATE INDEX inbox_tags_by_tag ON inbox_tags (tag, review_id);
CREATE INDEX inbox_events_by_review ON inbox_events (review_id, time);
CREATE TRIGGER inbox_follows_review AFTER UPDATE OF rating, status, product_id ON reviews
BEGIN
  UPDATE inbox_items SET rating = NEW.rating, status = NEW.status, product_id = NEW.product_id
    WHERE review_id = NEW.id;
END;
CREATE TRIGGER inbox_leaves_with_review AFTER DELETE ON reviews
BEGIN
  DELETE FROM inbox_items WHERE review_id = OLD.id AND kind = 'review';
END;
CREATE TRIGGER inbox_follows_question AFTER UPDATE OF status, product_id ON questions
BEGIN
  UPDATE inbox_items SET status = NEW.status, product_id = NEW.product_id
    WHERE review_id = NEW.id AND kind = 'question';
END;
CREATE TRIGGER inbox_leaves_with_question AFTER DELETE ON questions
BEGIN
  DELETE FROM inbox_items WHERE review_id = OLD.id AND kind = 'question';
END;
)sql";

}  // namespace vouch::server
