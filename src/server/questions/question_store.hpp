#pragma once
// SQL for questions and answers (migration 7): rows in, rows out, nothing
// else. The use cases (questions/*.hpp) decide what may be written; callers
// hold the database mutex, and a transaction for multi-step changes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db.hpp"
#include "vouch/status.hpp"

namespace vouch::server::questions {

struct StoredQuestion {
  std::string id;  // "q" + 24 hex digits
  std::string product_id;
  std::string status = "pending";  // pending, published, rejected, hidden
  std::string text;
  std::string author;
  std::string language;
  std::string ip;
  std::string flags;  // comma-separated flag codes
  std::string moderation_reason;
  std::int64_t created = 0;
  std::int64_t updated = 0;
};

struct StoredAnswer {
  std::string id;  // "a" + 24 hex digits
  std::string question_id;
  std::string status = "pending";
  std::string text;
  std::string author;
  std::string badge = "none";  // store, verified_buyer, none
  std::string by_staff;        // store answers: who wrote it
  std::string ip;
  std::string flags;
  std::string moderation_reason;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t helpful_up = 0;  // read from answer_votes
  std::int64_t helpful_down = 0;
};

Status insert_question(Database& db, const StoredQuestion& question);
Result<std::optional<StoredQuestion>> find_question(Database& db, std::string_view id);
Status set_question_status(Database& db, std::string_view id, std::string_view status,
                           std::string_view reason, std::int64_t now);

struct QuestionFilter {
  std::string product_id;  // "" = any
  std::string status;      // "" = any
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};
// Newest first.
Result<std::vector<StoredQuestion>> list_questions(Database& db, const QuestionFilter& filter);
// Published questions of a product with at least one published answer, newest first.
Result<std::vector<StoredQuestion>> answered_questions(Database& db, std::string_view product_id);
// Products that have at least one answered published question.
Result<std::vector<std::string>> products_with_answered_questions(Database& db);

Status insert_answer(Database& db, const StoredAnswer& answer);
Result<std::optional<StoredAnswer>> find_answer(Database& db, std::string_view id);
// Oldest first; published_only drops every other status.
Result<std::vector<StoredAnswer>> answers_of(Database& db, std::string_view question_id,
                                             bool published_only);
Status set_answer_status(Database& db, std::string_view id, std::string_view status,
                         std::string_view reason, std::int64_t now);
Result<std::int64_t> published_answer_count(Database& db, std::string_view question_id);

// The asker's e-mail, kept apart from the question (migration 7).
Status set_asker_email(Database& db, std::string_view question_id, std::string_view email);
// The e-mail when the asker left one and the notice has not been queued yet.
Result<std::optional<std::string>> asker_to_notify(Database& db, std::string_view question_id);
Status mark_asker_notified(Database& db, std::string_view question_id, std::int64_t now);
// Deletes every asker row with this e-mail; gives how many.
Result<std::int64_t> erase_askers(Database& db, std::string_view email);

// One answer per (question, order), for ever: false when the order answered already.
Result<bool> claim_answer_link(Database& db, std::string_view question_id,
                               std::string_view order_id, std::string_view answer_id,
                               std::int64_t now);

struct AnswerVotes {
  std::int64_t up = 0;
  std::int64_t down = 0;
};
Result<AnswerVotes> cast_answer_vote(Database& db, std::string_view answer_id,
                                     std::string_view visitor, int direction, std::int64_t now);

// Verified buyers of a product: the orders whose signed review links this
// server has seen (verified_orders), with the name on their review.
struct VerifiedBuyer {
  std::string order_id;
  std::string author;
};
Result<std::vector<VerifiedBuyer>> verified_buyers(Database& db, std::string_view product_id,
                                                   std::int64_t limit);

}  // namespace vouch::server::questions
