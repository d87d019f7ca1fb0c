#pragma once
// Use case: a shopper marks a published review helpful (or not). Limited per
// client IP per review and per IP per hour (config limits.votes_per_ip_*), so
// one address cannot steer "most helpful" with made-up visitor ids.

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

// The review's counts after the vote. NotFound unless the review is published;
// RateLimited (with retry_after) over either limit.
Outcome<VoteCounts> cast_helpful_vote(App& app, const VoteRequest& request);

}  // namespace vouch::server::app
