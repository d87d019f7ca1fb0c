#pragma once
// The answer invitation (issue 17): the mail that asks a buyer of a product to
// answer a shopper's published question through a signed answer link. Pure
// C++, rendered with the request mail's layout and catalogue
// (request_mail.hpp): the same escaping, the same card, the same footer with
// the unsubscribe link, in the buyer's locale.
//
// Rating-blind and without any reward: it names the question and the product,
// one link to answer, why the buyer gets it, and how to stop such mails.

#include <string>

#include "vouch/i18n.hpp"
#include "vouch/request_mail.hpp"

namespace vouch::request_mail {

struct InviteMailInput {
  i18n::Locale locale = i18n::Locale::En;
  std::string store_name;
  std::string customer_name;  // "" = greeting without a name
  std::string product_name;   // the order's item name, else the product id
  std::string question_text;  // as published (line breaks kept in both parts)
  std::string answer_url;     // the signed answer link; not http(s) = no link
  std::string unsubscribe_url;
};

RenderedMail render_invite_mail(const InviteMailInput& input);

}  // namespace vouch::request_mail
