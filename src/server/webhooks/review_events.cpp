#include "webhooks/review_events.hpp"

#include "http_util.hpp"
#include "vouch/snapshot.hpp"
#include "webhooks/webhook_events.hpp"

namespace vouch::server::webhooks {

namespace {

std::string personal(const StoredReview& stored) {
  if (stored.email.empty()) return "{}";
  return dump_json({{"review", {{"email", stored.email}}}});
}

Status recorded(const Result<RecordedEvent>& event) {
  if (!event) return event.error();
  return Ok{};
}

}  // namespace

Status announce_review(Database& db, std::string_view type, const StoredReview& stored,
                       std::int64_t now) {
  const Review& r = stored.review;
  // The status as the event describes it: a review.published is published.
  const std::string status = type == "review.published" ? "published" : stored.status;
  const json data = {{"review",
                      {{"id", r.id},
                       {"product_id", r.product_id},
                       {"rating", r.rating},
                       {"title", r.title},
                       {"body", r.body},
                       {"author", r.author},
                       {"status", status},
                       {"verified", r.verification == Verification::VerifiedPurchase},
                       {"created", format_utc(r.created)}}}};
  return recorded(record_event(db, type, dump_json(data), now, personal(stored)));
}

Status announce_reply(Database& db, const StoredReview& stored, const std::string& text,
                      std::int64_t now) {
  const json data = {
      {"review", {{"id", stored.review.id}, {"product_id", stored.review.product_id}}},
      {"reply", {{"text", text}, {"time", format_utc(now)}}}};
  return recorded(record_event(db, "review.replied", dump_json(data), now, personal(stored)));
}

}  // namespace vouch::server::webhooks
