#pragma once
// The widget's Questions section as HTML (issue 17), rendered by the core like
// the reviews (vouch/render.hpp: the same escaping, <mark> highlighting and
// folding search). Only the Q&A wasm module (vouch-qa) and the server link it.
// No structured data here: QAPage markup belongs on a single question's page
// (/q/{id}), never on the widget.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/i18n.hpp"
#include "vouch/policy.hpp"
#include "vouch/qa.hpp"

namespace vouch::render {

// Sort ids of the section's menu, in menu order.
inline constexpr std::string_view kQaSortIds[] = {"most_helpful", "newest", "most_answers"};

struct QaView {
  std::string search;                 // "" = every question
  std::string sort = "most_helpful";  // a kQaSortIds id; anything else = most_helpful
};

struct QaOptions {
  i18n::Locale locale = i18n::Locale::En;
  std::string id_prefix = "v";  // unique ids when several widgets share a page
  bool can_answer = false;      // the shopper came with a signed answer link
};

// The order in which `view` shows the questions that match its search, as
// indexes into list.questions. most_helpful: the best answer's helpful votes,
// then newest; newest: created, newest first; most_answers: answer count,
// then newest. Ties keep the list's order.
std::vector<std::size_t> qa_order(const QuestionList& list, const QaView& view);

// Search box, sort menu, status line, the questions with their answers
// (badges, helpful votes: data-action="qa-vote" data-answer=<id>), "Answer"
// buttons when options.can_answer, the "Ask a question" button and the empty
// slot the forms go into.
struct QaRender {
  std::string html;
  std::uint32_t total = 0;  // questions in the list
  std::uint32_t shown = 0;  // questions matching the search
};
QaRender questions_section(const QuestionList& list, const QaView& view, const QaOptions& options);

// The ask form (question_id "") or the answer form of one question, sized by
// the policy (question/answer lengths, consent, honeypot).
std::string qa_form(const Policy& policy, std::string_view question_id, const QaOptions& options);

// A string of the Q&A catalog (qa_messages.cpp), formatted, NOT escaped.
std::string qa_ui(std::string_view key, const i18n::Params& params, i18n::Locale locale);

}  // namespace vouch::render
