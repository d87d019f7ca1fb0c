// The Questions section (vouch/qa_render.hpp): search over questions and
// answers with the reviews' folding search, the three sorts, the cards, the
// ask/answer forms. Every store or shopper value goes through append_escaped.
#include <algorithm>

#include "render_util.hpp"
#include "search_index.hpp"
#include "vouch/qa_render.hpp"
#include "vouch/render.hpp"

namespace vouch::render {

namespace {

using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// The text escaped with the search's matches in <mark> (ranges from
// find_highlights: sorted, merged, inside the text).
void append_marked(std::string& out, std::string_view text, const Ranges& marks) {
  std::size_t pos = 0;
  for (const auto& [raw_begin, raw_end] : marks) {
    const std::size_t begin =
        std::max<std::size_t>(pos, std::min<std::size_t>(raw_begin, text.size()));
    const std::size_t end = std::min<std::size_t>(raw_end, text.size());
    if (end <= begin) continue;
    append_escaped(out, text.substr(pos, begin - pos));
    out += "<mark>";
    append_escaped(out, text.substr(begin, end - begin));
    out += "</mark>";
    pos = end;
  }
  append_escaped(out, text.substr(pos));
}

Ranges marks_in(std::string_view text, const detail::SearchTerms& terms) {
  Ranges out;
  if (!terms.empty()) detail::find_highlights(text, terms, out);
  return out;
}

// Every unit of the search matches the question or one of its answers.
bool matches(const Question& q, const detail::SearchTerms& terms) {
  for (const detail::SearchUnit& unit : terms.units) {
    detail::SearchTerms one = terms;
    one.units = {unit};
    bool found = !marks_in(q.text, one).empty();
    for (std::size_t i = 0; !found && i < q.answers.size(); ++i)
      found = !marks_in(q.answers[i].text, one).empty();
    if (!found) return false;
  }
  return true;
}

std::uint32_t best_helpful(const Question& q) {
  std::uint32_t best = 0;
  for (const Answer& a : q.answers) best = std::max(best, a.helpful);
  return best;
}

// Answers: the store's first, then the most helpful, then the oldest.
std::vector<std::size_t> answer_order(const Question& q) {
  std::vector<std::size_t> order(q.answers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Answer& a = q.answers[x];
    const Answer& b = q.answers[y];
    const bool sa = a.badge == AnswerBadge::Store, sb = b.badge == AnswerBadge::Store;
    if (sa != sb) return sa;
    if (a.helpful != b.helpful) return a.helpful > b.helpful;
    return a.created < b.created;
  });
  return order;
}

void append_date(std::string& out, std::int64_t created) {
  const std::string date = iso_date(created);
  out += "<time class=\"v-date\" datetime=\"" + date + "\">" + date + "</time>";
}

void append_text(std::string& out, const char* key, const i18n::Params& params,
                 i18n::Locale locale) {
  append_escaped(out, qa_ui(key, params, locale));
}

void append_answer(std::string& out, const Answer& a, const std::string& describe_id,
                   const detail::SearchTerms& terms, const QaOptions& options) {
  out += "<li class=\"v-answer\"";
  open_hook(out, dom::hook::kAnswer);
  append_escaped(out, a.id);
  out += "\"><p class=\"v-text\" dir=\"auto\">";
  append_marked(out, a.text, marks_in(a.text, terms));
  out += "</p><p class=\"v-meta\"><bdi class=\"v-author\">";
  append_escaped(out, a.author);
  out += "</bdi> ";
  append_date(out, a.created);
  out += "</p>";
  if (a.badge != AnswerBadge::None) {
    const bool store = a.badge == AnswerBadge::Store;
    out += "<ul class=\"v-badges\"><li class=\"v-badge v-badge-";
    out += store ? "store" : "verified";
    out += "\">";
    append_text(out, store ? "qa_badge_store" : "qa_badge_verified", {}, options.locale);
    out += "</li></ul>";
  }
  out += "<div class=\"v-actions\"><span class=\"v-helpful-q\" id=\"";
  append_escaped(out, describe_id);
  out += "\">";
  append_text(out, "qa_helpful", {}, options.locale);
  out += "</span> <button type=\"button\" class=\"v-small\"";
  append_action(out, dom::action::kQaVote);
  open_hook(out, dom::hook::kValue);
  out += "up\"";
  open_hook(out, dom::hook::kAnswer);
  append_escaped(out, a.id);
  out += "\" aria-describedby=\"";
  append_escaped(out, describe_id);
  out += "\">";
  append_text(out, "qa_helpful_yes", {{"count", number_text(a.helpful)}}, options.locale);
  out += "</button></div></li>";
}

void append_question(std::string& out, const Question& q, std::size_t index,
                     const detail::SearchTerms& terms, const QaOptions& options) {
  const std::string base = options.id_prefix + "-qa-" + number_text(index);
  out += "<li class=\"v-question\" id=\"";
  append_escaped(out, base);
  out += '"';
  open_hook(out, dom::hook::kQuestion);
  append_escaped(out, q.id);
  out += "\"><h3 class=\"v-q-text\" dir=\"auto\"><span class=\"v-sr\">";
  append_text(out, "qa_question_label", {}, options.locale);
  out += ": </span>";
  append_marked(out, q.text, marks_in(q.text, terms));
  out += "</h3><p class=\"v-meta\"><bdi class=\"v-author\">";
  append_escaped(out, q.author);
  out += "</bdi> ";
  append_date(out, q.created);
  out += " <span class=\"v-q-count\">";
  append_text(out, "qa_answer_count", {{"count", number_text(q.answers.size())}}, options.locale);
  out += "</span></p><ul class=\"v-answers\">";
  const std::vector<std::size_t> order = answer_order(q);
  for (std::size_t k = 0; k < order.size(); ++k)
    append_answer(out, q.answers[order[k]], base + "-h" + number_text(k), terms, options);
  out += "</ul>";
  if (options.can_answer) {
    out += "<button type=\"button\" class=\"v-small\"";
    append_action(out, dom::action::kQaAnswer);
    open_hook(out, dom::hook::kQuestion);
    append_escaped(out, q.id);
    out += "\">";
    append_text(out, "qa_answer", {}, options.locale);
    out += "</button><div class=\"v-qa-slot\"";
    open_hook(out, dom::hook::kAnswerSlot);
    append_escaped(out, q.id);
    out += "\"></div>";
  }
  out += "</li>";
}

void append_field(std::string& out, const std::string& id, const char* label_key,
                  const std::string& hint, const char* control, const QaOptions& options) {
  out += "<div class=\"v-field\"><label for=\"";
  append_escaped(out, id);
  out += "\">";
  append_text(out, label_key, {}, options.locale);
  out += "</label>";
  if (!hint.empty()) {
    out += "<span class=\"v-hint\" id=\"";
    append_escaped(out, id + "-hint");
    out += "\">";
    append_escaped(out, hint);
    out += "</span>";
  }
  out += control;
  out += "<p class=\"v-error\" id=\"";
  append_escaped(out, id + "-error");
  out += "\" hidden></p></div>";
}

}  // namespace

