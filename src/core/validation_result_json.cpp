// The verdict as JSON (the widget, the server's HTTP 422 body and the parity
// fixture all use this one encoding; docs/validation.md, "Result").
#include <algorithm>
#include <nlohmann/json.hpp>

#include "vouch/qa.hpp"
#include "vouch/validate.hpp"

namespace vouch {

namespace {

using nlohmann::json;

// Params are strings in the core; decimal integers go out as JSON numbers so
// clients can compare them without parsing.
json param_value(const std::string& value) {
  const bool integer = !value.empty() && value.size() <= 15 &&
                       value.find_first_not_of("0123456789") == std::string::npos &&
                       (value.size() == 1 || value[0] != '0');
  if (!integer) return json(value);
  std::int64_t number = 0;
  for (char c : value) number = number * 10 + (c - '0');  // <= 15 digits: no overflow
  return json(number);
}

json submission_json(const Submission& s) {
  json aspects = json::object();
  for (const SubmittedAspect& a : s.aspects) aspects[a.name] = a.value;
  json photos = json::array();
  for (const SubmittedPhoto& p : s.photos)
    photos.push_back({{"type", p.type}, {"bytes", p.bytes}, {"name", p.name}});
  return {
      {"rating", s.rating ? json(*s.rating) : json(nullptr)},
      {"title", s.title},
      {"body", s.body},
      {"author", s.author},
      {"email", s.email},
      {"aspects", std::move(aspects)},
      {"recommends", s.recommends ? json(*s.recommends) : json(nullptr)},
      {"consent", s.consent ? json(*s.consent) : json(nullptr)},
      {"language", s.language},
      {"photos", std::move(photos)},
  };
}

json qa_submission_json(const Submission& s) {
  return {{"text", s.body},
          {"author", s.author},
          {"email", s.email},
          {"consent", s.consent ? json(*s.consent) : json(nullptr)}};
}

// One encoding of the verdict; `normalized` writes the cleaned submission.
std::string verdict_json(const ValidationResult& result, i18n::Locale locale,
                         json (*normalized)(const Submission&)) {
  json errors = json::array();
  for (const FieldError& e : result.errors) {
    json params = json::object();
    for (const auto& [name, value] : e.params) params[name] = param_value(value);
    errors.push_back({{"field", e.field},
                      {"code", e.code},
                      {"params", std::move(params)},
                      {"message", validation_message(e.code, e.params, locale)}});
  }
  json flags = json::array();
  for (const Flag& f : result.flags) {
    flags.push_back({{"code", f.code},
                     {"field", f.field},
                     {"detail", f.detail},
                     {"message", validation_message(f.code, {}, locale)}});
  }
  // A submission that could not even be parsed has nothing to normalize.
  const bool parsed =
      result.ok || std::none_of(result.errors.begin(), result.errors.end(),
                                [](const FieldError& e) { return e.field.empty(); });
  const json doc = {{"ok", result.ok},
                    {"errors", std::move(errors)},
                    {"flags", std::move(flags)},
                    {"normalized", parsed ? normalized(result.normalized) : json(nullptr)}};
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string result_to_json(const ValidationResult& result, i18n::Locale locale) {
  return verdict_json(result, locale, submission_json);
}

// Questions and answers (vouch/qa.hpp): the text travels in Submission::body.
std::string qa_result_to_json(const ValidationResult& result, i18n::Locale locale) {
  return verdict_json(result, locale, qa_submission_json);
}

}  // namespace vouch
