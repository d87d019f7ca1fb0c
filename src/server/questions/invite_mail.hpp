#pragma once
// Answer invitations by e-mail (issue 17): for a published question, one
// outbox mail per distinct buyer address of its product, with a signed answer
// link (answer_link.hpp) for that question, product and order, so the answer
// carries the "Verified buyer" badge. Buyers are the orders the store posted
// (order_items of the product, newest first) and the orders of verified
// review links whose review left an address. Never mailed: the asker, an
// unsubscribed address (the request mails' unsubscribes table), an address
// already invited for this question (question_invites, migration 9), one
// invited to any question within questions.invite_cooldown_days, and more than
// questions.invites_per_question addresses per question.

#include <cstdint>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "http_util.hpp"

namespace vouch::server::questions {

struct InviteMailReport {
  std::int64_t queued = 0;
  std::int64_t unsubscribed = 0;
  std::int64_t already_invited = 0;
  std::int64_t cooldown = 0;
  std::int64_t asker = 0;
  std::int64_t cap = 0;              // over questions.invites_per_question
  std::int64_t without_address = 0;  // verified buyers whose address is unknown (or unusable)
};

// 409 question_not_published, no_hmac_secret, mail_not_configured (no "mail"
// relay: nothing would be sent), no_public_url (the unsubscribe link needs
// it), no_product_url (the answer link needs it). One transaction: every row
// of a call is queued, or none.
app::Outcome<InviteMailReport> invite_buyers_by_mail(App& app, const std::string& question_id);

// {"queued", "skipped": {"unsubscribed", "already_invited", "cooldown", "asker", "cap"},
//  "without_address"}.
json invite_report_json(const InviteMailReport& report);

// Called right after a question became published (its own transaction
// committed): with questions.invite_on_publish, mails its buyers. Whatever
// happens here is logged, never the publisher's failure.
void after_question_published(App& app, const std::string& question_id);

// Deletes the invitation rows of this address (erasure); gives how many.
Result<std::int64_t> erase_invites(Database& db, std::string_view email);

}  // namespace vouch::server::questions
