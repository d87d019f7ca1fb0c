// The validator of a shopper's question or answer (vouch/qa.hpp): the same
// rule checks as a review's (validation_checker.hpp) on the fields a question
// or an answer has. Codes and shapes: docs/validation.md.
#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "validation_checker.hpp"
#include "vouch/qa.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

namespace {

using detail::Checker;
using detail::str;
using nlohmann::json;

enum class Kind { Question, Answer };

struct Parsed {
  std::string text;
  std::string author;
  std::string email;
  std::optional<bool> consent;
  std::string honeypot;
  std::int64_t elapsed_ms = -1;
};

void wrong_type(ValidationResult& result, const char* field, const char* expected) {
  result.errors.push_back({field, "wrong_type", {{"expected", expected}}});
}

void read_string(const json& doc, const char* key, std::string& out, ValidationResult& result) {
  const auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return;
  if (const auto* s = it->get_ptr<const std::string*>())
    out = *s;
  else
    wrong_type(result, key, "string");
}

// Reads the JSON into `parsed`; false (with the whole-input error in `result`)
// when it cannot be read at all. Wrong member types are errors in `result`.
bool parse(std::string_view text, Kind kind, const Policy& policy, Parsed& parsed,
           ValidationResult& result) {
  const auto whole = [&](std::string code, i18n::Params params = {}) {
    result.errors.push_back({"", std::move(code), std::move(params)});
    return false;
  };
  if (text.size() > detail::kMaxSubmissionBytes)
    return whole("too_large",
                 {{"max", str(detail::kMaxSubmissionBytes)}, {"actual", str(text.size())}});
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos)
    return whole("invalid_utf8", {{"offset", str(bad)}});
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return whole("invalid_json");
  if (!doc.is_object()) return whole("wrong_type");
  read_string(doc, "text", parsed.text, result);
  read_string(doc, "author", parsed.author, result);
  if (kind == Kind::Question) read_string(doc, "email", parsed.email, result);
  if (const auto it = doc.find("consent"); it != doc.end() && !it->is_null()) {
    if (const auto* b = it->get_ptr<const bool*>())
      parsed.consent = *b;
    else
      wrong_type(result, "consent", "boolean");
  }
  if (const auto it = doc.find("elapsed_ms"); it != doc.end() && !it->is_null()) {
    std::int64_t ms = 0;
    if (detail::integer_value(*it, ms))
      parsed.elapsed_ms = ms < 0 ? -1 : ms;
    else if (!it->is_number_unsigned())  // larger than int64: slow enough
      wrong_type(result, "elapsed_ms", "integer");
  }
  if (!policy.honeypot_field.empty()) {
    if (const auto it = doc.find(policy.honeypot_field); it != doc.end() && !it->is_null()) {
      // Bots fill every field with anything; a non-string counts as filled too.
      if (const auto* s = it->get_ptr<const std::string*>())
        parsed.honeypot = *s;
      else
        parsed.honeypot = it->dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }
  return true;
}

ValidationResult validate(std::string_view text, Kind kind, const Policy& policy,
                          const ValidationContext& given) {
  ValidationResult result;
  Parsed in;
  if (!parse(text, kind, policy, in, result)) return result;
  std::vector<FieldError> type_errors = std::move(result.errors);
  result.errors.clear();

  ValidationContext context = given;
  if (context.elapsed_ms < 0) context.elapsed_ms = in.elapsed_ms;
  // A question's e-mail only asks for a notice of the answer: never required.
  Policy rules = policy;
  rules.email_required = false;

  Checker check(rules, context, result);
  Submission& out = result.normalized;
  out.body = text::clean_text(in.text);
  check.length("text", out.body, kind == Kind::Question ? policy.question : policy.answer);
  check.author(in.author, out.author);
  if (kind == Kind::Question) check.email(in.email, out.email);
  out.consent = in.consent;
  check.consent(in.consent);
  if (text::has_bidi_control(out.body))
    check.flag("bidi_control", "text", "U+202A..U+202E/U+2066..U+2069");
  check.signals("text", out.body);
  if (std::string words = detail::find_profanity(out.author, policy); !words.empty())
    check.flag("profanity", "author", words);
  check.near_duplicate("text", out.body);
  check.form_only(in.honeypot);

  // As for reviews: a field with the wrong type reads as absent above, so its
  // "required" gives way to the wrong_type, which comes first.
  for (const FieldError& e : type_errors) {
    result.errors.erase(std::remove_if(result.errors.begin(), result.errors.end(),
                                       [&](const FieldError& other) {
                                         return other.field == e.field && other.code == "required";
                                       }),
                        result.errors.end());
  }
  result.errors.insert(result.errors.begin(), type_errors.begin(), type_errors.end());
  result.ok = result.errors.empty();
  return result;
}

}  // namespace

ValidationResult validate_question(std::string_view question_json, const Policy& policy,
                                   const ValidationContext& context) {
  return validate(question_json, Kind::Question, policy, context);
}

ValidationResult validate_answer(std::string_view answer_json, const Policy& policy,
                                 const ValidationContext& context) {
  return validate(answer_json, Kind::Answer, policy, context);
}

}  // namespace vouch
