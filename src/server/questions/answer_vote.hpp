#pragma once
// Use case: a shopper marks a published answer helpful (or not): the rules of
// review votes (app/vote.hpp), the same per-IP limiters with their own keys.

#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

struct AnswerVoteRequest {
  std::string answer_id;
  std::string visitor;
  int direction = 1;
  std::string ip;
};

app::Outcome<AnswerVotes> vote_on_answer(App& app, const AnswerVoteRequest& request);

}  // namespace vouch::server::questions
