#include "questions/answer_link.hpp"

#include <nlohmann/json.hpp>

#include "crypto.hpp"

namespace vouch::server::questions {

using json = nlohmann::json;

std::string sign_answer_link(const AnswerLink& link, std::string_view secret) {
  json payload = json::object();
  payload["k"] = "a";
  payload["q"] = link.question_id;
  payload["p"] = link.product_id;
  payload["o"] = link.order_id;
  payload["e"] = link.expires;
  const std::string encoded =
      base64url_encode(payload.dump(-1, ' ', false, json::error_handler_t::replace));
  return encoded + "." + base64url_encode(hmac_sha256(secret, encoded));
}

Result<AnswerLink> verify_answer_link(std::string_view token, std::string_view secret,
                                      std::int64_t now) {
  if (secret.empty()) return Error{"token", "no HMAC secret configured"};
  if (token.size() > 2048) return Error{"token", "too long"};
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || token.find('.', dot + 1) != std::string_view::npos)
    return Error{"token", "expected payload.signature"};
  const std::string_view encoded = token.substr(0, dot);
  const std::optional<std::string> signature = base64url_decode(token.substr(dot + 1));
  if (!signature) return Error{"token", "signature is not base64url"};
  if (!constant_time_equal(*signature, hmac_sha256(secret, encoded)))
    return Error{"token", "signature mismatch"};
  const std::optional<std::string> text = base64url_decode(encoded);
  if (!text) return Error{"token", "payload is not base64url"};
  const json payload = json::parse(text->begin(), text->end(), nullptr, false);
  if (payload.is_discarded() || !payload.is_object())
    return Error{"token", "payload is not a JSON object"};
  const auto kind = payload.find("k");
  if (kind == payload.end() || !kind->is_string() || *kind != "a")
    return Error{"token", "not an answer link"};
  AnswerLink link;
  for (auto [key, target] : {std::pair<const char*, std::string*>{"q", &link.question_id},
                             {"p", &link.product_id},
                             {"o", &link.order_id}}) {
    const auto it = payload.find(key);
    if (it == payload.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
      return Error{"token", std::string("payload needs a non-empty ") + key};
    *target = it->get<std::string>();
  }
  const auto expires = payload.find("e");
  if (expires == payload.end() || !expires->is_number_integer())
    return Error{"token", "payload needs e (integer)"};
  link.expires = expires->get<std::int64_t>();
  if (link.expires <= now) return Error{"token", "expired"};
  return link;
}

}  // namespace vouch::server::questions
