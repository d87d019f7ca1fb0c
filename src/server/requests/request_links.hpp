#pragma once
// The links a request mail carries (docs/review-requests.md):
//   star link    {public_url}/api/v1/requests/{id}/click?product=P&rating=N&token=T
//                T is the review link token of review_link.hpp (product + order),
//                so the review it leads to becomes a verified purchase;
//   unsubscribe  {public_url}/api/v1/unsubscribe/{U}
//                U = base64url({"k":"u","r":request id}) "." base64url(HMAC-SHA256(
//                secret, "unsubscribe." + payload)): its own purpose tag, so a review
//                token is never an unsubscribe token and the other way round.
//                An answer invitation (question_invites row I) signs {"k":"u","i":I}
//                instead: the same route, the same unsubscribes table.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vouch::server::requests {

std::string sign_unsubscribe(std::int64_t request_id, std::string_view secret);
// The request id, or nullopt for anything we did not sign (checked in constant time).
std::optional<std::int64_t> verify_unsubscribe(std::string_view token, std::string_view secret);
// The same for an answer invitation's row (question_invites.id); a request's
// token is not an invitation's, nor the other way round.
std::string sign_invite_unsubscribe(std::int64_t invite_id, std::string_view secret);
std::optional<std::int64_t> verify_invite_unsubscribe(std::string_view token,
                                                      std::string_view secret);

std::string star_link(const std::string& public_url, std::int64_t request_id,
                      const std::string& product_id, int rating, const std::string& review_token);
std::string unsubscribe_link(const std::string& public_url, const std::string& token);

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string percent_encode(std::string_view text);

// `url` with review_token and vouch_rating added to its query (before a fragment).
std::string landing_url(const std::string& url, const std::string& review_token, int rating);

}  // namespace vouch::server::requests