std::vector<std::size_t> qa_order(const QuestionList& list, const QaView& view) {
  const detail::SearchTerms terms = detail::parse_search(view.search);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < list.questions.size(); ++i)
    if (terms.empty() || matches(list.questions[i], terms)) order.push_back(i);
  const auto& qs = list.questions;
  const auto newer = [&](std::size_t x, std::size_t y) { return qs[x].created > qs[y].created; };
  if (view.sort == "newest") {
    std::stable_sort(order.begin(), order.end(), newer);
  } else if (view.sort == "most_answers") {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      if (qs[x].answers.size() != qs[y].answers.size())
        return qs[x].answers.size() > qs[y].answers.size();
      return newer(x, y);
    });
  } else {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      const std::uint32_t hx = best_helpful(qs[x]), hy = best_helpful(qs[y]);
      if (hx != hy) return hx > hy;
      return newer(x, y);
    });
  }
  return order;
}

QaRender questions_section(const QuestionList& list, const QaView& view, const QaOptions& options) {
  QaRender r;
  r.total = static_cast<std::uint32_t>(list.questions.size());
  const detail::SearchTerms terms = detail::parse_search(view.search);
  const std::vector<std::size_t> order = qa_order(list, view);
  r.shown = static_cast<std::uint32_t>(order.size());
  const std::string& p = options.id_prefix;
  std::string& out = r.html;
  out += "<section class=\"v-qa\" aria-labelledby=\"";
  append_escaped(out, p + "-qa-heading");
  out += "\"><h2 class=\"v-qa-heading\" id=\"";
  append_escaped(out, p + "-qa-heading");
  out += "\">";
  append_text(out, "qa_heading", {}, options.locale);
  out += "</h2>";
  if (r.total > 0) {
    out += "<div class=\"v-qa-controls\"><label for=\"";
    append_escaped(out, p + "-qa-search");
    out += "\">";
    append_text(out, "qa_search", {}, options.locale);
    out += "</label><input type=\"search\" id=\"";
    append_escaped(out, p + "-qa-search");
    out += '"';
    append_action(out, dom::action::kQaSearch);
    out += " maxlength=\"200\" value=\"";
    append_escaped(out, view.search);
    out += "\"> <label for=\"";
    append_escaped(out, p + "-qa-sort");
    out += "\">";
    append_text(out, "qa_sort", {}, options.locale);
    out += "</label><select id=\"";
    append_escaped(out, p + "-qa-sort");
    out += '"';
    append_action(out, dom::action::kQaSort);
    out += ">";
    const bool known =
        std::find(std::begin(kQaSortIds), std::end(kQaSortIds), view.sort) != std::end(kQaSortIds);
    for (std::string_view id : kQaSortIds) {
      out += "<option value=\"";
      out += id;
      out += "\"";
      if (id == view.sort || (!known && id == kQaSortIds[0])) out += " selected";
      out += ">";
      append_text(out, ("qa_sort_" + std::string(id)).c_str(), {}, options.locale);
      out += "</option>";
    }
    out += "</select></div>";
  }
  out += "<p class=\"v-qa-status\" role=\"status\">";
  if (r.total == 0)
    append_text(out, "qa_empty", {}, options.locale);
  else if (r.shown == 0)
    append_text(out, "qa_none_match", {}, options.locale);
  else
    append_text(out, "qa_count", {{"count", number_text(r.shown)}}, options.locale);
  out += "</p>";
  if (!order.empty()) {
    out += "<ol class=\"v-qa-list\">";
    for (std::size_t i : order) append_question(out, list.questions[i], i, terms, options);
    out += "</ol>";
  }
  out += "<button type=\"button\" class=\"v-button\"";
  append_action(out, dom::action::kQaAsk);
  out += " aria-expanded=\"false\" aria-controls=\"";
  append_escaped(out, p + "-qa-ask-slot");
  out += "\">";
  append_text(out, "qa_ask", {}, options.locale);
  out += "</button><div class=\"v-qa-slot\" id=\"";
  append_escaped(out, p + "-qa-ask-slot");
  out += "\"></div></section>";
  return r;
}

