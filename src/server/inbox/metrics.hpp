#pragma once
// Response metrics (issue 15 item 7), from inbox_items + reviews. Every
// figure is over the reviews that ARRIVED in the window [now - days, now],
// except overdue, which is "right now" over the whole inbox. Rejected reviews
// (spam, abuse) are left out: nobody answers them. Definitions: docs/console.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"

namespace vouch::server::inbox {

struct StaffFigures {
  std::string name;
  std::int64_t replies = 0;  // first replies
  std::optional<std::int64_t> median_first_reply_seconds;
  std::int64_t follow_ups = 0;
  std::int64_t satisfied = 0;
};

struct ProductFigures {
  std::string product_id;
  std::int64_t reviews = 0;
  std::optional<double> response_rate;
  std::optional<std::int64_t> median_first_reply_seconds;
  std::int64_t overdue = 0;  // now, whole inbox
};

struct Metrics {
  int days = 0;
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::int64_t reviews = 0;
  std::optional<double> response_rate;  // replied / reviews
  // Nearest-rank percentiles of first_reply_at - arrived_at over replied reviews.
  std::optional<std::int64_t> median_first_reply_seconds;
  std::optional<std::int64_t> p90_first_reply_seconds;
  std::int64_t negative_total = 0;
  std::int64_t negative_within_target = 0;  // first_reply_at <= due_at
  std::optional<double> negative_share_within_target;
  std::int64_t overdue_now = 0;
  std::int64_t follow_ups_done = 0;
  std::int64_t satisfied = 0;
  std::int64_t not_satisfied = 0;
  std::int64_t no_answer = 0;
  std::optional<double> satisfaction_rate;  // satisfied / (satisfied + not_satisfied)
  std::vector<StaffFigures> per_staff;      // by name
  std::vector<ProductFigures> per_product;  // most reviews first, then id
};

// days: 7, 30 or 90 (else 400 invalid_parameter).
app::Outcome<Metrics> compute_metrics(App& app, int days);

// Nearest rank: the value at rank ceil(p x n) of the sorted list (p in (0, 1]).
std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t> values, int percent);

}  // namespace vouch::server::inbox
