#pragma once
// A question as an inbox item (kind "question", migration 7): same row as a
// review's, so the inbox list, counts, filters and urgency order include it.
// Its due time is the clock's question target (response_clock: 24 h by
// default) in business time; a published answer stops the clock.

#include <cstdint>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/actor.hpp"
#include "db.hpp"
#include "http_util.hpp"
#include "inbox/inbox_settings.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

std::int64_t question_due_time(const inbox::InboxSettings& settings, std::int64_t arrived);

// Inside the transaction that inserted the question.
Status add_question_item(Database& db, const inbox::InboxSettings& settings,
                         const StoredQuestion& question);

// Refolds the search text (after an erase or an edit).
Status refresh_question_search(Database& db, const StoredQuestion& question);

// The item's kind by id: "review", "question", or "" when there is no item.
Result<std::string> item_kind(Database& db, const std::string& id);

// The inbox list's JSON of a question item: the question, its answers, and
// the inbox row's members a review item has (state, starred, assignee,
// priority, due_at, overdue, clock, reply = the first published answer).
app::Outcome<json> question_item_json(App& app, const std::string& id);
bool is_question_item(App& app, const std::string& id);
// GET /inbox/{id} of a question: marks an unread item open (audited `read`);
// {"item", "evidence": [], "history"}.
app::Outcome<json> open_question_item(App& app, const std::string& id, const Actor& actor);

}  // namespace vouch::server::questions
