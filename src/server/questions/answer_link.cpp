#include "questions/answer_link.hpp"

#include <nlohmann/json.hpp>

#include "signed_payload.hpp"

namespace vouch::server::questions {

using json = nlohmann::json;

std::string sign_answer_link(const AnswerLink& link, std::string_view secret) {
  return sign_payload({{"k", "a"},
                       {"q", link.question_id},
                       {"p", link.product_id},
                       {"o", link.order_id},
                       {"e", link.expires}},
                      secret);
}

Result<AnswerLink> verify_answer_link(std::string_view token, std::string_view secret,
                                      std::int64_t now) {
  Result<json> opened = open_signed_payload(token, secret);
  if (!opened) return opened.error();
  const json& payload = opened.value();
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
