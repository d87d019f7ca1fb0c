#pragma once
// A shopper's review submission, independent of HTTP: idempotency, rate
// limits, photo checks, the core's validator, the verified-buyer link, the
// moderation decision and one durable transaction.

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "http_util.hpp"

namespace vouch::server {

struct SubmitInput {
  std::string product_id;
  std::string review_json;          // the JSON body, or the "review" part of a multipart body
  std::vector<std::string> photos;  // raw file bytes from a multipart body
  std::string idempotency_key;      // "" = none
  std::string ip;
  std::string locale_tag;  // language for messages (Accept-Language or "locale" in the body)
};

struct SubmitOutput {
  int status = 500;
  json body;
  std::int64_t retry_after = 0;  // seconds, for 429
};

SubmitOutput submit_review(App& app, const SubmitInput& input);

}  // namespace vouch::server
