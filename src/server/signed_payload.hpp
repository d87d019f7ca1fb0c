#pragma once
// The one signed-token format of the server (review links, answer links,
// unsubscribe links):
//   token = base64url(JSON object) "." base64url(HMAC-SHA256(secret, purpose + base64url(JSON)))
// `purpose` separates the families cryptographically where a family has one
// ("unsubscribe."); review and answer links keep the empty purpose they
// shipped with and tell each other apart by their "k" member.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "vouch/status.hpp"

namespace vouch::server {

std::string sign_payload(const nlohmann::json& payload, std::string_view secret,
                         std::string_view purpose = "");

// Checks length, shape and signature (constant time) before parsing anything;
// gives the JSON object the token carries. The message is for logs and tests.
Result<nlohmann::json> open_signed_payload(std::string_view token, std::string_view secret,
                                           std::string_view purpose = "",
                                           std::size_t max_length = 2048);

}  // namespace vouch::server
