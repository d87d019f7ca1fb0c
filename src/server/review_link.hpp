#pragma once
// Verified-buyer review links. After an order the store's backend signs
//   payload = {"p": product id, "o": order id, "e": expiry (Unix seconds)}
//   token   = base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))
// and e-mails a link carrying the token. A submission with a valid, unexpired,
// unused token becomes a "verified purchase"; anything else silently stays
// unverified (the shopper learns nothing about why, an attacker nothing either).

#include <cstdint>
#include <string>
#include <string_view>

#include "vouch/status.hpp"

namespace vouch::server {

struct ReviewLink {
  std::string product_id;
  std::string order_id;
  std::int64_t expires = 0;
};

std::string sign_review_link(const ReviewLink& link, std::string_view secret);

// Checks shape, signature (constant time) and expiry against `now`. The error
// message is for logs and tests only; never send it to the client.
Result<ReviewLink> verify_review_link(std::string_view token, std::string_view secret,
                                      std::int64_t now);

}  // namespace vouch::server
