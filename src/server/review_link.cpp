#include "review_link.hpp"

#include <nlohmann/json.hpp>

#include "signed_payload.hpp"

namespace vouch::server {

using json = nlohmann::json;

std::string sign_review_link(const ReviewLink& link, std::string_view secret) {
  return sign_payload({{"p", link.product_id}, {"o", link.order_id}, {"e", link.expires}}, secret);
}

Result<ReviewLink> verify_review_link(std::string_view token, std::string_view secret,
                                      std::int64_t now) {
  Result<json> opened = open_signed_payload(token, secret);
  if (!opened) return opened.error();
  const json& payload = opened.value();
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
