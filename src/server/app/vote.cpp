#include "app/vote.hpp"

#include <cstdio>
#include <mutex>
#include <tuple>

namespace vouch::server::app {

Outcome<VoteCounts> cast_helpful_vote(App& app, const VoteRequest& request) {
  Result<std::optional<StoredReview>> found = find_review(*app.db, request.review_id);
  if (!found) {
    std::fprintf(stderr, "vote: %s\n", found.error().to_string().c_str());
    return problem(Failure::Storage, "internal", "database error");
  }
  if (!found.value() || found.value()->status != "published")
    return problem(Failure::NotFound, "not_found", "no such review");
  const std::int64_t now = app.now();
  // Both limits count this attempt; the per-review one first, so a blocked
  // review does not also use up the hour.
  for (auto [limiter, key, what] :
       {std::tuple{app.votes_per_review.get(), request.ip + "\n" + request.review_id,
                   "votes on this review from this address"},
        std::tuple{app.votes_per_hour.get(), request.ip, "votes from this address"}}) {
    if (std::int64_t wait = limiter->hit(key, now); wait > 0) {
      Problem p = problem(Failure::RateLimited, "rate_limited",
                          std::string("too many ") + what + "; try again later");
      p.retry_after = wait;
      return p;
    }
  }
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<VoteCounts> counts =
      cast_vote(*app.db, request.review_id, request.visitor, request.direction, now);
  if (!counts) {
    std::fprintf(stderr, "vote: %s\n", counts.error().to_string().c_str());
    return problem(Failure::Storage, "internal", "database error");
  }
  app.snapshots.invalidate(found.value()->review.product_id);
  return counts.value();
}

}  // namespace vouch::server::app
