#include "questions/ask.hpp"

#include <cstdio>
#include <mutex>

#include "app/stored_review.hpp"
#include "crypto.hpp"
#include "http_util.hpp"
#include "questions/qa_check.hpp"
#include "questions/question_inbox.hpp"
#include "questions/question_store.hpp"
#include "vouch/i18n.hpp"
#include "vouch/snapshot.hpp"
#include "webhooks/webhook_events.hpp"

namespace vouch::server::questions {

namespace {

using app::Failure;
using app::Problem;

Problem storage(const Error& error) {
  return app::storage_failure("submit_question", error, "could not store the question");
}

// Rate limits shared with review submissions (same limiters, their own keys):
// the brief's "like a review submission", without one eating the other's budget.
std::optional<Problem> rate_limited(App& app, const std::string& ip, const std::string& product,
                                    std::int64_t now) {
  if (std::int64_t wait = app.per_ip->hit("question\n" + ip, now); wait > 0) {
    Problem p = app::problem(Failure::RateLimited, "rate_limited",
                             "too many questions from this address; try again later");
    p.retry_after = wait;
    return p;
  }
  if (std::int64_t wait = app.per_product->hit("question\n" + product, now); wait > 0) {
    Problem p = app::problem(Failure::RateLimited, "rate_limited",
                             "too many questions for this product; try again later");
    p.retry_after = wait;
    return p;
  }
  return std::nullopt;
}

}  // namespace

app::Outcome<Asked> submit_question(App& app, const AskRequest& request) {
  const std::int64_t now = app.now();
  if (std::optional<Problem> limited = rate_limited(app, request.ip, request.product_id, now))
    return *limited;
  std::vector<std::string> recent;
  {
    QuestionFilter filter;
    filter.product_id = request.product_id;
    Result<std::vector<StoredQuestion>> latest = list_questions(*app.db, filter);
    if (!latest) return storage(latest.error());
    for (const StoredQuestion& q : latest.value()) recent.push_back(q.text);
  }
  app::Outcome<CheckedEntry> checked = check_question_json(app, request.body_json, recent);
  if (!checked) return checked.problem();
  const CheckedEntry& entry = checked.value();

  StoredQuestion q;
  q.id = "q" + random_hex(12);
  q.product_id = request.product_id;
  q.status = "pending";  // shown only once answered; a moderator or an answer publishes it
  q.text = entry.text;
  q.author = entry.author;
  q.language = std::string(i18n::locale_tag(i18n::resolve_locale(request.language)));
  q.ip = request.ip;
  q.flags = app::join_flag_codes(entry.flags);
  q.created = now;
  q.updated = now;

  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Transaction transaction(*app.db);
  Status status = insert_question(*app.db, q);
  if (status && !entry.email.empty()) status = set_asker_email(*app.db, q.id, entry.email);
  if (status) status = add_question_item(*app.db, *app.inbox, q);
  if (status) {
    const json data = {{"question",
                        {{"id", q.id},
                         {"product_id", q.product_id},
                         {"text", q.text},
                         {"author", q.author},
                         {"status", q.status},
                         {"created", format_utc(q.created)}}}};
    Result<webhooks::RecordedEvent> event =
        webhooks::record_event(*app.db, "question.created", dump_json(data), now);
    if (!event) status = event.error();
  }
  if (status) status = transaction.commit();
  if (!status) return storage(status.error());
  return Asked{q.id, q.status};
}

}  // namespace vouch::server::questions
