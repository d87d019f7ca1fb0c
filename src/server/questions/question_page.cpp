#include "questions/question_page.hpp"

#include "http_util.hpp"
#include "questions/invites.hpp"
#include "questions/qa_messages.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::questions {

namespace {

using render::escape;

std::string day_of(std::int64_t seconds) { return format_utc(seconds).substr(0, 10); }

json person(const StoredAnswer& a, const App& app) {
  if (a.badge == "store") return {{"@type", "Organization"}, {"name", app.config.store_name}};
  return {{"@type", "Person"}, {"name", a.author}};
}

json answer_ld(const App& app, const StoredQuestion& q, const StoredAnswer& a) {
  return {{"@type", "Answer"},           {"text", a.text},
          {"author", person(a, app)},    {"datePublished", format_utc(a.created)},
          {"upvoteCount", a.helpful_up}, {"url", question_page_url(app, q.id) + "#" + a.id}};
}

// After dump: nothing in the JSON can close the script element or open a comment.
std::string script_safe(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string question_links(const App& app, const std::string& product_id, i18n::Locale locale) {
  Result<std::vector<StoredQuestion>> answered = answered_questions(*app.db, product_id);
  if (!answered || answered.value().empty()) return "";
  std::string html = "<nav class=\"vouch-qa-links\" aria-label=\"";
  html += escape(qa_text("fragment_link", locale));
  html += "\">\n<h2>";
  html += escape(qa_text("fragment_link", locale));
  html += "</h2>\n<ul>\n";
  for (const StoredQuestion& q : answered.value()) {
    html += "<li><a href=\"";
    html += escape(question_page_url(app, q.id));
    html += "\">";
    html += escape(q.text);
    html += "</a></li>\n";
  }
  html += "</ul>\n</nav>\n";
  return html;
}

std::string question_page_url(const App& app, const std::string& question_id) {
  return app.config.public_url + "/q/" + question_id;
}

std::string qa_page_json_ld(const App& app, const StoredQuestion& q,
                            const std::vector<StoredAnswer>& answers) {
  json question = {{"@type", "Question"},
                   {"name", q.text},
                   {"text", q.text},
                   {"answerCount", answers.size()},
                   {"datePublished", format_utc(q.created)},
                   {"author", {{"@type", "Person"}, {"name", q.author}}}};
  json suggested = json::array();
  bool accepted = false;
  for (const StoredAnswer& a : answers) {
    // The store's first answer is the accepted one; every other is suggested.
    if (!accepted && a.badge == "store") {
      question["acceptedAnswer"] = answer_ld(app, q, a);
      accepted = true;
    } else {
      suggested.push_back(answer_ld(app, q, a));
    }
  }
  if (!suggested.empty()) question["suggestedAnswer"] = suggested;
  const json page = {
      {"@context", "https://schema.org"}, {"@type", "QAPage"}, {"mainEntity", question}};
  return script_safe(dump_json(page));
}

std::string render_question_page(const App& app, const StoredQuestion& q,
                                 const std::vector<StoredAnswer>& answers, i18n::Locale locale) {
  const std::string& store = app.config.store_name;
  const std::string asker = q.author.empty() ? qa_text("anonymous", locale) : q.author;
  std::string html = "<!doctype html>\n<html lang=\"";
  html += escape(i18n::locale_tag(locale));
  html +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  html += escape(qa_text("page_title", locale, {{"product", q.product_id}, {"store", store}}));
  html += "</title>\n<link rel=\"canonical\" href=\"";
  html += escape(question_page_url(app, q.id));
  html += "\">\n<script type=\"application/ld+json\">";
  html += qa_page_json_ld(app, q, answers);
  html += "</script>\n</head>\n<body>\n<main class=\"vouch-qa-page\">\n<article>\n<h1>";
  html += escape(q.text);
  html += "</h1>\n<p class=\"vouch-qa-asked\">";
  html += escape(qa_text("asked_by", locale, {{"author", asker}, {"date", day_of(q.created)}}));
  html += "</p>\n<h2>";
  html += escape(qa_text("answer_count", locale, {{"count", std::to_string(answers.size())}}));
  html += "</h2>\n<ol class=\"vouch-qa-answers\">\n";
  for (const StoredAnswer& a : answers) {
    html += "<li id=\"";
    html += escape(a.id);
    html += "\">\n";
    if (a.badge == "store" || a.badge == "verified_buyer") {
      html += "<p class=\"vouch-qa-badge\">";
      html += escape(qa_text(a.badge == "store" ? "badge_store" : "badge_verified_buyer", locale));
      html += "</p>\n";
    }
    html += "<p class=\"vouch-qa-text\">";
    html += escape(a.text);
    html += "</p>\n<p class=\"vouch-qa-by\">";
    const std::string who = a.badge == "store" ? store
                            : a.author.empty() ? qa_text("anonymous", locale)
                                               : a.author;
    html += escape(qa_text("answered_by", locale, {{"author", who}, {"date", day_of(a.created)}}));
    html += "</p>\n";
    if (a.helpful_up > 0) {
      html += "<p class=\"vouch-qa-helpful\">";
      html += escape(qa_text("helpful", locale, {{"count", std::to_string(a.helpful_up)}}));
      html += "</p>\n";
    }
    html += "</li>\n";
  }
  html += "</ol>\n</article>\n";
  const std::string product_page = product_page_url(app, q.product_id);
  if (!product_page.empty()) {
    html += "<p><a href=\"";
    html += escape(product_page);
    html += "\">";
    html += escape(qa_text("back_to_product", locale));
    html += "</a></p>\n";
  }
  html += "</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace vouch::server::questions
