#pragma once
// Signed answer links: how the server invites a verified buyer to answer one
// question (issue 17). Shaped like the review link (review_link.hpp) with a
// purpose tag, so a review token is never an answer token and back:
//   payload = {"k": "a", "q": question id, "p": product id, "o": order id, "e": expiry}
//   token   = base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))
// The review link's verifier refuses any payload with a "k" member.

#include <cstdint>
#include <string>
#include <string_view>

#include "vouch/status.hpp"

namespace vouch::server::questions {

struct AnswerLink {
  std::string question_id;
  std::string product_id;
  std::string order_id;
  std::int64_t expires = 0;
};

std::string sign_answer_link(const AnswerLink& link, std::string_view secret);

// Shape, signature (constant time), purpose and expiry. The message is for
// logs and tests; the shopper only ever learns "not accepted".
Result<AnswerLink> verify_answer_link(std::string_view token, std::string_view secret,
                                      std::int64_t now);

}  // namespace vouch::server::questions
