#include "app/moderate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <mutex>

#include "audit_log.hpp"
#include "inbox/inbox_store.hpp"
#include "inbox/inbox_triage.hpp"
#include "outbox/outbox_store.hpp"
#include "questions/invite_mail.hpp"
#include "questions/question_store.hpp"
#include "requests/orders.hpp"
#include "requests/request_mail_release.hpp"
#include "webhooks/review_events.hpp"
#include "webhooks/webhook_events.hpp"

namespace vouch::server::app {

namespace {

Problem failed(const Error& error) {
  if (error.kind == ErrorKind::Storage)
    std::fprintf(stderr, "moderation: %s\n", error.to_string().c_str());
  if (error.kind == ErrorKind::Invalid) return problem_from(error, "invalid_review");
  if (error.kind == ErrorKind::NotFound) return problem_from(error, "not_found");
  return problem(Failure::Storage, "internal", "database error");
}

Outcome<StoredReview> load(App& app, const std::string& id) {
  Result<std::optional<StoredReview>> found = find_review(*app.db, id);
  if (!found) return failed(found.error());
  if (!found.value()) return problem(Failure::NotFound, "not_found", "no such review");
  return *found.value();
}

void unlink_photos(const App& app, const std::vector<std::string>& names) {
  for (const std::string& name : names) ::unlink((app.config.upload_dir + "/" + name).c_str());
}

// One change and its audit row in one transaction, then the product's cached
// snapshot is dropped.
Status apply(App& app, const StoredReview& before, const std::string& actor,
             const std::string& action, const std::string& reason, const std::string& detail,
             const std::function<Status()>& change) {
  Transaction transaction(*app.db);
  Status status = change();
  if (status)
    status = append_audit(*app.db, app.now(), actor, action, before.review.id, reason, detail);
  if (status) status = transaction.commit();
  if (status) app.snapshots.invalidate(before.review.product_id);
  return status;
}

}  // namespace

const std::vector<std::string>& moderation_reasons() {
  static const std::vector<std::string> reasons = {"spam",    "off_topic", "personal_data",
                                                   "abusive", "illegal",   "duplicate"};
  return reasons;
}

Outcome<StoredReview> moderate_review(App& app, const ModerationRequest& request) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<StoredReview> before = load(app, request.review_id);
  if (!before) return before;
  const StoredReview& review = before.value();
  const std::string& id = review.review.id;
  const std::int64_t now = app.now();
  Status status = Ok{};
  switch (request.action) {
    case ModerationAction::Approve:
      status = apply(app, review, request.actor, "approve", "", review.status + " -> published",
                     [&]() -> Status {
                       Status published = set_status(*app.db, id, "published", "", now);
                       // Announced once: approving a published review changes nothing.
                       if (published && review.status != "published")
                         published =
                             webhooks::announce_review(*app.db, "review.published", review, now);
                       return published;
                     });
      break;
    case ModerationAction::Reject:
    case ModerationAction::Hide: {
      const auto& known = moderation_reasons();
      if (std::find(known.begin(), known.end(), request.reason) == known.end()) {
        std::string list;
        for (const std::string& reason : known) list += (list.empty() ? "" : ", ") + reason;
        return problem(Failure::Malformed, "invalid_reason", "reason: expected one of " + list);
      }
      const bool reject = request.action == ModerationAction::Reject;
      const std::string target = reject ? "rejected" : "hidden";
      status = apply(app, review, request.actor, reject ? "reject" : "hide", request.reason,
                     review.status + " -> " + target,
                     [&] { return set_status(*app.db, id, target, request.reason, now); });
      break;
    }
    case ModerationAction::Feature:
    case ModerationAction::Unfeature: {
      const bool featured = request.action == ModerationAction::Feature;
      status = apply(app, review, request.actor, featured ? "feature" : "unfeature", "", "",
                     [&] { return set_featured(*app.db, id, featured, now); });
      break;
    }
    case ModerationAction::Reply:
      if (request.text.size() > 5000)
        return problem(Failure::Malformed, "invalid_parameter",
                       "text: expected a string of at most 5000 bytes (\"\" removes the reply)");
      status = apply(app, review, request.actor, request.text.empty() ? "remove_reply" : "reply",
                     "", request.text, [&]() -> Status {
                       Status replied = set_reply(*app.db, id, request.text, now);
                       // The console: first reply, state replied, the clock stops.
                       if (replied)
                         replied =
                             inbox::record_reply(*app.db, id, request.actor, request.text, now);
                       // A removed reply ("") is not announced.
                       if (replied && !request.text.empty())
                         replied = webhooks::announce_reply(*app.db, review, request.text, now);
                       return replied;
                     });
      break;
  }
  if (!status) return failed(status.error());
  return load(app, id);
}

