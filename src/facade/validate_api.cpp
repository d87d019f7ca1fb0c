// The validation façade (validate_api.hpp): JSON strings in, JSON strings out,
// every failure reported inside the answer.
#include "validate_api.hpp"

#include <nlohmann/json.hpp>

#include "answers.hpp"
#include "vouch/policy.hpp"
#include "vouch/text.hpp"
#include "vouch/validate.hpp"

namespace vouch::facade {

namespace {

using nlohmann::json;

std::string validate(std::string_view submission, const std::string& policy_json,
                     const std::string& context_json, const std::string& locale_tag) {
  const i18n::Locale locale = i18n::resolve_locale(locale_tag);
  const Result<Policy> policy = parse_policy(policy_json);
  if (!policy) return config_error_answer("policy", "invalid_policy", policy.error(), locale);
  const Result<ValidationContext> context = parse_context(context_json);
  if (!context) return config_error_answer("context", "invalid_context", context.error(), locale);
  return result_to_json(validate_submission_json(submission, policy.value(), context.value()),
                        locale);
}

}  // namespace

std::string validate_submission(const std::string& submission_json, const std::string& policy_json,
                                const std::string& context_json, const std::string& locale) {
  return validate(submission_json, policy_json, context_json, locale);
}

std::string validate_submission_bytes(std::uintptr_t submission_ptr, std::size_t submission_len,
                                      const std::string& policy_json,
                                      const std::string& context_json, const std::string& locale) {
  // The JS side owns the buffer (from _malloc) and frees it after the call.
  const char* bytes = reinterpret_cast<const char*>(submission_ptr);
  return validate(std::string_view(submission_len ? bytes : "", submission_len), policy_json,
                  context_json, locale);
}

std::string validation_message(const std::string& code, const std::string& params_json,
                               const std::string& locale) {
  i18n::Params params;
  if (!params_json.empty()) {
    const json doc = json::parse(params_json.begin(), params_json.end(), nullptr, false);
    if (doc.is_object()) {
      for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (const auto* s = it.value().get_ptr<const std::string*>())
          params.emplace_back(it.key(), *s);
        else if (it.value().is_number_integer())
          params.emplace_back(it.key(), it.value().dump());
      }
    }
  }
  return vouch::validation_message(code, params, i18n::resolve_locale(locale));
}

std::string default_policy_json() { return policy_to_json(default_policy()); }

std::uint32_t grapheme_count(const std::string& text) {
  return static_cast<std::uint32_t>(text::count_graphemes(text));
}

std::string truncate_graphemes(const std::string& text, std::uint32_t max_graphemes,
                               const std::string& ellipsis) {
  return text::truncate_graphemes(text, max_graphemes, ellipsis);
}

std::string text_fingerprint_json(const std::string& text) {
  return json(vouch::text_fingerprint(text)).dump();
}

}  // namespace vouch::facade
