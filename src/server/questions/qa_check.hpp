#pragma once
// The one door from the server to the core's question and answer validator
// (vouch::validate_question / validate_answer, include/vouch/qa.hpp): the
// shopper's JSON body in, the cleaned text and author (or the field errors,
// as a 422 validation_failed Problem) out, plus the flags that may hold the
// entry for a moderator. The rules themselves live in the core only.

#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "vouch/validate.hpp"

namespace vouch::server::questions {

struct CheckedEntry {
  std::string text;
  std::string author;
  std::string email;  // questions: the asker's address for the notice, "" = none
  std::vector<Flag> flags;
};

// `recent_texts`: the product's recent questions (near-duplicate check).
app::Outcome<CheckedEntry> check_question_json(const App& app, const std::string& body_json,
                                               const std::vector<std::string>& recent_texts);
// `by_staff`: the store's own answer (its name is not an impersonation).
app::Outcome<CheckedEntry> check_answer_json(const App& app, const std::string& body_json,
                                             bool by_staff = false);

}  // namespace vouch::server::questions
