#pragma once
// Triage and due time of reviews, stored in inbox_items / inbox_tags: for one
// new review (in the caller's transaction: submit, import), for the reviews
// an older database has no inbox row for (backfill at start-up), and again
// when the triage or clock configuration changed (never overwriting what
// staff corrected: *_corrected). The tags also fill reviews.topics, the
// shopper's topic chips, with the tags' labels.

#include <string>
#include <vector>

#include "db.hpp"
#include "inbox/inbox_settings.hpp"
#include "review_store.hpp"

namespace vouch::server::inbox {

// The stored columns triage and the clock read.
struct TriageSource {
  std::string id;
  std::string product_id;
  std::string title;
  std::string body;
  std::string author;
  std::string language;
  std::string flags;  // comma-separated codes, as stored
  int rating = 0;
  std::int64_t created = 0;
  std::string reply_text;
  std::int64_t reply_time = 0;
  std::string topics;  // the stored JSON array ("" = unknown)
  std::string status;
};
TriageSource triage_source(const StoredReview& stored);

triage::Triage run_triage(const InboxSettings& settings, const TriageSource& source);
// The due instant of a review that arrived at `arrived` with this rating.
std::int64_t due_time(const InboxSettings& settings, int rating, std::int64_t arrived);
// The shopper's topics for these tag ids: their labels, each once.
std::vector<std::string> topic_labels(const InboxSettings& settings,
                                      const std::vector<std::string>& tags);
std::string search_text_of(const TriageSource& source);

// Inserts the inbox row and tags of a review just inserted, and its topics.
// Call inside the transaction that inserted the review.
Status add_inbox_item(Database& db, const InboxSettings& settings, const TriageSource& source);

// Writes inbox rows with statements prepared once (the backfill writes many).
class ItemWriter {
 public:
  ItemWriter(Database& db, const InboxSettings& settings);
  Status write(const TriageSource& source, const triage::Triage& result);

 private:
  Database& db_;
  const InboxSettings& settings_;
  Statement insert_;
  Statement add_tag_;
  Statement topics_;
};

// Triage of many reviews, spread over the cores (results in input order).
std::vector<triage::Triage> run_triage_batch(const InboxSettings& settings,
                                             const std::vector<TriageSource>& sources);

// Writes reviews.topics from the item's stored tags (after a staff correction).
Status write_topics(Database& db, const InboxSettings& settings, const std::string& review_id);

// Recomputes the search text of one item from its review as stored now (after
// an anonymisation: the author's name must not linger in the inbox).
Status refresh_search_text(Database& db, const std::string& review_id);

struct PrepareReport {
  std::size_t backfilled = 0;
  std::size_t retriaged = 0;
  std::size_t reclocked = 0;
  std::size_t reclocked_questions = 0;  // question items, against the question target
};
// Start-up: backfill, then re-triage / re-clock when the stored configuration
// hash differs (console_state). Batched, each batch one transaction.
Result<PrepareReport> prepare_inbox(Database& db, const InboxSettings& settings);

}  // namespace vouch::server::inbox
