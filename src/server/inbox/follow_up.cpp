#include "inbox/follow_up.hpp"

#include <mutex>

#include "audit_log.hpp"
#include "inbox/item_history.hpp"
#include "vouch/civil_date.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server::inbox {

namespace {

using app::Failure;
using app::Outcome;
using app::problem;

constexpr std::int64_t kDay = 86400;

// "YYYY-MM-DD" -> 00:00 UTC of that day; nullopt when malformed or not a date.
std::optional<std::int64_t> parse_day(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31) return std::nullopt;
  const std::int64_t days =
      days_from_civil(parts[0], static_cast<unsigned>(parts[1]), static_cast<unsigned>(parts[2]));
  // 31 February rolls over: refuse what does not round-trip.
  const CivilDate back = civil_from_days(days);
  if (back.year != parts[0] || back.month != static_cast<unsigned>(parts[1]) ||
      back.day != static_cast<unsigned>(parts[2]))
    return std::nullopt;
  return days * kDay;
}

Outcome<ConsoleItem> load_console_item(App& app, const std::string& review_id) {
  Outcome<StoredReview> review = load_review(app, review_id);
  if (!review) return review.problem();
  if (Status made = ensure_inbox_row(app, review.value()); !made)
    return storage_problem("follow-up", made.error());
  Result<ConsoleItem> item = read_console_item(*app.db, review_id);
  if (!item) return storage_problem("follow-up", item.error());
  return item.value();
}

Outcome<ConsoleItem> reread(App& app, const std::string& review_id) {
  Result<ConsoleItem> item = read_console_item(*app.db, review_id);
  if (!item) return storage_problem("follow-up", item.error());
  return item.value();
}

bool is_resolved(const ConsoleItem& item) {
  return item.state == "resolved" || item.state == "followed_up";
}

}  // namespace

std::optional<FollowUpOutcome> follow_up_outcome_from(const std::string& name) {
  if (name == "satisfied") return FollowUpOutcome::Satisfied;
  if (name == "not_satisfied") return FollowUpOutcome::NotSatisfied;
  if (name == "no_answer") return FollowUpOutcome::NoAnswer;
  return std::nullopt;
}

const char* follow_up_outcome_name(FollowUpOutcome outcome) {
  switch (outcome) {
    case FollowUpOutcome::Satisfied:
      return "satisfied";
    case FollowUpOutcome::NotSatisfied:
      return "not_satisfied";
    case FollowUpOutcome::NoAnswer:
      return "no_answer";
  }
  return "no_answer";
}

Outcome<ConsoleItem> resolve_item(App& app, const std::string& actor,
                                  const ResolveRequest& request) {
  const std::int64_t now = app.now();
  std::optional<std::int64_t> follow_up_at;
  if (!request.follow_up_date.empty()) {
    if (request.follow_up_days)
      return problem(Failure::Invalid, "invalid_parameter",
                     "give follow_up_days or follow_up_at, not both");
    const std::optional<std::int64_t> day = parse_day(request.follow_up_date);
    const std::int64_t today = now - (now % kDay + kDay) % kDay;
    if (!day || *day < today || *day > today + 366 * kDay)
      return problem(Failure::Invalid, "invalid_parameter",
                     "follow_up_at: a date YYYY-MM-DD from today to a year ahead");
    follow_up_at = *day;
  } else {
    const int days = request.follow_up_days.value_or(kDefaultFollowUpDays);
    if (days < 0 || days > kMaxFollowUpDays)
      return problem(Failure::Invalid, "invalid_parameter",
                     "follow_up_days: 0 (no follow-up) to 90");
    if (days > 0) follow_up_at = now + days * kDay;
  }
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<ConsoleItem> before = load_console_item(app, request.review_id);
  if (!before) return before;
  Transaction transaction(*app.db);
  Statement update(app.db->handle(),
                   "UPDATE inbox_items SET state = 'resolved', resolved_at = ?1, "
                   "follow_up_at = ?2, follow_up_outcome = NULL, followed_up_at = NULL, "
                   "followed_up_by = '' WHERE review_id = ?3");
  update.bind(1, now);
  if (follow_up_at)
    update.bind(2, *follow_up_at);
  else
    update.bind_null(2);
  update.bind(3, request.review_id);
  Status status = update.run();
  if (status)
    status = append_audit(
        *app.db, now, actor, "resolve", request.review_id, "",
        follow_up_at ? "follow-up " + format_utc(*follow_up_at) : std::string("no follow-up"));
  if (status) status = transaction.commit();
  if (!status) return storage_problem("resolve", status.error());
  return reread(app, request.review_id);
}

Outcome<ConsoleItem> record_follow_up(App& app, const std::string& actor,
                                      const std::string& review_id, FollowUpOutcome outcome,
                                      const std::string& note) {
  std::string cleaned_note;
  if (!note.empty()) {
    Outcome<std::string> cleaned = clean_event_text(note, "note");
    if (!cleaned) return cleaned.problem();
    cleaned_note = cleaned.value();
  }
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<ConsoleItem> before = load_console_item(app, review_id);
  if (!before) return before;
  if (before.value().state != "resolved")
    return problem(Failure::Conflict, "not_resolved",
                   "only a resolved item is followed up (state is " + before.value().state + ")");
  const std::int64_t now = app.now();
  const char* name = follow_up_outcome_name(outcome);
  Transaction transaction(*app.db);
  Statement update(app.db->handle(),
                   "UPDATE inbox_items SET state = 'followed_up', follow_up_outcome = ?1, "
                   "followed_up_at = ?2, followed_up_by = ?3 WHERE review_id = ?4");
  update.bind(1, name).bind(2, now).bind(3, actor).bind(4, review_id);
  Status status = update.run();
  if (status && !cleaned_note.empty()) {
    Result<std::int64_t> event = insert_event(*app.db, review_id, now, actor, "note", cleaned_note);
    if (!event) status = event.error();
  }
  if (status) status = append_audit(*app.db, now, actor, "follow_up", review_id, name, "");
  if (status) status = transaction.commit();
  if (!status) return storage_problem("follow-up", status.error());
  return reread(app, review_id);
}

Outcome<ConsoleItem> reopen_item(App& app, const std::string& actor, const std::string& review_id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<ConsoleItem> before = load_console_item(app, review_id);
  if (!before) return before;
  if (!is_resolved(before.value()))
    return problem(
        Failure::Conflict, "not_resolved",
        "only a resolved or followed-up item is reopened (state is " + before.value().state + ")");
  const std::int64_t now = app.now();
  Transaction transaction(*app.db);
  // The outcome of a follow-up that happened stays (the metrics count it);
  // one that was only planned is cancelled.
  Statement update(app.db->handle(),
                   "UPDATE inbox_items SET state = 'open', resolved_at = NULL, "
                   "follow_up_at = CASE WHEN follow_up_outcome IS NULL THEN NULL "
                   "ELSE follow_up_at END WHERE review_id = ?1");
  update.bind(1, review_id);
  Status status = update.run();
  if (status) status = append_audit(*app.db, now, actor, "reopen", review_id, "", "");
  if (status) status = transaction.commit();
  if (!status) return storage_problem("reopen", status.error());
  return reread(app, review_id);
}

}  // namespace vouch::server::inbox
