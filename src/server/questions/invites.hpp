#pragma once
// Invitations of verified buyers to answer a published question: one signed
// answer link per order this server has seen a signed review link for
// (verified_orders), listed in the console to copy until review requests
// send them by e-mail. The link points at the product page the config names
// (questions.product_url) with ?vouch_answer=<token>#vouch-answer=<question id>.

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"

namespace vouch::server::questions {

struct Invite {
  std::string order_id;
  std::string author;  // the name on the buyer's review
  std::string token;
  std::string url;  // "" when no product_url is configured
  std::int64_t expires = 0;
};

inline constexpr std::int64_t kMaxInvites = 200;

// 409 question_not_published for a question that is not published; 409
// no_hmac_secret when links cannot be signed.
app::Outcome<std::vector<Invite>> invite_links(App& app, const std::string& question_id);

// The product's page (questions.product_url with the encoded id; "" without).
std::string product_page_url(const App& app, const std::string& product_id);

// The product page URL of the answer link ("" without questions.product_url).
std::string answer_link_url(const App& app, const std::string& product_id,
                            const std::string& question_id, const std::string& token);

}  // namespace vouch::server::questions
