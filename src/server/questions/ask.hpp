#pragma once
// Use case: a shopper asks a question about a product. Like a review
// submission (app/submit.hpp): the same rate limits, the core's validator,
// then one transaction holding the question (always pending: a moderator or
// an answer publishes it), the asker's e-mail apart from it (answer notice
// only), its inbox item with the question clock, and the question.created
// webhook event.

#include <string>

#include "app.hpp"
#include "app/outcome.hpp"

namespace vouch::server::questions {

struct AskRequest {
  std::string product_id;
  std::string body_json;  // {"text", "author", "email"?, "consent", "elapsed_ms"}
  std::string ip;
  std::string language;  // the request's locale tag (for the answer notice), "" = unknown
};

struct Asked {
  std::string id;
  std::string status;  // "pending"
};

app::Outcome<Asked> submit_question(App& app, const AskRequest& request);

}  // namespace vouch::server::questions
