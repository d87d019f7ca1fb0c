#include "requests/request_links.hpp"

#include <nlohmann/json.hpp>

#include "signed_payload.hpp"

namespace vouch::server::requests {

namespace {

using json = nlohmann::json;
// Its own MAC purpose: an unsubscribe token never verifies as a review or
// answer link, nor they as one.
constexpr std::string_view kPurpose = "unsubscribe.";

}  // namespace

std::string sign_unsubscribe(std::int64_t request_id, std::string_view secret) {
  return sign_payload({{"k", "u"}, {"r", request_id}}, secret, kPurpose);
}

namespace {

// The positive integer member `member` ("r" or "i") of an unsubscribe token.
std::optional<std::int64_t> unsubscribe_id(std::string_view token, std::string_view secret,
                                           const char* member) {
  Result<json> opened = open_signed_payload(token, secret, kPurpose, 512);
  if (!opened) return std::nullopt;
  const json& payload = opened.value();
  const auto kind = payload.find("k");
  const auto id = payload.find(member);
  if (kind == payload.end() || *kind != "u" || id == payload.end() || !id->is_number_integer())
    return std::nullopt;
  const std::int64_t value = id->get<std::int64_t>();
  if (value <= 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> verify_unsubscribe(std::string_view token, std::string_view secret) {
  return unsubscribe_id(token, secret, "r");
}

std::string sign_invite_unsubscribe(std::int64_t invite_id, std::string_view secret) {
  return sign_payload({{"k", "u"}, {"i", invite_id}}, secret, kPurpose);
}

std::optional<std::int64_t> verify_invite_unsubscribe(std::string_view token,
                                                      std::string_view secret) {
  return unsubscribe_id(token, secret, "i");
}

std::string percent_encode(std::string_view text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '.' || u == '_' || u == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

std::string star_link(const std::string& public_url, std::int64_t request_id,
                      const std::string& product_id, int rating, const std::string& review_token) {
  return public_url + "/api/v1/requests/" + std::to_string(request_id) +
         "/click?product=" + percent_encode(product_id) + "&rating=" + std::to_string(rating) +
         "&token=" + percent_encode(review_token);
}

std::string unsubscribe_link(const std::string& public_url, const std::string& token) {
  return public_url + "/api/v1/unsubscribe/" + token;
}

std::string landing_url(const std::string& url, const std::string& review_token, int rating) {
  const std::size_t hash = url.find('#');
  std::string base = url.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : url.substr(hash);
  base += base.find('?') == std::string::npos ? '?' : '&';
  base +=
      "review_token=" + percent_encode(review_token) + "&vouch_rating=" + std::to_string(rating);
  return base + fragment;
}

}  // namespace vouch::server::requests
