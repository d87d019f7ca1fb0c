// The Questions section's markup (issue 17): escaping of hostile texts, the
// three sorts, search over questions and answers with highlighting, badges,
// the forms.
#include "vouch/qa_render.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace vouch;
using namespace vouch::render;

namespace {

Answer answer(std::string id, std::string text, std::uint32_t helpful, AnswerBadge badge,
              std::int64_t created = 1700000000) {
  Answer a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.author = "Ana";
  a.helpful = helpful;
  a.badge = badge;
  a.created = created;
  return a;
}

QuestionList sample() {
  QuestionList l;
  Question q1;  // oldest, one very helpful answer
  q1.id = "q1";
  q1.text = "Is the fabric warm?";
  q1.author = "Bo";
  q1.created = 1700000000;
  q1.answers = {answer("a1", "Very warm in winter.", 9, AnswerBadge::VerifiedBuyer)};
  Question q2;  // newest, no votes
  q2.id = "q2";
  q2.text = "Does it run small?";
  q2.author = "Cy";
  q2.created = 1700200000;
  q2.answers = {answer("a2", "True to size.", 0, AnswerBadge::Store)};
  Question q3;  // middle, three answers
  q3.id = "q3";
  q3.text = "Can it be machine washed?";
  q3.author = "Di";
  q3.created = 1700100000;
  q3.answers = {answer("a3", "Cold wash only.", 1, AnswerBadge::None),
                answer("a4", "Yes, on wool.", 2, AnswerBadge::None),
                answer("a5", "I hand wash mine; stays warm.", 0, AnswerBadge::None)};
  l.questions = {q1, q2, q3};
  return l;
}

std::vector<std::string> ids(const QuestionList& l, const QaView& view) {
  std::vector<std::string> out;
  for (std::size_t i : qa_order(l, view)) out.push_back(l.questions[i].id);
  return out;
}

}  // namespace

TEST_CASE("qa render: the three sorts", "[qa][render]") {
  const QuestionList l = sample();
  QaView v;
  v.sort = "most_helpful";
  CHECK(ids(l, v) == std::vector<std::string>{"q1", "q3", "q2"});
  v.sort = "newest";
  CHECK(ids(l, v) == std::vector<std::string>{"q2", "q3", "q1"});
  v.sort = "most_answers";
  CHECK(ids(l, v) == std::vector<std::string>{"q3", "q2", "q1"});
  v.sort = "bogus";  // an unknown sort is most_helpful
  CHECK(ids(l, v) == std::vector<std::string>{"q1", "q3", "q2"});
}

TEST_CASE("qa render: search covers answers and highlights them", "[qa][render]") {
  const QuestionList l = sample();
  QaView v;
  v.search = "warm";  // in q1's question and answer, and in one of q3's answers
  CHECK(ids(l, v) == std::vector<std::string>{"q1", "q3"});
  const QaRender r = questions_section(l, v, QaOptions{});
  CHECK(r.total == 3);
  CHECK(r.shown == 2);
  CHECK(r.html.find("stays <mark>warm</mark>.") != std::string::npos);
  CHECK(r.html.find("fabric <mark>warm</mark>?") != std::string::npos);
  v.search = "WASHED";  // folded, prefix of "washed" only in q3's question
  CHECK(ids(l, v) == std::vector<std::string>{"q3"});
  v.search = "wash warm";  // every word, anywhere in the question or its answers
  CHECK(ids(l, v) == std::vector<std::string>{"q3"});
  v.search = "nothing-like-this";
  const QaRender none = questions_section(l, v, QaOptions{});
  CHECK(none.shown == 0);
  CHECK(none.html.find("No questions match") != std::string::npos);
}

TEST_CASE("qa render: hostile texts are escaped, never markup", "[qa][render]") {
  QuestionList l = sample();
  l.questions[0].text = "<img src=x onerror=alert(1)>\"'&";
  l.questions[0].author = "</bdi><script>alert(2)</script>";
  l.questions[0].id = "\"><svg onload=alert(3)>";
  l.questions[0].answers[0].text = "<script>alert(4)</script>";
  l.questions[0].answers[0].id = "x\" data-action=\"qa-ask";
  QaView v;
  v.search = "<script>";
  const QaRender r = questions_section(l, v, QaOptions{i18n::Locale::En, "v", true});
  CHECK(r.html.find("<script") == std::string::npos);
  CHECK(r.html.find("<img") == std::string::npos);
  CHECK(r.html.find("<svg") == std::string::npos);
  CHECK(r.html.find("x\" data-action") == std::string::npos);
  const QaRender all = questions_section(l, QaView{}, QaOptions{i18n::Locale::En, "v", true});
  CHECK(all.html.find("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;") != std::string::npos);
  CHECK(all.html.find("&lt;/bdi&gt;&lt;script&gt;") != std::string::npos);
}

TEST_CASE("qa render: badges, votes, answer buttons and locales", "[qa][render]") {
  const QuestionList l = sample();
  const QaRender r = questions_section(l, QaView{}, QaOptions{});
  CHECK(r.html.find("Store answer") != std::string::npos);
  CHECK(r.html.find("Verified buyer") != std::string::npos);
  CHECK(r.html.find("data-action=\"qa-vote\" data-value=\"up\" data-answer=\"a1\"") !=
        std::string::npos);
  CHECK(r.html.find("data-action=\"qa-answer\"") == std::string::npos);  // no answer link
  const QaRender with_link = questions_section(l, QaView{}, QaOptions{i18n::Locale::De, "w", true});
  CHECK(with_link.html.find("data-action=\"qa-answer\" data-question=\"q2\"") != std::string::npos);
  CHECK(with_link.html.find("Antwort des Shops") != std::string::npos);
  CHECK(with_link.html.find("id=\"w-qa-heading\"") != std::string::npos);
  CHECK(r.html.find("itemtype") == std::string::npos);  // no QAPage markup on the widget
  CHECK(r.html.find("application/ld+json") == std::string::npos);
  // Every key exists in every locale (a missing one would show the key).
  for (auto locale : {i18n::Locale::En, i18n::Locale::ZhCN, i18n::Locale::ZhTW, i18n::Locale::Ja,
                      i18n::Locale::Es, i18n::Locale::Fr, i18n::Locale::De}) {
    const std::string html = questions_section(l, QaView{}, QaOptions{locale, "v", true}).html +
                             qa_form(Policy{}, "", QaOptions{locale}) +
                             qa_form(Policy{}, "q1", QaOptions{locale});
    CHECK(html.find("qa_") == std::string::npos);
  }
}

TEST_CASE("qa render: the forms follow the policy", "[qa][render]") {
  Policy policy;
  const std::string ask = qa_form(policy, "", QaOptions{});
  CHECK(ask.find("10 to 500 characters") != std::string::npos);
  CHECK(ask.find("name=\"email\"") != std::string::npos);
  CHECK(ask.find("name=\"consent\"") != std::string::npos);
  CHECK(ask.find("name=\"website\"") != std::string::npos);
  const std::string ans = qa_form(policy, "q\"1", QaOptions{});
  CHECK(ans.find("2 to 2000 characters") != std::string::npos);
  CHECK(ans.find("name=\"email\"") == std::string::npos);
  CHECK(ans.find("data-question=\"q&quot;1\"") != std::string::npos);
  policy.consent_required = false;
  policy.honeypot_field = "";
  const std::string bare = qa_form(policy, "", QaOptions{});
  CHECK(bare.find("name=\"consent\"") == std::string::npos);
  CHECK(bare.find("v-hp") == std::string::npos);
}
