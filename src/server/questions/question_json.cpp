#include "questions/question_json.hpp"

#include "review_json.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::questions {

json public_answer_json(const StoredAnswer& a) {
  return {{"id", a.id},
          {"text", a.text},
          {"author", a.author},
          {"badge", a.badge},
          {"created", format_utc(a.created)},
          {"helpful", a.helpful_up}};
}

json public_question_json(const StoredQuestion& q, const std::vector<StoredAnswer>& answers) {
  json list = json::array();
  for (const StoredAnswer& a : answers)
    if (a.status == "published") list.push_back(public_answer_json(a));
  return {{"id", q.id},          {"text", q.text},
          {"author", q.author},  {"created", format_utc(q.created)},
          {"url", "/q/" + q.id}, {"answers", list}};
}

Result<json> public_questions_json(Database& db, const std::string& product_id) {
  Result<std::vector<StoredQuestion>> found = answered_questions(db, product_id);
  if (!found) return found.error();
  json list = json::array();
  for (const StoredQuestion& q : found.value()) {
    Result<std::vector<StoredAnswer>> answers = answers_of(db, q.id, true);
    if (!answers) return answers.error();
    list.push_back(public_question_json(q, answers.value()));
  }
  return json{
      {"version", 1}, {"product_id", product_id}, {"count", list.size()}, {"questions", list}};
}

json admin_answer_json(const StoredAnswer& a) {
  return {{"id", a.id},
          {"question_id", a.question_id},
          {"status", a.status},
          {"text", a.text},
          {"author", a.author},
          {"badge", a.badge},
          {"by", a.by_staff},
          {"flags", split_list(a.flags)},
          {"moderation_reason", a.moderation_reason},
          {"created", format_utc(a.created)},
          {"helpful_up", a.helpful_up},
          {"helpful_down", a.helpful_down}};
}

json admin_question_json(const StoredQuestion& q, const std::vector<StoredAnswer>& answers,
                         bool notify) {
  json list = json::array();
  for (const StoredAnswer& a : answers) list.push_back(admin_answer_json(a));
  return {{"id", q.id},
          {"kind", "question"},
          {"product_id", q.product_id},
          {"status", q.status},
          {"text", q.text},
          {"author", q.author},
          {"language", q.language},
          {"flags", split_list(q.flags)},
          {"moderation_reason", q.moderation_reason},
          {"created", format_utc(q.created)},
          {"url", "/q/" + q.id},
          {"notify", notify},
          {"answers", list}};
}

std::string shown_author(const StoredAnswer& a, const std::string& store_name) {
  if (a.badge == "store" && a.author.empty()) return store_name;
  return a.author;
}

}  // namespace vouch::server::questions
