#pragma once
// Moderation of questions and answers: approve, reject, hide, with the same
// sentiment-neutral reasons as reviews (app::moderation_reasons) and an audit
// row per change in the same transaction (the audit's review_id column holds
// the question or answer id). Approving a shopper's answer publishes it and
// runs after_answer_published; approving a question runs
// after_question_published (the invitations by e-mail) once it is committed.

#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/actor.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

enum class QaAction { Approve, Reject, Hide };

app::Outcome<StoredQuestion> moderate_question(App& app, const std::string& id, QaAction action,
                                               const std::string& reason, const Actor& actor);
app::Outcome<StoredAnswer> moderate_answer(App& app, const std::string& id, QaAction action,
                                           const std::string& reason, const Actor& actor);

}  // namespace vouch::server::questions
