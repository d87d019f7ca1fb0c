#include "questions/moderate_qa.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "app/moderate.hpp"
#include "audit_log.hpp"
#include "http_util.hpp"
#include "questions/answer.hpp"
#include "questions/answer_published.hpp"
#include "questions/invite_mail.hpp"

namespace vouch::server::questions {

namespace {

using app::Failure;

app::Problem moderation_storage(const Error& error) {
  return app::storage_failure("qa moderation", error);
}

const char* status_of(QaAction action) {
  switch (action) {
    case QaAction::Approve:
      return "published";
    case QaAction::Reject:
      return "rejected";
    case QaAction::Hide:
      break;
  }
  return "hidden";
}

const char* audit_action(QaAction action) {
  switch (action) {
    case QaAction::Approve:
      return "approve";
    case QaAction::Reject:
      return "reject";
    case QaAction::Hide:
      break;
  }
  return "hide";
}

// The reason of a reject/hide: one of the neutral reasons; "" for approve.
std::optional<app::Problem> bad_reason(QaAction action, const std::string& reason) {
  if (action == QaAction::Approve) return std::nullopt;
  const auto& known = app::moderation_reasons();
  if (std::find(known.begin(), known.end(), reason) != known.end()) return std::nullopt;
  std::string list;
  for (const std::string& r : known) list += (list.empty() ? "" : ", ") + r;
  return app::problem(Failure::Malformed, "invalid_reason", "reason: expected one of " + list);
}

}  // namespace

app::Outcome<StoredQuestion> moderate_question(App& app, const std::string& id, QaAction action,
                                               const std::string& reason, const Actor& actor) {
  if (std::optional<app::Problem> bad = bad_reason(action, reason)) return *bad;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  app::Outcome<StoredQuestion> found = load_question(app, id);
  if (!found) return found;
  const StoredQuestion& q = found.value();
  const std::string to = status_of(action);
  const std::string why = action == QaAction::Approve ? "" : reason;
  Transaction transaction(*app.db);
  Status status = set_question_status(*app.db, q.id, to, why, app.now());
  if (status)
    status = append_audit(*app.db, app.now(), actor.name, audit_action(action), q.id, why,
                          q.status + " -> " + to);
  if (status) status = transaction.commit();
  if (!status) return moderation_storage(status.error());
  // After the commit: the invitations can never undo or fail the publish.
  if (to == "published" && q.status != "published") after_question_published(app, q.id);
  return load_question(app, id);
}

app::Outcome<StoredAnswer> moderate_answer(App& app, const std::string& id, QaAction action,
                                           const std::string& reason, const Actor& actor) {
  if (std::optional<app::Problem> bad = bad_reason(action, reason)) return *bad;
  if (!is_valid_id(id))
    return app::problem(Failure::Malformed, "invalid_id", "answer id is malformed");
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::optional<StoredAnswer>> found = find_answer(*app.db, id);
  if (!found) return moderation_storage(found.error());
  if (!found.value()) return app::problem(Failure::NotFound, "not_found", "no such answer");
  StoredAnswer a = *found.value();
  app::Outcome<StoredQuestion> question = load_question(app, a.question_id);
  if (!question) return question.problem();
  const std::string to = status_of(action);
  const std::string why = action == QaAction::Approve ? "" : reason;
  const bool publishes = to == "published" && a.status != "published";
  Transaction transaction(*app.db);
  Status status = set_answer_status(*app.db, a.id, to, why, app.now());
  if (status)
    status = append_audit(*app.db, app.now(), actor.name, audit_action(action), a.id, why,
                          a.status + " -> " + to);
  a.status = to;
  if (status && publishes)
    status = after_answer_published(app, question.value(), a,
                                    a.badge == "store" ? a.by_staff : std::string("buyer"));
  if (status) status = transaction.commit();
  if (!status) return moderation_storage(status.error());
  Result<std::optional<StoredAnswer>> after = find_answer(*app.db, id);
  if (!after || !after.value())
    return moderation_storage(after ? Error{"answers", "vanished"} : after.error());
  return *after.value();
}

}  // namespace vouch::server::questions
