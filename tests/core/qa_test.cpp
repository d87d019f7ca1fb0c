// Questions and answers (issue 17): the public JSON reader (tolerant of one
// broken row), its writer, and the question/answer validator sharing the
// review rules.
#include "vouch/qa.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace vouch;
using nlohmann::json;

namespace {

json answer(const std::string& id, const std::string& text = "Yes, it does.") {
  return {{"id", id},
          {"text", text},
          {"author", "Ana"},
          {"badge", "verified_buyer"},
          {"created", "2026-11-02T10:00:00Z"},
          {"helpful", 3}};
}

json question(const std::string& id, json answers) {
  return {{"id", id},          {"text", "Does it run small?"},
          {"author", "Bo"},    {"created", "2026-11-01T09:30:00Z"},
          {"url", "/q/" + id}, {"answers", std::move(answers)}};
}

json list(json questions) {
  return {{"version", 1},
          {"product_id", "p1"},
          {"count", questions.size()},
          {"questions", std::move(questions)}};
}

bool skipped_at(const QuestionListRead& r, const std::string& path) {
  for (const Error& e : r.skipped)
    if (e.path == path) return true;
  return false;
}

json ok_question() {
  return {{"text", "Does this jacket run small in the shoulders?"},
          {"author", "Jane D."},
          {"consent", true},
          {"elapsed_ms", 9000}};
}

json ok_answer() {
  return {{"text", "It runs true to size."},
          {"author", "Sam"},
          {"consent", true},
          {"elapsed_ms", 9000},
          {"token", "abc"}};
}

bool has_error(const ValidationResult& r, const std::string& field, const std::string& code) {
  for (const auto& e : r.errors)
    if (e.field == field && e.code == code) return true;
  return false;
}

bool has_flag(const ValidationResult& r, const std::string& code, const std::string& field) {
  for (const auto& f : r.flags)
    if (f.code == code && f.field == field) return true;
  return false;
}

}  // namespace

TEST_CASE("qa: a well-formed list reads with every field", "[qa]") {
  const auto read = parse_question_list(
      list({question("q1", {answer("a1"), answer("a2")}), question("q2", {answer("a3")})}).dump());
  REQUIRE(read);
  CHECK(read.value().skipped.empty());
  const QuestionList& l = read.value().list;
  CHECK(l.product_id == "p1");
  REQUIRE(l.questions.size() == 2);
  CHECK(l.questions[0].id == "q1");
  CHECK(l.questions[0].url == "/q/q1");
  CHECK(l.questions[0].created == 1793525400);  // 2026-11-01T09:30:00Z
  REQUIRE(l.questions[0].answers.size() == 2);
  CHECK(l.questions[0].answers[1].badge == AnswerBadge::VerifiedBuyer);
  CHECK(l.questions[0].answers[1].helpful == 3);
}

TEST_CASE("qa: the writer round-trips through the reader", "[qa]") {
  const auto first = parse_question_list(
      list({question("q1", {answer("a1"), answer("a2")}), question("q2", {answer("a3")})}).dump());
  REQUIRE(first);
  const std::string text = question_list_to_json(first.value().list);
  const auto again = parse_question_list(text);
  REQUIRE(again);
  CHECK(again.value().skipped.empty());
  CHECK(question_list_to_json(again.value().list) == text);
  CHECK(json::parse(text)["count"] == 2);
}

TEST_CASE("qa: one broken row is skipped with its path, the rest is kept", "[qa]") {
  json bad_badge = answer("a2");
  bad_badge["badge"] = "owner";
  json bad_time = question("q2", {answer("a3")});
  bad_time["created"] = "yesterday";
  json bad_url = question("q3", {answer("a4")});
  bad_url["url"] = "javascript:alert(1)";
  json only_bad_answer = question("q4", {json{{"id", "a5"}}});
  const auto read =
      parse_question_list(list({question("q1", {answer("a1"), bad_badge}), bad_time, bad_url,
                                only_bad_answer, 42, question("q6", {answer("a6")})})
                              .dump());
  REQUIRE(read);
  const QuestionListRead& r = read.value();
  REQUIRE(r.list.questions.size() == 2);
  CHECK(r.list.questions[0].id == "q1");
  CHECK(r.list.questions[0].answers.size() == 1);
  CHECK(r.list.questions[1].id == "q6");
  CHECK(skipped_at(r, "questions[0].answers[1].badge"));
  CHECK(skipped_at(r, "questions[1].created"));
  CHECK(skipped_at(r, "questions[2].url"));
  CHECK(skipped_at(r, "questions[3].answers[0].text"));
  CHECK(skipped_at(r, "questions[3].answers"));  // no readable answer left
  CHECK(skipped_at(r, "questions[4]"));
  for (const Error& e : r.skipped) CHECK(e.kind == ErrorKind::Invalid);
}

