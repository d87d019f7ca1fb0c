#include "questions/answer_vote.hpp"

#include <cstdio>
#include <mutex>
#include <tuple>

namespace vouch::server::questions {

app::Outcome<AnswerVotes> vote_on_answer(App& app, const AnswerVoteRequest& request) {
  using app::Failure;
  auto storage = [](const Error& error) {
    std::fprintf(stderr, "answer vote: %s\n", error.to_string().c_str());
    return app::problem(Failure::Storage, "internal", "database error");
  };
  Result<std::optional<StoredAnswer>> found = find_answer(*app.db, request.answer_id);
  if (!found) return storage(found.error());
  if (!found.value() || found.value()->status != "published")
    return app::problem(Failure::NotFound, "not_found", "no such answer");
  Result<std::optional<StoredQuestion>> question =
      find_question(*app.db, found.value()->question_id);
  if (!question) return storage(question.error());
  if (!question.value() || question.value()->status != "published")
    return app::problem(Failure::NotFound, "not_found", "no such answer");
  const std::int64_t now = app.now();
  for (auto [limiter, key, what] :
       {std::tuple{app.votes_per_review.get(), request.ip + "\nanswer\n" + request.answer_id,
                   "votes on this answer from this address"},
        std::tuple{app.votes_per_hour.get(), request.ip, "votes from this address"}}) {
    if (std::int64_t wait = limiter->hit(key, now); wait > 0) {
      app::Problem p = app::problem(Failure::RateLimited, "rate_limited",
                                    std::string("too many ") + what + "; try again later");
      p.retry_after = wait;
      return p;
    }
  }
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<AnswerVotes> counts =
      cast_answer_vote(*app.db, request.answer_id, request.visitor, request.direction, now);
  if (!counts) return storage(counts.error());
  return counts.value();
}

}  // namespace vouch::server::questions
