#include "inbox/metrics.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "inbox/console_item.hpp"

namespace vouch::server::inbox {

namespace {

struct Row {
  std::string product_id;
  int rating = 0;
  std::int64_t arrived_at = 0;
  std::int64_t due_at = 0;
  std::optional<std::int64_t> first_reply_at;
  std::string first_reply_by;
  std::string outcome;
  std::string followed_up_by;
};

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// Needs a response and its due time has passed (the inbox's "overdue" view).
constexpr const char* kOverdueNow =
    "SELECT r.product_id, count(*) FROM inbox_items i JOIN reviews r ON r.id = i.review_id "
    "WHERE i.first_reply_at IS NULL AND i.no_reply_at IS NULL "
    "AND i.state NOT IN ('resolved', 'followed_up') AND r.status != 'rejected' "
    "AND i.due_at > 0 AND i.due_at <= ?1 GROUP BY r.product_id";

}  // namespace

std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t> values, int percent) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  std::size_t rank = (static_cast<std::size_t>(percent) * n + 99) / 100;  // ceil
  if (rank < 1) rank = 1;
  return values[rank - 1];
}

app::Outcome<Metrics> compute_metrics(App& app, int days) {
  if (days != 7 && days != 30 && days != 90)
    return app::problem(app::Failure::Malformed, "invalid_parameter", "days: 7, 30 or 90");
  Metrics m;
  m.days = days;
  m.to = app.now();
  m.from = m.to - static_cast<std::int64_t>(days) * 86400;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Statement query(app.db->handle(),
                  "SELECT r.product_id, r.rating, i.arrived_at, i.due_at, i.first_reply_at, "
                  "i.first_reply_by, coalesce(i.follow_up_outcome, ''), i.followed_up_by "
                  "FROM inbox_items i JOIN reviews r ON r.id = i.review_id "
                  "WHERE i.arrived_at >= ?1 AND i.arrived_at <= ?2 AND r.status != 'rejected'");
  query.bind(1, m.from).bind(2, m.to);
  std::vector<Row> rows;
  while (query.step()) {
    Row row;
    row.product_id = query.text(0);
    row.rating = static_cast<int>(query.integer(1));
    row.arrived_at = query.integer(2);
    row.due_at = query.integer(3);
    if (!query.is_null(4)) row.first_reply_at = query.integer(4);
    row.first_reply_by = query.text(5);
    row.outcome = query.text(6);
    row.followed_up_by = query.text(7);
    rows.push_back(std::move(row));
  }
  if (query.failed())
    return storage_problem("metrics", Error{"inbox_items", query.error_message()});

  std::vector<std::int64_t> delays;
  std::map<std::string, StaffFigures> staff;
  std::map<std::string, std::vector<std::int64_t>> staff_delays;
  std::map<std::string, ProductFigures> products;
  std::map<std::string, std::vector<std::int64_t>> product_delays;
  std::map<std::string, std::int64_t> product_replied;
  for (const Row& row : rows) {
    ++m.reviews;
    ProductFigures& product = products[row.product_id];
    product.product_id = row.product_id;
    ++product.reviews;
    if (row.first_reply_at) {
      // A reply stamped before arrival (an imported reply) counts as instant.
      const std::int64_t delay = std::max<std::int64_t>(0, *row.first_reply_at - row.arrived_at);
      delays.push_back(delay);
      product_delays[row.product_id].push_back(delay);
      ++product_replied[row.product_id];
      if (!row.first_reply_by.empty()) {
        StaffFigures& s = staff[row.first_reply_by];
        s.name = row.first_reply_by;
        ++s.replies;
        staff_delays[row.first_reply_by].push_back(delay);
      }
    }
    if (row.rating > 0 && row.rating <= app.inbox->clock.targets.negative_max_rating) {
      ++m.negative_total;
      if (row.first_reply_at && row.due_at > 0 && *row.first_reply_at <= row.due_at)
        ++m.negative_within_target;
    }
    if (!row.outcome.empty()) {
      ++m.follow_ups_done;
      if (row.outcome == "satisfied") ++m.satisfied;
      if (row.outcome == "not_satisfied") ++m.not_satisfied;
      if (row.outcome == "no_answer") ++m.no_answer;
      if (!row.followed_up_by.empty()) {
        StaffFigures& s = staff[row.followed_up_by];
        s.name = row.followed_up_by;
        ++s.follow_ups;
        if (row.outcome == "satisfied") ++s.satisfied;
      }
    }
  }
  m.response_rate = ratio(static_cast<std::int64_t>(delays.size()), m.reviews);
  m.median_first_reply_seconds = nearest_rank(delays, 50);
  m.p90_first_reply_seconds = nearest_rank(delays, 90);
  m.negative_share_within_target = ratio(m.negative_within_target, m.negative_total);
  m.satisfaction_rate = ratio(m.satisfied, m.satisfied + m.not_satisfied);

  Statement overdue(app.db->handle(), kOverdueNow);
  overdue.bind(1, m.to);
  while (overdue.step()) {
    const std::string product_id = overdue.text(0);
    const std::int64_t count = overdue.integer(1);
    m.overdue_now += count;
    ProductFigures& product = products[product_id];
    product.product_id = product_id;
    product.overdue = count;
  }
  if (overdue.failed())
    return storage_problem("metrics", Error{"inbox_items", overdue.error_message()});

  for (auto& [name, figures] : staff) {
    figures.median_first_reply_seconds = nearest_rank(staff_delays[name], 50);
    m.per_staff.push_back(figures);
  }
  for (auto& [id, figures] : products) {
    figures.response_rate = ratio(product_replied[id], figures.reviews);
    figures.median_first_reply_seconds = nearest_rank(product_delays[id], 50);
    m.per_product.push_back(figures);
  }
  std::stable_sort(
      m.per_product.begin(), m.per_product.end(),
      [](const ProductFigures& a, const ProductFigures& b) { return a.reviews > b.reviews; });
  return m;
}

}  // namespace vouch::server::inbox
