// The submission validator: structure, text hygiene, impersonation, e-mail,
// photos, then the spam/abuse flags. Rules and codes: docs/validation.md.
// Deliberately, nothing below reads `rating` except the range check (FTC 16 CFR 465).
#include "vouch/validate.hpp"

#include <algorithm>
#include <string>

#include "content_signals.hpp"
#include "validation_checker.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

using detail::Checker;
using detail::kMaxSubmissionBytes;
using detail::str;

bool holds_for_moderation(const std::vector<Flag>& flags) {
  return std::any_of(flags.begin(), flags.end(),
                     [](const Flag& f) { return f.code != "too_fast"; });
}

ValidationResult validate_submission(const Submission& s, const Policy& policy,
                                     const ValidationContext& context) {
  ValidationResult result;
  Checker check(policy, context, result);
  Submission& out = result.normalized;
  out.rating = s.rating;
  out.recommends = s.recommends;
  out.aspects = s.aspects;
  out.photos = s.photos;

  check.rating(s.rating);
  out.title = text::clean_line(s.title);
  check.length("title", out.title, policy.title);
  out.body = text::clean_text(s.body);
  check.length("body", out.body, policy.body);
  check.author(s.author, out.author);
  check.email(s.email, out.email);
  check.language(s.language, out.language);
  out.consent = s.consent;
  check.consent(s.consent);
  check.aspects(s.aspects);
  check.photos(s.photos);

  // Bidi controls in free text are kept (they can be legitimate in RTL writing)
  // but sent to moderation; the widget isolates every text with <bdi>/dir=auto.
  if (text::has_bidi_control(out.title))
    check.flag("bidi_control", "title", "U+202A..U+202E/U+2066..U+2069");
  if (text::has_bidi_control(out.body))
    check.flag("bidi_control", "body", "U+202A..U+202E/U+2066..U+2069");
  check.signals("title", out.title);
  check.signals("body", out.body);
  if (std::string words = detail::find_profanity(out.author, policy); !words.empty())
    check.flag("profanity", "author", words);
  check.near_duplicate("body", out.body);
  check.form_only(s.honeypot);
  result.ok = result.errors.empty();
  return result;
}

ValidationResult validate_submission_json(std::string_view json, const Policy& policy,
                                          const ValidationContext& context) {
  ValidationResult result;
  if (json.size() > kMaxSubmissionBytes) {
    result.errors.push_back(
        {"", "too_large", {{"max", str(kMaxSubmissionBytes)}, {"actual", str(json.size())}}});
    return result;
  }
  if (const std::size_t bad = utf8::first_invalid(json); bad != std::string_view::npos) {
    result.errors.push_back({"", "invalid_utf8", {{"offset", str(bad)}}});
    return result;
  }
  std::vector<FieldError> type_errors;
  Result<Submission> parsed = parse_submission(json, policy, &type_errors);
  if (!parsed) {
    result.errors.push_back({"", parsed.error().message, {}});
    return result;
  }
  result = validate_submission(parsed.value(), policy, context);
  // Wrong types come first: a field with the wrong type reads as absent above,
  // so drop the "required" that absence caused for the same field.
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

}  // namespace vouch
