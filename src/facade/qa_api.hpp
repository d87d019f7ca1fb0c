#pragma once
// The Q&A module's façade (issue 17), registered by src/wasm/bindings.cpp
// (part QA, vouch-qa.wasm) and tested natively: a QaList holding one product's
// questions, its rendering, the forms and the question/answer validator.
// Strings and value objects out; nothing here throws on hostile input.

#include <cstddef>
#include <cstdint>
#include <string>

#include "vouch/qa.hpp"

namespace vouch::facade {

// {ok, code, message, total, skipped}. code: "ok", "invalid_json" (not UTF-8
// or not JSON), "invalid_questions" (JSON that is not a questions list);
// message: "version: expected 1". skipped: broken rows left out (their first
// problem in `message` when ok).
struct QaLoad {
  bool ok = true;
  std::string code = "ok";
  std::string message;
  int total = 0;
  int skipped = 0;
};

// {html, total, shown} of the section for a search and a sort.
struct QaSection {
  std::string html;
  int total = 0;
  int shown = 0;
};

class QaList {
 public:
  // The questions JSON as bytes in wasm memory (_malloc + HEAPU8.set; the
  // caller frees). A failed load keeps the previous list.
  QaLoad load(std::uintptr_t pointer, std::size_t length);
  QaLoad load_text(const std::string& json);
  // `sort`: most_helpful | newest | most_answers; `locale` a BCP 47 tag;
  // `id_prefix` letters, digits, '-' (others become '-'); `can_answer`: show
  // "Answer this question" (the page has a signed answer link).
  QaSection render(const std::string& search, const std::string& sort, const std::string& locale,
                   const std::string& id_prefix, bool can_answer) const;
  int size() const { return static_cast<int>(list_.questions.size()); }
  // The answer id's question, "" when unknown (for the answer form's target).
  bool has_question(const std::string& id) const;

 private:
  QuestionList list_;
};

// The ask form (question_id "") or an answer form, sized by the policy JSON
// ("" = defaults; an invalid policy gives the defaults' form).
std::string render_qa_form(const std::string& policy_json, const std::string& question_id,
                           const std::string& locale, const std::string& id_prefix);

// The verdict JSON of qa_result_to_json for a question/answer JSON in wasm
// memory; a bad policy/context is an invalid_policy/invalid_context error, as
// validate_api.hpp answers for reviews.
std::string validate_question_bytes(std::uintptr_t pointer, std::size_t length,
                                    const std::string& policy_json, const std::string& context_json,
                                    const std::string& locale);
std::string validate_answer_bytes(std::uintptr_t pointer, std::size_t length,
                                  const std::string& policy_json, const std::string& context_json,
                                  const std::string& locale);
// String versions (native tests, golden files).
std::string validate_question_text(const std::string& json, const std::string& policy_json,
                                   const std::string& context_json, const std::string& locale);
std::string validate_answer_text(const std::string& json, const std::string& policy_json,
                                 const std::string& context_json, const std::string& locale);

// A string of the Q&A catalog ("qa_pending", "qa_failed", ...), not escaped:
// the shim sets it with textContent.
std::string qa_text(const std::string& key, const std::string& locale);

}  // namespace vouch::facade
