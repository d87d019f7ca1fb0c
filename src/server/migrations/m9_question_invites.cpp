#include "migrations/later_migrations.hpp"

namespace vouch::server {

// 9: answer invitations sent by e-mail (issue 17; docs/questions.md). One row
// per (question, folded address), for ever: pressing "E-mail the buyers" twice
// or publishing a question again never mails an address twice; the newest
// rows of an address make its cooldown. The row id is what the mail's
// unsubscribe link signs (requests/request_links.hpp), its locale the page's.
// Erasing a reviewer's or asker's data deletes the rows of the address.
const char* const kMigration9QuestionInvites = R"sql(
CREATE TABLE question_invites (
  id INTEGER PRIMARY KEY,
  question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  address_key TEXT NOT NULL,              -- lowercased, like orders.email_key
  order_id TEXT NOT NULL,                 -- the order the answer link is signed for
  outbox_id INTEGER,
  locale TEXT NOT NULL DEFAULT 'en',
  created_at INTEGER NOT NULL,
  UNIQUE (question_id, address_key)
);
CREATE INDEX question_invites_by_address ON question_invites (address_key, created_at);
)sql";

}  // namespace vouch::server
