#include "review_link.hpp"

#include <nlohmann/json.hpp>

#include "crypto.hpp"

namespace vouch::server {

using json = nlohmann::json;

std::string sign_review_link(const ReviewLink& link, std::string_view secret) {
  json payload = json::object();
  payload["p"] = link.product_id;
  payload["o"] = link.order_id;
  payload["e"] = link.expires;
  const std::string encoded =
      base64url_encode(payload.dump(-1, ' ', false, json::error_handler_t::replace));
  return encoded + "." + base64url_encode(hmac_sha256(secret, encoded));
}

Result<ReviewLink> verify_review_link(std::string_view token, std::string_view secret,
                                      std::int64_t now) {
  if (secret.empty()) return Error{"token", "no HMAC secret configured"};
  if (token.size() > 2048) return Error{"token", "too long"};
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || token.find('.', dot + 1) != std::string_view::npos) {
    return Error{"token", "expected payload.signature"};
  }
  const std::string_view encoded = token.substr(0, dot);
  const std::optional<std::string> signature = base64url_decode(token.substr(dot + 1));
  if (!signature) return Error{"token", "signature is not base64url"};
  if (!constant_time_equal(*signature, hmac_sha256(secret, encoded))) {
    return Error{"token", "signature mismatch"};
  }
  // Only a payload we signed ourselves gets parsed.
  const std::optional<std::string> payload_text = base64url_decode(encoded);
  if (!payload_text) return Error{"token", "payload is not base64url"};
  const json payload = json::parse(payload_text->begin(), payload_text->end(), nullptr, false);
  if (payload.is_discarded() || !payload.is_object())
    return Error{"token", "payload is not a JSON object"};
  // Links of another purpose (answer links: "k": "a") are never review links.
  if (payload.contains("k")) return Error{"token", "not a review link"};
  const auto product = payload.find("p");
  const auto order = payload.find("o");
  const auto expires = payload.find("e");
  if (product == payload.end() || !product->is_string() || order == payload.end() ||
      !order->is_string() || expires == payload.end() || !expires->is_number_integer()) {
    return Error{"token", "payload needs p (string), o (string), e (integer)"};
  }
  ReviewLink link;
  link.product_id = product->get_ref<const std::string&>();
  link.order_id = order->get_ref<const std::string&>();
  link.expires = expires->get<std::int64_t>();
  if (link.product_id.empty() || link.order_id.empty())
    return Error{"token", "empty product or order"};
  if (link.expires <= now) return Error{"token", "expired"};
  return link;
}

}  // namespace vouch::server