TEST_CASE("qa: hostile values in a row are refused by the row rules", "[qa]") {
  json ctl = answer(
      "a\x01"
      "1");
  json protocol_relative = question("q2", {answer("a2")});
  protocol_relative["url"] = "//evil.example/q";
  json negative = answer("a3");
  negative["helpful"] = -1;
  json number_text = answer("a4");
  number_text["text"] = 5;
  const auto read = parse_question_list(
      list({question("q1", {ctl, negative, number_text, answer("a5")}), protocol_relative}).dump());
  REQUIRE(read);
  const QuestionListRead& r = read.value();
  REQUIRE(r.list.questions.size() == 1);
  CHECK(r.list.questions[0].answers.size() == 1);
  CHECK(skipped_at(r, "questions[0].answers[0].id"));
  CHECK(skipped_at(r, "questions[0].answers[1].helpful"));
  CHECK(skipped_at(r, "questions[0].answers[2].text"));
  CHECK(skipped_at(r, "questions[1].url"));
}

TEST_CASE("qa: truncated or corrupted documents fail with a typed error", "[qa]") {
  const std::string good =
      list({question("q1", {answer("a1")}), question("q2", {answer("a2")})}).dump();
  // Every truncation of a valid document is an error or a shorter valid read, never a crash.
  for (std::size_t n = 0; n < good.size(); ++n) {
    const auto read = parse_question_list(good.substr(0, n));
    REQUIRE_FALSE(read);
    CHECK(read.error().kind == ErrorKind::Syntax);
  }
  CHECK(parse_question_list("\xff{}").error().kind == ErrorKind::Syntax);
  CHECK(parse_question_list("[]").error().path == "");
  CHECK(parse_question_list(R"({"version":2,"questions":[]})").error().path == "version");
  CHECK(parse_question_list(R"({"version":1,"questions":{}})").error().path == "questions");
  CHECK(parse_question_list(R"({"version":1})").error().kind == ErrorKind::Invalid);
  // Byte flips: a corrupted byte either fails the document or skips rows.
  for (std::size_t i = 0; i < good.size(); i += 7) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    const auto read = parse_question_list(bad);
    if (read) CHECK(read.value().list.questions.size() <= 2);
  }
}

TEST_CASE("qa: badges have stable names", "[qa]") {
  for (AnswerBadge b : {AnswerBadge::None, AnswerBadge::Store, AnswerBadge::VerifiedBuyer})
    CHECK(parse_answer_badge(answer_badge_name(b)) == b);
  CHECK_FALSE(parse_answer_badge("Store"));
}

TEST_CASE("qa: a clean question and a clean answer pass", "[qa][validate]") {
  const ValidationResult q = validate_question(ok_question().dump(), Policy{});
  CHECK(q.ok);
  CHECK(q.flags.empty());
  CHECK(q.normalized.body == "Does this jacket run small in the shoulders?");
  const ValidationResult a = validate_answer(ok_answer().dump(), Policy{});
  CHECK(a.ok);
  CHECK(a.flags.empty());
}

TEST_CASE("qa: question and answer lengths come from their policy members", "[qa][validate]") {
  json q = ok_question();
  q["text"] = "Fits?";
  CHECK(has_error(validate_question(q.dump(), Policy{}), "text", "too_short"));
  q["text"] = std::string(501, 'a');
  CHECK(has_error(validate_question(q.dump(), Policy{}), "text", "too_long"));
  q.erase("text");
  CHECK(has_error(validate_question(q.dump(), Policy{}), "text", "required"));
  json a = ok_answer();
  a["text"] = "No";  // 2 characters: the answer minimum
  CHECK(validate_answer(a.dump(), Policy{}).ok);
  a["text"] = std::string(2001, 'b');
  CHECK(has_error(validate_answer(a.dump(), Policy{}), "text", "too_long"));

  const auto policy = parse_policy(R"({"question":{"min":3,"max":20},"answer":{"min":5,"max":8}})");
  REQUIRE(policy);
  q["text"] = "Fits?";
  CHECK(validate_question(q.dump(), policy.value()).ok);
  a["text"] = "No";
  CHECK(has_error(validate_answer(a.dump(), policy.value()), "text", "too_short"));
  CHECK(parse_policy(R"({"question":{"required":false}})").error().path == "question.required");
  CHECK(parse_policy(R"({"answer":{"min":9,"max":3}})").error().path == "answer.min");
  CHECK(parse_policy(R"({"question":{"min":0}})").error().path == "question.min");
  const auto round = parse_policy(policy_to_json(policy.value()));
  REQUIRE(round);
  CHECK(round.value().question.max == 20);
  CHECK(round.value().answer.min == 5);
}

