#pragma once
// What happens when an answer is published (a store answer at once, a
// shopper's when it passes moderation), inside the caller's transaction:
// the question's inbox clock stops (the first answer is its reply), the
// question.answered webhook event is recorded, and the asker who left an
// e-mail gets one answer_notice mail queued in the outbox (once per question).

#include <string>

#include "app.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

// `actor`: the staff name of a store answer, "buyer" otherwise.
Status after_answer_published(App& app, const StoredQuestion& question, const StoredAnswer& answer,
                              const std::string& actor);

}  // namespace vouch::server::questions
