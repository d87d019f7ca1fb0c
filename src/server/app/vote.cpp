#include "app/vote.hpp"

#include <mutex>
#include <tuple>

namespace vouch::server::app {

std::optional<Problem> over_vote_limits(App& app, const std::string& ip,
                                        const std::string& item_key, const std::string& what,
                                        std::int64_t now) {
  for (auto [limiter, key, about] :
       {std::tuple{app.votes_per_review.get(), ip + "\n" + item_key,
                   "votes on this " + what + " from this address"},
        std::tuple{app.votes_per_hour.get(), ip, std::string("votes from this address")}}) {
    if (std::int64_t wait = limiter->hit(key, now); wait > 0) {
      Problem p =
          problem(Failure::RateLimited, "rate_limited", "too many " + about + "; try again later");
      p.retry_after = wait;
      return p;
    }
  }
  return std::nullopt;
}

Outcome<VoteCounts> cast_helpful_vote(App& app, const VoteRequest& request) {
  Result<std::optional<StoredReview>> found = find_review(*app.db, request.review_id);
  if (!found) return storage_failure("vote", found.error());
  if (!found.value() || found.value()->status != "published")
    return problem(Failure::NotFound, "not_found", "no such review");
  const std::int64_t now = app.now();
  if (std::optional<Problem> limited =
          over_vote_limits(app, request.ip, request.review_id, "review", now))
    return *limited;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<VoteCounts> counts =
      cast_vote(*app.db, request.review_id, request.visitor, request.direction, now);
  if (!counts) return storage_failure("vote", counts.error());
  app.snapshots.invalidate(found.value()->review.product_id);
  return counts.value();
}

}  // namespace vouch::server::app
