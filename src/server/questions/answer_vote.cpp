#include "questions/answer_vote.hpp"

#include <mutex>
#include <optional>

#include "app/vote.hpp"

namespace vouch::server::questions {

app::Outcome<AnswerVotes> vote_on_answer(App& app, const AnswerVoteRequest& request) {
  using app::Failure;
  auto storage = [](const Error& error) { return app::storage_failure("answer vote", error); };
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
  // Answer ids and review ids share the per-item limiter: the key says which.
  if (std::optional<app::Problem> limited =
          app::over_vote_limits(app, request.ip, "answer\n" + request.answer_id, "answer", now))
    return *limited;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<AnswerVotes> counts =
      cast_answer_vote(*app.db, request.answer_id, request.visitor, request.direction, now);
  if (!counts) return storage(counts.error());
  return counts.value();
}

}  // namespace vouch::server::questions