std::string qa_form(const Policy& policy, std::string_view question_id, const QaOptions& options) {
  const bool ask = question_id.empty();
  const LengthRule& rule = ask ? policy.question : policy.answer;
  const std::string f = options.id_prefix + (ask ? "-qa-ask" : "-qa-ans");
  std::string out = "<form class=\"v-qa-form\" novalidate";
  open_hook(out, dom::hook::kKind);
  out += ask ? "question" : "answer";
  out += "\"";
  if (!ask) {
    open_hook(out, dom::hook::kQuestion);
    append_escaped(out, question_id);
    out += "\"";
  }
  out += ">";
  // The text: counted in grapheme clusters by the core, as the server counts.
  std::string control = "<textarea id=\"" + escape(f + "-text") + "\"";
  append_field_name(control, dom::field::kText);
  control += " rows=\"3\" required aria-describedby=\"" + escape(f + "-text-hint") + " " +
             escape(f + "-text-error") + "\"></textarea>";
  append_field(
      out, f + "-text", ask ? "qa_field_question" : "qa_field_answer",
      qa_ui("qa_length_hint", {{"min", number_text(rule.min)}, {"max", number_text(rule.max)}},
            options.locale),
      control.c_str(), options);
  control = "<input id=\"" + escape(f + "-author") + "\"";
  append_field_name(control, dom::field::kAuthor);
  control += " autocomplete=\"nickname\" required aria-describedby=\"" +
             escape(f + "-author-error") + "\">";
  append_field(out, f + "-author", "qa_field_author", "", control.c_str(), options);
  if (ask) {
    control = "<input id=\"" + escape(f + "-email") + "\"";
    append_field_name(control, dom::field::kEmail);
    control += " type=\"email\" autocomplete=\"email\" aria-describedby=\"" +
               escape(f + "-email-error") + "\">";
    append_field(out, f + "-email", "qa_field_email", "", control.c_str(), options);
  }
  if (policy.consent_required) {
    out += "<div class=\"v-field v-check\"><input type=\"checkbox\"";
    append_field_name(out, dom::field::kConsent);
    out += " id=\"";
    append_escaped(out, f + "-consent");
    out += "\" required aria-describedby=\"";
    append_escaped(out, f + "-consent-error");
    out += "\"><label for=\"";
    append_escaped(out, f + "-consent");
    out += "\">";
    append_text(out, "qa_field_consent", {}, options.locale);
    out += "</label><p class=\"v-error\" id=\"";
    append_escaped(out, f + "-consent-error");
    out += "\" hidden></p></div>";
  }
  if (!policy.honeypot_field.empty()) {
    // Hidden from people and assistive technology; bots fill it.
    out += "<div class=\"v-hp\" aria-hidden=\"true\"><label>";
    append_text(out, "qa_honeypot", {}, options.locale);
    out += " <input name=\"";
    append_escaped(out, policy.honeypot_field);
    out += "\" tabindex=\"-1\" autocomplete=\"off\"></label></div>";
  }
  out +=
      "<p class=\"v-error v-form-error\" role=\"alert\" hidden></p><div class=\"v-form-actions\">"
      "<button type=\"submit\" class=\"v-button\">";
  append_text(out, "qa_send", {}, options.locale);
  out += "</button> <button type=\"button\" class=\"v-link\"";
  append_action(out, dom::action::kQaCancel);
  out += ">";
  append_text(out, "qa_cancel", {}, options.locale);
  out += "</button></div></form>";
  return out;
}

}  // namespace vouch::render
