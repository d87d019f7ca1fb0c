#pragma once
// Use cases of the moderator: change a review's status, feature it, reply,
// delete it, and erase a reviewer's data (GDPR). Each change and its audit row
// go in one transaction; the repository re-checks the stored-review rules
// after the change, so an edit that would break them (a reply that is not
// UTF-8, approving a row an older version wrote badly) is refused and rolled back.

#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "review_store.hpp"

namespace vouch::server::app {

enum class ModerationAction { Approve, Reject, Hide, Feature, Unfeature, Reply };

struct ModerationRequest {
  std::string review_id;
  ModerationAction action = ModerationAction::Approve;
  std::string reason;  // reject/hide: one of moderation_reasons()
  std::string text;    // reply ("" removes the reply)
  std::string actor;   // for the audit log
};

// The sentiment-neutral reasons a moderator may give ("negative" or a star
// rating is never a reason: FTC 16 CFR 465).
const std::vector<std::string>& moderation_reasons();

// The review as it is after the change.
Outcome<StoredReview> moderate_review(App& app, const ModerationRequest& request);

// Deletes one review (and its photo files, after the commit).
Outcome<std::string> delete_review_for(App& app, const std::string& review_id,
                                       const std::string& actor, const std::string& note);

struct Erased {
  std::vector<std::string> review_ids;
  std::size_t photos_removed = 0;
  std::int64_t mails_removed = 0;          // outbox rows to the address
  std::size_t question_emails_erased = 0;  // askers' notice addresses (questions)
  std::int64_t orders_forgotten = 0;       // orders stripped of the name and address
};
// anonymise: keep the text under "Anonymous", strip e-mail, IP and photos;
// otherwise delete the reviews. Either way the outbox's mails to the address
// go, webhook events lose it and its orders lose the name and address. The audit row records the
// count, never the address.
Outcome<Erased> erase_reviewer_data(App& app, const std::string& email, bool anonymise,
                                    const std::string& actor);

}  // namespace vouch::server::app
