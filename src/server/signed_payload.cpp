#include "signed_payload.hpp"

#include <optional>

#include "crypto.hpp"

namespace vouch::server {

using json = nlohmann::json;

namespace {

std::string mac(std::string_view secret, std::string_view purpose, std::string_view encoded) {
  return hmac_sha256(secret, std::string(purpose) + std::string(encoded));
}

}  // namespace

std::string sign_payload(const json& payload, std::string_view secret, std::string_view purpose) {
  const std::string encoded =
      base64url_encode(payload.dump(-1, ' ', false, json::error_handler_t::replace));
  return encoded + "." + base64url_encode(mac(secret, purpose, encoded));
}

Result<json> open_signed_payload(std::string_view token, std::string_view secret,
                                 std::string_view purpose, std::size_t max_length) {
  if (secret.empty()) return Error{"token", "no HMAC secret configured"};
  if (token.empty()) return Error{"token", "empty"};
  if (token.size() > max_length) return Error{"token", "too long"};
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || token.find('.', dot + 1) != std::string_view::npos)
    return Error{"token", "expected payload.signature"};
  const std::string_view encoded = token.substr(0, dot);
  const std::optional<std::string> signature = base64url_decode(token.substr(dot + 1));
  if (!signature) return Error{"token", "signature is not base64url"};
  if (!constant_time_equal(*signature, mac(secret, purpose, encoded)))
    return Error{"token", "signature mismatch"};
  // Only a payload we signed ourselves gets parsed.
  const std::optional<std::string> text = base64url_decode(encoded);
  if (!text) return Error{"token", "payload is not base64url"};
  json payload = json::parse(text->begin(), text->end(), nullptr, false);
  if (payload.is_discarded() || !payload.is_object())
    return Error{"token", "payload is not a JSON object"};
  return payload;
}

}  // namespace vouch::server
