#pragma once
// Use case: a shopper marks a published review helpful (or not). Limited per
// client IP per review and per IP per hour (config limits.votes_per_ip_*), so
// one address cannot steer "most helpful" with made-up visitor ids.

#include <cstdint>
#include <optional>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "review_store.hpp"

namespace vouch::server::app {

struct VoteRequest {
  std::string review_id;
  std::string visitor;  // the widget's random id; one vote per visitor per review
  int direction = 1;    // 1 up, -1 down
  std::string ip;
};

// The helpful-vote limits every vote (on a review, on an answer) counts
// against: `item_key` names the item (per address per item per day), then the
// address per hour. Both count this attempt, the per-item one first, so a
// blocked item does not also use up the hour. A RateLimited problem
// (retry_after set) when either is over; `what` names the item for people.
std::optional<Problem> over_vote_limits(App& app, const std::string& ip,
                                        const std::string& item_key, const std::string& what,
                                        std::int64_t now);

// The review's counts after the vote. NotFound unless the review is published;
// RateLimited (with retry_after) over either limit.
Outcome<VoteCounts> cast_helpful_vote(App& app, const VoteRequest& request);

}  // namespace vouch::server::app
