#pragma once
// The JSON of questions and answers. Public shapes (CONTRACT, docs/api.md)
// carry published text only and never an e-mail: the asker's address is in
// another table that nothing here reads. The admin shapes add status, flags
// and who answered, and say only whether the asker asked to be told.

#include <string>
#include <vector>

#include "db.hpp"
#include "http_util.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

// GET /api/v1/products/{id}/questions: published questions with at least one
// published answer, newest first; answers oldest first.
Result<json> public_questions_json(Database& db, const std::string& product_id);

json public_answer_json(const StoredAnswer& answer);
json public_question_json(const StoredQuestion& question, const std::vector<StoredAnswer>& answers);

// The console's view: every answer, statuses and flags, `notify` true when
// the asker left an address (the address itself is never sent).
json admin_question_json(const StoredQuestion& question, const std::vector<StoredAnswer>& answers,
                         bool notify);
json admin_answer_json(const StoredAnswer& answer);

// The answer's author as shown: the store's name for a store answer.
std::string shown_author(const StoredAnswer& answer, const std::string& store_name);

}  // namespace vouch::server::questions