TEST_CASE("qa: the review rules apply to questions and answers", "[qa][validate]") {
  const Policy policy;
  json q = ok_question();
  q["text"] = "Is it on sale at https://cheap.example/deal ?";
  CHECK(has_error(validate_question(q.dump(), policy), "text", "links_not_allowed"));
  q["text"] = "Call me on +1 (555) 010-9999 about the fit?";
  CHECK(has_flag(validate_question(q.dump(), policy), "contains_phone", "text"));
  q["text"] = "WHY IS THIS JACKET SO EXPENSIVE COMPARED TO OTHERS?";
  CHECK(has_flag(validate_question(q.dump(), policy), "shouting", "text"));
  q["text"] = "Is this shit waterproof or not?";
  CHECK(has_flag(validate_question(q.dump(), policy), "profanity", "text"));
  q = ok_question();
  q["author"] = "Admin";
  CHECK(has_error(validate_question(q.dump(), policy), "author", "impersonation"));
  q["author"] = "Ev\u202Eil";
  CHECK(has_error(validate_question(q.dump(), policy), "author", "bidi_control"));
  q = ok_question();
  q["consent"] = false;
  CHECK(has_error(validate_question(q.dump(), policy), "consent", "required"));
  q = ok_question();
  q["email"] = "not-an-address";
  CHECK(has_error(validate_question(q.dump(), policy), "email", "invalid_email"));
  q.erase("email");  // optional for a question, whatever email_required says
  CHECK(validate_question(q.dump(), policy).ok);
  q["website"] = "http://spam";
  CHECK(has_flag(validate_question(q.dump(), policy), "honeypot", "website"));
  q = ok_question();
  q["elapsed_ms"] = 900;
  CHECK(has_flag(validate_question(q.dump(), policy), "too_fast", ""));
  ValidationContext context;
  context.elapsed_ms = 9000;  // the context wins over the body
  CHECK_FALSE(has_flag(validate_question(q.dump(), policy, context), "too_fast", ""));
  q["elapsed_ms"] = "soon";
  CHECK(has_error(validate_question(q.dump(), policy), "elapsed_ms", "wrong_type"));
  q = ok_question();
  q["text"] = "Hi\u0007 there, does it \r\n\r\n\r\n fit?  ";
  const ValidationResult cleaned = validate_question(q.dump(), policy);
  CHECK(cleaned.normalized.body == "Hi there, does it\n\n fit?");
  context.existing_texts = {"Does this jacket run small in the shoulders?"};
  CHECK(
      has_flag(validate_question(ok_question().dump(), policy, context), "near_duplicate", "text"));
  json a = ok_answer();
  a["text"] = 12;
  const ValidationResult typed = validate_answer(a.dump(), policy);
  CHECK(has_error(typed, "text", "wrong_type"));
  CHECK_FALSE(has_error(typed, "text", "required"));
  CHECK(has_error(validate_answer("[1]", policy), "", "wrong_type"));
  CHECK(has_error(validate_answer("{", policy), "", "invalid_json"));
  CHECK(has_error(validate_answer("\"\xff\"", policy), "", "invalid_utf8"));
}

TEST_CASE("qa: the verdict JSON names the text 'text'", "[qa][validate]") {
  const json doc = json::parse(
      qa_result_to_json(validate_question(ok_question().dump(), Policy{}), i18n::Locale::En));
  CHECK(doc["ok"] == true);
  CHECK(doc["normalized"]["text"] == "Does this jacket run small in the shoulders?");
  CHECK(doc["normalized"]["consent"] == true);
  CHECK_FALSE(doc["normalized"].contains("body"));
  const json bad =
      json::parse(qa_result_to_json(validate_question("{", Policy{}), i18n::Locale::En));
  CHECK(bad["normalized"].is_null());
}
