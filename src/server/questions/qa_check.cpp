#include "questions/qa_check.hpp"

#include "http_util.hpp"
#include "vouch/qa.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::questions {

namespace {

using app::Failure;

// Transport checks first, with the codes review submissions answer.
std::optional<app::Problem> unreadable(const std::string& body_json) {
  if (!utf8::is_valid(body_json))
    return app::problem(Failure::Malformed, "invalid_utf8", "body is not valid UTF-8");
  if (json_nesting_depth(body_json) > kMaxJsonDepth)
    return app::problem(Failure::Malformed, "invalid_json", "body nests too deeply");
  const json body = json::parse(body_json, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return app::problem(Failure::Malformed, "invalid_json", "body must be a JSON object");
  return std::nullopt;
}

app::Outcome<CheckedEntry> verdict_of(const ValidationResult& verdict, const char* what) {
  if (!verdict.ok) {
    app::Problem p = app::problem(Failure::Invalid, "validation_failed",
                                  std::string("the ") + what + " was not accepted; see errors");
    p.fields = verdict.errors;
    return p;
  }
  CheckedEntry entry;
  entry.text = verdict.normalized.body;
  entry.author = verdict.normalized.author;
  entry.email = verdict.normalized.email;
  entry.flags = verdict.flags;
  return entry;
}

}  // namespace

app::Outcome<CheckedEntry> check_question_json(const App& app, const std::string& body_json,
                                               const std::vector<std::string>& recent_texts) {
  if (std::optional<app::Problem> bad = unreadable(body_json)) return *bad;
  ValidationContext context;
  context.mode = ValidationMode::Form;
  context.store_name = app.config.store_name;
  context.existing_texts = recent_texts;
  return verdict_of(validate_question(body_json, app.policy, context), "question");
}

app::Outcome<CheckedEntry> check_answer_json(const App& app, const std::string& body_json,
                                             bool by_staff) {
  if (std::optional<app::Problem> bad = unreadable(body_json)) return *bad;
  ValidationContext context;
  // Staff write in the console (no form timing, the store's own name).
  context.mode = by_staff ? ValidationMode::Import : ValidationMode::Form;
  if (!by_staff) context.store_name = app.config.store_name;
  return verdict_of(validate_answer(body_json, app.policy, context), "answer");
}

}  // namespace vouch::server::questions
