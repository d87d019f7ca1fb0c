#pragma once
// Use cases: a shopper answers a published question (with a signed answer
// link: badge verified_buyer; without: badge none, only when the config's
// questions.unverified_answers allows it, else 403 verified_buyer_required),
// and staff answer as the store (badge store, published at once, the
// question published with it). A shopper's answer is moderated like a
// review (config "moderation"); every published answer runs
// after_answer_published in the same transaction.

#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "auth/actor.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

struct AnswerRequest {
  std::string question_id;
  std::string body_json;  // {"text", "author", "token"?, "consent", "elapsed_ms"}
  std::string ip;
};

struct Answered {
  std::string id;
  std::string status;  // published or pending
  std::string badge;   // verified_buyer or none
};

app::Outcome<Answered> submit_answer(App& app, const AnswerRequest& request);

// The question, 400 invalid_id / 404 not_found as a Problem (any status).
app::Outcome<StoredQuestion> load_question(App& app, const std::string& id);

// Body {"text"}: the store's answer (checked by the same validator).
app::Outcome<StoredAnswer> answer_as_store(App& app, const std::string& question_id,
                                           const std::string& text, const Actor& actor);

}  // namespace vouch::server::questions
