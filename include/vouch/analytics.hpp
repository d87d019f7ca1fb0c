#pragma once
// Review analytics for the store owner (issue 16): the figures of the console's
// "Analytics" page, computed from plain review records. Pure C++, no I/O: the
// server loads the records from SQLite (src/server/analytics/) and caches the
// result. Definitions of every figure: docs/console.md, "Analytics".
//
// Dates are the store's local dates (the zone comes in as a ZoneOffsets); a
// review belongs to the local date of its `created` instant. Weeks are ISO
// weeks (Monday first), months are calendar months, both in the store's zone.
// Percentiles are nearest-rank: the value at rank ceil(p x n) of the sorted list.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vouch/civil_date.hpp"
#include "vouch/response_clock.hpp"

namespace vouch::analytics {

using UnixSeconds = std::int64_t;

enum class ReviewState : std::uint8_t { Pending, Published, Rejected, Hidden };

struct ReviewRecord {
  std::string id;
  std::string product_id;
  int rating = 0;  // 1..5
  UnixSeconds created = 0;
  ReviewState state = ReviewState::Published;
  std::vector<std::string> tags;  // triage tags (inbox_tags)
  bool has_photos = false;
  std::optional<UnixSeconds> first_reply_at;
  std::string first_reply_by;             // staff name, "" = unknown
  std::optional<UnixSeconds> due_at;      // the response clock's due time, if any
  std::optional<UnixSeconds> decided_at;  // first moderation decision
  std::string title, body, language;      // for phrases
};

enum class Period : std::uint8_t { Week, Month };

struct Query {
  CivilDate from;                      // inclusive, store-local
  CivilDate to;                        // inclusive, store-local
  std::optional<std::string> product;  // only this product
  Period period = Period::Week;
  int negative_max_rating = 2;  // <= this is negative
  int positive_min_rating = 4;  // >= this is positive
  std::size_t phrases_per_side = 10;
  std::size_t phrase_min_count = 2;  // a phrase needs this many reviews
};

// ---- panels ------------------------------------------------------------------
struct PeriodKey {
  std::int64_t start_day = 0;  // days since 1970-01-01 of the first local day
  std::string label;           // "2026-W01" (ISO week) or "2026-01"
};

struct TrendPoint {
  PeriodKey period;
  std::int64_t count = 0;
  std::optional<double> average;
  std::array<std::int64_t, 5> stars{};  // [0] = 1 star .. [4] = 5 stars
};

struct TrendSeries {
  std::string product_id;  // "" = the store
  std::vector<TrendPoint> points;
};

struct TrendPanel {
  TrendSeries store;                  // every period of the range, empty ones too
  std::vector<TrendSeries> products;  // by id; only periods with reviews
};

struct TagShare {
  std::string tag;
  std::int64_t negative = 0;  // negative reviews with this tag
  std::int64_t positive = 0;
  std::optional<double> negative_share;  // negative / negative reviews
  std::optional<double> positive_share;
};

struct TagPeriod {
  PeriodKey period;
  std::int64_t negative_reviews = 0;
  std::int64_t positive_reviews = 0;
  std::vector<TagShare> tags;  // tags seen in the period, by tag
};

struct TagsPanel {
  std::int64_t negative_reviews = 0;
  std::int64_t positive_reviews = 0;
  std::vector<TagShare> tags;      // most negative first, then tag
  std::vector<TagPeriod> periods;  // every period of the range
};

struct Phrase {
  std::string text;    // as the oldest example review writes it ("Poor quality", 品質が悪い)
  std::string folded;  // the search-folded form it is counted under (poor quality, 品质が悪い)
  bool characters = false;            // a character n-gram (zh, ja) rather than words
  std::int64_t count = 0;             // reviews on this side containing it
  std::int64_t other_count = 0;       // reviews on the other side containing it
  double score = 0;                   // log-likelihood ratio G2 of this side vs the other
  std::vector<std::string> examples;  // up to 3 review ids, oldest first
};

struct ProductPhrases {
  std::string product_id;
  std::int64_t negative_reviews = 0;
  std::int64_t positive_reviews = 0;
  std::vector<Phrase> negative;  // best first
  std::vector<Phrase> positive;
};

struct ProductRow {
  std::string product_id;
  std::int64_t count = 0;
  std::optional<double> average;
  std::optional<double> negative_share;
  std::optional<double> photo_share;
  std::optional<double> response_rate;
  std::optional<std::int64_t> median_reply_seconds;
};

struct ResponseFigures {
  std::int64_t reviews = 0;
  std::int64_t replied = 0;
  std::optional<double> reply_rate;
  std::optional<std::int64_t> median_reply_seconds;
  std::optional<std::int64_t> p90_reply_seconds;
  std::int64_t with_target = 0;    // reviews with a due time
  std::int64_t within_target = 0;  // ... answered at or before it
  std::optional<double> within_target_share;
};

struct ResponsePeriod {
  PeriodKey period;
  ResponseFigures figures;
};

struct StaffResponse {
  std::string name;
  std::int64_t replies = 0;
  std::optional<std::int64_t> median_reply_seconds;
  std::int64_t within_target = 0;
};

struct ResponsesPanel {
  ResponseFigures total;
  std::vector<ResponsePeriod> periods;  // every period of the range
  std::vector<StaffResponse> staff;     // by name
};

struct FairnessRow {
  int stars = 0;
  std::int64_t total = 0;
  std::int64_t published = 0, rejected = 0, hidden = 0, pending = 0;
  std::optional<double> published_rate, rejected_rate, hidden_rate, pending_rate;
  std::int64_t decided = 0;  // with a moderation decision
  std::optional<std::int64_t> median_moderation_seconds;
};

// ---- review requests (issue 18) ----------------------------------------------
// The funnel of the review-request mail, rating-blind (never split by stars).
// A request (or reminder) row counts in the period of the local day it was
// queued (handed to the outbox); it is "opened" when at least one of its
// star links was clicked (no tracking pixel). Reviews count in the period of
// their local created date; rejected ones are left out, as in every panel
// but fairness. Definitions: docs/console.md, "Review requests".
struct RequestRecord {
  UnixSeconds queued_at = 0;
  std::vector<std::string> products;  // the product ids the mail asked about
  bool clicked = false;               // at least one star-link click
};

struct RequestReviewRecord {
  std::string product_id;
  UnixSeconds created = 0;
  ReviewState state = ReviewState::Published;
  bool verified = false;      // a verified_orders row names it
  bool from_request = false;  // ... and its order had a queued request
};

struct RequestFigures {
  std::int64_t sent = 0;    // request + reminder rows queued
  std::int64_t opened = 0;  // of those, with a star-link click
  std::optional<double> open_rate;
  std::int64_t reviews_from_requests = 0;
  std::int64_t reviews = 0;           // every review created (not rejected)
  std::int64_t verified_reviews = 0;  // of those, verified
  std::optional<double> verified_share;
};

struct RequestPeriod {
  PeriodKey period;
  RequestFigures figures;
};

struct RequestsPanel {
  RequestFigures total;
  std::vector<RequestPeriod> periods;  // every period of the range
};

struct Analytics {
  TrendPanel trend;
  TagsPanel tags;
  std::vector<ProductPhrases> phrases;  // by product id
  std::vector<ProductRow> products;     // most reviews first, then id
  ResponsesPanel responses;
  std::array<FairnessRow, 5> fairness;  // 1..5 stars
  // Not from the review records: compute() leaves it empty, the caller fills
  // it with compute_requests() over the request rows.
  RequestsPanel requests;
};

// Every panel over the reviews whose local created date is in [from, to]
// (and of `product` when set). Rejected reviews (spam, abuse) are left out of
// every panel but fairness, which is about them. from > to: empty panels.
Analytics compute(const std::vector<ReviewRecord>& reviews, const Query& query,
                  const clock::ZoneOffsets& zone);

// The reviews of a store kept derived (folded, cut into phrase candidates,
// tags deduplicated) between answers, for the server's incremental cache: a
// changed review is derived again alone, and compute() then only aggregates.
// compute(q, zone) equals the free compute() over the same records (the
// Catch2 tests prove it). Not thread-safe: the caller serialises.
class Corpus {
 public:
  Corpus();
  ~Corpus();
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  void upsert(ReviewRecord record);   // adds or replaces the review with this id
  bool erase(const std::string& id);  // false when it was not there
  void clear();
  bool contains(const std::string& id) const;
  std::size_t size() const;
  // An estimate of the heap it holds (texts, candidate ids, dictionary).
  std::size_t memory_bytes() const;
  Analytics compute(const Query& query, const clock::ZoneOffsets& zone) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The funnel over [query.from, query.to]; query.product keeps the requests
// that asked about it and the reviews of it.
RequestsPanel compute_requests(const std::vector<RequestRecord>& requests,
                               const std::vector<RequestReviewRecord>& reviews, const Query& query,
                               const clock::ZoneOffsets& zone);

// The period containing a local day, and the next period's first day.
PeriodKey period_of(std::int64_t local_day, Period period);
std::int64_t next_period_start(std::int64_t start_day, Period period);
// The store-local day of an instant.
std::int64_t local_day(UnixSeconds instant, const clock::ZoneOffsets& zone);
// ceil(p x n)-th of the sorted values, nullopt when empty.
std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t> values, int percent);

// Phrase extraction alone (what compute() does per product), for fixtures.
struct PhraseInput {
  const ReviewRecord* review = nullptr;
  bool negative = false;
};
void top_phrases(const std::vector<PhraseInput>& reviews, const Query& query,
                 std::vector<Phrase>& negative, std::vector<Phrase>& positive);

}  // namespace vouch::analytics