Outcome<std::string> delete_review_for(App& app, const std::string& review_id,
                                       const std::string& actor, const std::string& note) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Outcome<StoredReview> before = load(app, review_id);
  if (!before) return before.problem();
  std::vector<std::string> photos;
  Status status = apply(app, before.value(), actor, "delete", "reviewer_request",
                        note.substr(0, 500), [&]() -> Status {
                          Result<std::vector<std::string>> taken =
                              take_photos(*app.db, {review_id});
                          if (!taken) return taken.error();
                          photos = taken.value();
                          return delete_review(*app.db, review_id);
                        });
  if (!status) return failed(status.error());
  unlink_photos(app, photos);
  return review_id;
}

Outcome<Erased> erase_reviewer_data(App& app, const std::string& email, bool anonymise,
                                    const std::string& actor) {
  if (email.empty()) return problem(Failure::Malformed, "invalid_parameter", "email: required");
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Result<std::vector<StoredReview>> before = reviews_by_email(*app.db, email);
  if (!before) return failed(before.error());
  Transaction transaction(*app.db);
  Result<std::vector<std::string>> ids = erase_reviewer(*app.db, email, anonymise, app.now());
  if (!ids) return failed(ids.error());
  // Photos go in both modes: a picture can identify its author.
  Result<std::vector<std::string>> taken = take_photos(*app.db, ids.value());
  if (!taken) return failed(taken.error());
  // The inbox's search text held the name: fold it again from what is kept.
  for (const std::string& id : ids.value()) {
    if (Status refreshed = inbox::refresh_search_text(*app.db, id); !refreshed)
      return failed(refreshed.error());
  }
  // The outbox's mails to the address and the address in webhook events go too
  // (the review requests of those mails keep their states, not the ids).
  Result<std::int64_t> released = requests::release_request_mails(
      *app.db, "SELECT id FROM outbox WHERE to_address = ?1 COLLATE NOCASE", email);
  if (!released) return failed(released.error());
  Result<std::int64_t> mails = outbox::forget_address(*app.db, email);
  if (!mails) return failed(mails.error());
  if (Status scrubbed = webhooks::forget_address(*app.db, email); !scrubbed)
    return failed(scrubbed.error());
  // The address an asker left for the answer notice goes too (migration 7).
  Result<std::int64_t> askers = questions::erase_askers(*app.db, email);
  if (!askers) return failed(askers.error());
  // And the record of answer invitations mailed to it (migration 9).
  Result<std::int64_t> invites = questions::erase_invites(*app.db, email);
  if (!invites) return failed(invites.error());
  // And the orders the store posted for it (their mails not sent yet are skipped).
  Result<std::int64_t> orders = requests::forget_orders(*app.db, email);
  if (!orders) return failed(orders.error());
  Status status = append_audit(
      *app.db, app.now(), actor, "erase_reviewer", "", anonymise ? "anonymise" : "delete",
      std::to_string(ids.value().size()) + " reviews, " + std::to_string(askers.value()) +
          " question e-mails, " + std::to_string(orders.value()) + " orders");
  if (status) status = transaction.commit();
  if (!status) return failed(status.error());
  unlink_photos(app, taken.value());
  for (const StoredReview& row : before.value()) app.snapshots.invalidate(row.review.product_id);
  return Erased{ids.value(), taken.value().size(), mails.value(),
                static_cast<std::size_t>(askers.value()), orders.value()};
}

}  // namespace vouch::server::app
