#pragma once
// Use case: a shopper submits a review. No HTTP here: the route reads the
// request into SubmitRequest and maps the Outcome to a status
// (routes_problem.hpp). Steps, in order: idempotent replay, rate limits,
// parsing, photo sniffing against the policy's limits, the core's validator
// (with the near-duplicate window of the product), the verified-buyer link,
// the moderation decision, and one transaction that also records the
// Idempotency-Key (so concurrent retries create one review).

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"

namespace vouch::server::app {

struct SubmitRequest {
  std::string product_id;
  std::string review_json;          // the JSON body, or the "review" part of a multipart body
  std::vector<std::string> photos;  // raw file bytes
  std::string idempotency_key;      // "" = none
  std::string ip;
};

struct Submitted {
  std::string id;
  std::string status;  // "published" or "pending"
  bool verified = false;
  bool replayed = false;  // answered from an earlier request with the same Idempotency-Key
};

Outcome<Submitted> submit_review(App& app, const SubmitRequest& request);

}  // namespace vouch::server::app
