#include "questions/answer.hpp"

#include <cstdio>
#include <mutex>

#include "app/publication.hpp"
#include "app/stored_review.hpp"
#include "audit_log.hpp"
#include "crypto.hpp"
#include "http_util.hpp"
#include "questions/answer_link.hpp"
#include "questions/answer_published.hpp"
#include "questions/invite_mail.hpp"
#include "questions/qa_check.hpp"

namespace vouch::server::questions {

namespace {

using app::Failure;
using app::Problem;

Problem storage(const char* where, const Error& error) {
  return app::storage_failure(where, error);
}

// The order of a valid answer link for THIS question and product, "" otherwise
// (forged, expired, a review link, another question or product: all the same).
std::string linked_order(const App& app, const json& body, const StoredQuestion& q) {
  auto it = body.find("token");
  if (it == body.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return "";
  Result<AnswerLink> link =
      verify_answer_link(it->get_ref<const std::string&>(), app.config.hmac_secret, app.now());
  if (!link || link.value().question_id != q.id || link.value().product_id != q.product_id)
    return "";
  return link.value().order_id;
}

Problem verified_buyer_required() {
  return app::problem(Failure::Forbidden, "verified_buyer_required",
                      "answers need the answer link sent to verified buyers");
}

}  // namespace

app::Outcome<StoredQuestion> load_question(App& app, const std::string& id) {
  if (!is_valid_id(id))
    return app::problem(Failure::Malformed, "invalid_id", "question id is malformed");
  Result<std::optional<StoredQuestion>> found = find_question(*app.db, id);
  if (!found) return storage("questions", found.error());
  if (!found.value()) return app::problem(Failure::NotFound, "not_found", "no such question");
  return *found.value();
}

app::Outcome<Answered> submit_answer(App& app, const AnswerRequest& request) {
  const std::int64_t now = app.now();
  app::Outcome<StoredQuestion> question = load_question(app, request.question_id);
  if (!question) return question.problem();
  const StoredQuestion& q = question.value();
  if (q.status != "published")
    return app::problem(Failure::NotFound, "not_found", "no such question");
  if (std::int64_t wait = app.per_ip->hit("answer\n" + request.ip, now); wait > 0) {
    Problem p = app::problem(Failure::RateLimited, "rate_limited",
                             "too many answers from this address; try again later");
    p.retry_after = wait;
    return p;
  }
  app::Outcome<CheckedEntry> checked = check_answer_json(app, request.body_json);
  if (!checked) return checked.problem();
  const json body = json::parse(request.body_json, nullptr, false);  // valid: checked above
  const std::string order = linked_order(app, body, q);
  if (order.empty() && !app.config.questions.unverified_answers) return verified_buyer_required();

  StoredAnswer a;
  a.id = "a" + random_hex(12);
  a.question_id = q.id;
  a.text = checked.value().text;
  a.author = checked.value().author;
  a.badge = order.empty() ? "none" : "verified_buyer";
  a.ip = request.ip;
  a.flags = app::join_flag_codes(checked.value().flags);
  a.status = app::status_at_submission(app.config.moderation, checked.value().flags);
  a.created = now;
  a.updated = now;

  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  if (!order.empty()) {
    // One answer per order and question: a reused link counts as no link.
    Result<bool> claimed = claim_answer_link(*app.db, q.id, order, a.id, now);
    if (!claimed) return storage("answer link", claimed.error());
    if (!claimed.value()) {
      if (!app.config.questions.unverified_answers) return verified_buyer_required();
      a.badge = "none";
    }
  }
  Status status = insert_answer(*app.db, a);
  if (status && a.status == "published") status = after_answer_published(app, q, a, "buyer");
  if (status) status = transaction.commit();
  if (!status) return storage("submit_answer", status.error());
  return Answered{a.id, a.status, a.badge};
}

app::Outcome<StoredAnswer> answer_as_store(App& app, const std::string& question_id,
                                           const std::string& text, const Actor& actor) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  app::Outcome<StoredQuestion> question = load_question(app, question_id);
  if (!question) return question.problem();
  StoredQuestion q = question.value();
  if (q.status == "rejected" || q.status == "hidden")
    return app::problem(Failure::Conflict, "question_not_public",
                        "approve the question before answering it");
  const json body = {{"text", text}, {"author", app.config.store_name}, {"consent", true}};
  app::Outcome<CheckedEntry> checked = check_answer_json(app, dump_json(body), true);
  if (!checked) return checked.problem();
  const std::int64_t now = app.now();
  StoredAnswer a;
  a.id = "a" + random_hex(12);
  a.question_id = q.id;
  a.status = "published";  // staff write it: no moderation
  a.text = checked.value().text;
  a.author = app.config.store_name;
  a.badge = "store";
  a.by_staff = actor.name;
  a.created = now;
  a.updated = now;
  Transaction transaction(*app.db);
  Status status = Ok{};
  const bool was_pending = q.status == "pending";
  if (was_pending) {
    // Answering a waiting question publishes it (audited as an approval).
    status = set_question_status(*app.db, q.id, "published", "", now);
    if (status)
      status = append_audit(*app.db, now, actor.name, "approve", q.id, "", "pending -> published");
    q.status = "published";
  }
  if (status) status = insert_answer(*app.db, a);
  if (status) status = append_audit(*app.db, now, actor.name, "answer", q.id, "", a.id);
  if (status) status = after_answer_published(app, q, a, actor.name);
  if (status) status = transaction.commit();
  if (!status) return storage("answer_as_store", status.error());
  if (was_pending) after_question_published(app, q.id);
  return a;
}

}  // namespace vouch::server::questions
