#pragma once
// Everything the server stores about reviews, behind prepared statements:
// reviews with their private columns (e-mail, IP, moderation state), votes,
// reports, verified orders and idempotency keys. The audit log is in audit_log.hpp.
// Callers hold Database::mutex() for multi-step operations; each function here
// also locks it, so single calls are safe from any thread.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db.hpp"
#include "vouch/model.hpp"
#include "vouch/validate.hpp"

namespace vouch::server {

// pending: waiting for a moderator; published: shown; rejected: a moderator
// said no (with a reason); hidden: taken down after publishing.
inline constexpr std::string_view kStatuses[] = {"pending", "published", "rejected", "hidden"};
bool is_status(std::string_view status);

struct StoredReview {
  Review review;  // the public part (helpful counts are filled from votes)
  std::string status = "pending";
  std::string email;
  std::string ip;
  std::string flags;  // validator flag codes, comma-separated
  std::string moderation_reason;
  std::string order_id;          // set for verified purchases
  bool source_verified = false;  // the app we imported from said "verified"; shown to admins only
  std::uint32_t report_count = 0;
};

// The rules of a stored row: the core's check_review (vouch/review_rules.hpp)
// plus what only the server stores (a known status, a usable product id).
// Every write below runs it; a violation is an ErrorKind::Invalid error and
// the caller's transaction rolls back.
std::optional<Error> check_stored_review(const StoredReview& stored);

// Checks, then inserts (with the body's near-duplicate fingerprint).
Status insert_review(Database& db, const StoredReview& stored);

// Published reviews of one product, oldest first (ties by id): the snapshot order.
Result<std::vector<Review>> published_reviews(Database& db, std::string_view product_id);
// Every product id with at least one published review (static export).
Result<std::vector<std::string>> published_product_ids(Database& db);

Result<std::optional<StoredReview>> find_review(Database& db, std::string_view id);

// Newest first. status "" = every status.
Result<std::vector<StoredReview>> list_reviews(Database& db, std::string_view status,
                                               std::int64_t limit, std::int64_t offset);
Result<std::int64_t> count_reviews(Database& db, std::string_view status);
// Every review, oldest first (export).
Result<std::vector<StoredReview>> all_reviews(Database& db);

// Calls `visit` for every stored row, oldest first, one row in memory at a time
// (the health scan and the migration of old rows).
Status for_each_review(Database& db, const std::function<void(const StoredReview&)>& visit);
// Rewrites the language of one row (normalising tags written by older versions).
Status set_language(Database& db, std::string_view id, std::string_view language);

// How many of a product's newest pending and published reviews a new one is
// compared with for near-duplicates: a copy of a recent review is what spam
// looks like, and the cost of a submission must not grow with the product.
inline constexpr std::size_t kNearDuplicateWindow = 500;

// Fingerprints (text_fingerprint of the body, stored at insert) of the
// product's newest `limit` pending and newest `limit` published reviews: two
// bounded range scans of the (product_id, status, created) index. Rows from
// before the fingerprint column are fingerprinted here.
Result<std::vector<Fingerprint>> recent_fingerprints(Database& db, std::string_view product_id,
                                                     std::size_t limit = kNearDuplicateWindow);

// The updates below re-check the row after the change (check_stored_review)
// and fail with ErrorKind::Invalid when it would break the rules.
Status set_status(Database& db, std::string_view id, std::string_view status,
                  std::string_view reason, std::int64_t now);
Status set_featured(Database& db, std::string_view id, bool featured, std::int64_t now);
Status set_reply(Database& db, std::string_view id, std::string_view text, std::int64_t now);
Status delete_review(Database& db, std::string_view id);

struct VoteCounts {
  std::uint32_t up = 0;
  std::uint32_t down = 0;
};
// One vote per visitor per review; voting again replaces the earlier vote.
Result<VoteCounts> cast_vote(Database& db, std::string_view review_id, std::string_view visitor,
                             int direction, std::int64_t now);

// The fixed list of reasons a shopper may report a review for (the core's,
// which the report picker lists).
using vouch::kReportReasons;
bool is_report_reason(std::string_view reason);
Status add_report(Database& db, std::string_view review_id, std::string_view reason,
                  std::string_view visitor, std::int64_t now);

// Marks (product, order) as used by `review_id`. False when it was used before.
Result<bool> claim_verified_order(Database& db, std::string_view product_id,
                                  std::string_view order_id, std::string_view review_id,
                                  std::int64_t now);

struct StoredResponse {
  int status = 0;
  std::string body;
};
Result<std::optional<StoredResponse>> find_idempotent_response(Database& db, std::string_view key);
// Stores the first answer for a key. False when the key was stored before
// (a concurrent retry won): the caller then answers with find_idempotent_response.
Result<bool> store_idempotent_response(Database& db, std::string_view key, int status,
                                       std::string_view body, std::int64_t now);

// GDPR: everything stored for an e-mail address (case-insensitive match).
Result<std::vector<StoredReview>> reviews_by_email(Database& db, std::string_view email);
// Deletes the reviews (anonymise=false) or strips the personal data and keeps
// the text under the name "Anonymous" (anonymise=true). Returns affected ids.
Result<std::vector<std::string>> erase_reviewer(Database& db, std::string_view email,
                                                bool anonymise, std::int64_t now);

// An uploaded photo's row (the file is written first, under `name`).
struct PhotoRow {
  std::string name;
  std::string review_id;
  std::string content_type;
  std::size_t bytes = 0;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::int64_t created = 0;
};
Status insert_photo(Database& db, const PhotoRow& photo);

// Deletes the photo rows of these reviews and returns their file names, so the
// caller can unlink the files once the transaction has committed.
Result<std::vector<std::string>> take_photos(Database& db,
                                             const std::vector<std::string>& review_ids);

}  // namespace vouch::server
