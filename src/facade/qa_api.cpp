// The Q&A façade (qa_api.hpp).
#include "qa_api.hpp"

#include <nlohmann/json.hpp>

#include "answers.hpp"
#include "vouch/qa_render.hpp"

namespace vouch::facade {

namespace {

using nlohmann::json;

using Validator = ValidationResult (*)(std::string_view, const Policy&, const ValidationContext&);

std::string validate(Validator validator, std::string_view text, const std::string& policy_json,
                     const std::string& context_json, const std::string& locale_tag) {
  const i18n::Locale locale = i18n::resolve_locale(locale_tag);
  const Result<Policy> policy = parse_policy(policy_json);
  if (!policy) return config_error_answer("policy", "invalid_policy", policy.error(), locale);
  const Result<ValidationContext> context = parse_context(context_json);
  if (!context) return config_error_answer("context", "invalid_context", context.error(), locale);
  return qa_result_to_json(validator(text, policy.value(), context.value()), locale);
}

std::string_view bytes(std::uintptr_t pointer, std::size_t length) {
  return std::string_view(length ? reinterpret_cast<const char*>(pointer) : "", length);
}

}  // namespace

QaLoad QaList::load_text(const std::string& text) {
  QaLoad out;
  Result<QuestionListRead> read = parse_question_list(text);
  if (!read) {
    out.ok = false;
    out.code = read.error().kind == ErrorKind::Syntax ? "invalid_json" : "invalid_questions";
    out.message = read.error().to_string();
    return out;
  }
  list_ = std::move(read.value().list);
  out.total = static_cast<int>(list_.questions.size());
  out.skipped = static_cast<int>(read.value().skipped.size());
  if (!read.value().skipped.empty()) out.message = read.value().skipped.front().to_string();
  return out;
}

QaLoad QaList::load(std::uintptr_t pointer, std::size_t length) {
  return load_text(std::string(bytes(pointer, length)));
}

QaSection QaList::render(const std::string& search, const std::string& sort,
                         const std::string& locale, const std::string& id_prefix,
                         bool can_answer) const {
  render::QaView view;
  view.search = search.substr(0, 200);
  view.sort = sort;
  render::QaOptions options;
  options.locale = i18n::resolve_locale(locale);
  options.id_prefix = sanitize_id_prefix(id_prefix);
  options.can_answer = can_answer;
  const render::QaRender r = render::questions_section(list_, view, options);
  return QaSection{r.html, static_cast<int>(r.total), static_cast<int>(r.shown)};
}

bool QaList::has_question(const std::string& id) const {
  for (const Question& q : list_.questions)
    if (q.id == id) return true;
  return false;
}

std::string render_qa_form(const std::string& policy_json, const std::string& question_id,
                           const std::string& locale, const std::string& id_prefix) {
  const Result<Policy> policy = parse_policy(policy_json);
  render::QaOptions options;
  options.locale = i18n::resolve_locale(locale);
  options.id_prefix = sanitize_id_prefix(id_prefix);
  return render::qa_form(policy ? policy.value() : default_policy(), question_id, options);
}

std::string validate_question_bytes(std::uintptr_t pointer, std::size_t length,
                                    const std::string& policy_json, const std::string& context_json,
                                    const std::string& locale) {
  return validate(validate_question, bytes(pointer, length), policy_json, context_json, locale);
}

std::string validate_answer_bytes(std::uintptr_t pointer, std::size_t length,
                                  const std::string& policy_json, const std::string& context_json,
                                  const std::string& locale) {
  return validate(validate_answer, bytes(pointer, length), policy_json, context_json, locale);
}

std::string validate_question_text(const std::string& text, const std::string& policy_json,
                                   const std::string& context_json, const std::string& locale) {
  return validate(validate_question, text, policy_json, context_json, locale);
}

std::string validate_answer_text(const std::string& text, const std::string& policy_json,
                                 const std::string& context_json, const std::string& locale) {
  return validate(validate_answer, text, policy_json, context_json, locale);
}

std::string qa_text(const std::string& key, const std::string& locale) {
  return render::qa_ui(key, {}, i18n::resolve_locale(locale));
}

}  // namespace vouch::facade
