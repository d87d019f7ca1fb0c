#include "requests/request_scheduler.hpp"

#include <chrono>
#include <cstdio>
#include <optional>

#include "http_util.hpp"
#include "outbox/outbox.hpp"
#include "requests/orders.hpp"
#include "requests/request_links.hpp"
#include "requests/request_mail_build.hpp"

namespace vouch::server::requests {

namespace {

namespace rm = vouch::request_mail;
constexpr std::int64_t kDay = 86400;

struct DueRequest {
  std::int64_t id = 0;
  std::string order_id;
  std::int64_t sequence = 0;
  std::string kind;
};

Status mark_skipped(Database& db, std::int64_t id, const char* reason) {
  Statement update(db.handle(),
                   "UPDATE review_requests SET state = 'skipped', skip_reason = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, std::string_view(reason));
  return update.run();
}

// Products of the order nobody reviewed yet: neither through this order's
// token (verified_orders) nor by the customer's address (any review).
std::vector<OrderItem> unreviewed(Database& db, const std::string& order_id,
                                  const std::string& key) {
  std::vector<OrderItem> items;
  Statement rows(db.handle(),
                 "SELECT i.product_id, i.name, i.url, i.image FROM order_items i WHERE "
                 "i.order_id = ?1 AND NOT EXISTS (SELECT 1 FROM verified_orders v WHERE "
                 "v.order_id = i.order_id AND v.product_id = i.product_id) AND NOT EXISTS "
                 "(SELECT 1 FROM reviews r WHERE r.product_id = i.product_id AND r.email <> '' "
                 "AND lower(r.email) = ?2) ORDER BY i.position");
  rows.bind(1, order_id).bind(2, key);
  while (rows.step()) items.push_back({rows.text(0), rows.text(1), rows.text(2), rows.text(3)});
  return items;
}

// One decision, in one transaction: queued with its outbox row, or skipped.
Result<bool> process_one(App& app, const DueRequest& due, std::int64_t now) {
  Database& db = *app.db;
  const RequestSettings& settings = app.config.requests;
  Transaction transaction(db);
  Statement order(db.handle(),
                  "SELECT customer_name, email, email_key, locale, fulfilled_at FROM orders "
                  "WHERE order_id = ?1");
  order.bind(1, due.order_id);
  if (!order.step()) return Error{"review_requests", "order vanished", ErrorKind::Storage};
  const std::string name = order.text(0), email = order.text(1), key = order.text(2),
                    locale = order.text(3);
  const std::int64_t fulfilled = order.integer(4);

  const char* skip = nullptr;
  std::vector<OrderItem> products;
  if (app.config.public_url.empty() || app.config.hmac_secret.empty()) {
    skip = "no_public_url";
  } else if (is_unsubscribed(db, key)) {
    skip = "unsubscribed";
  }
  if (!skip && now > fulfilled + static_cast<std::int64_t>(settings.max_age_days) * kDay)
    skip = "too_old";
  if (!skip) {
    products = unreviewed(db, due.order_id, key);
    if (products.empty()) skip = "reviewed";
  }
  if (!skip) {
    Statement sent(db.handle(),
                   "SELECT COUNT(*) FROM review_requests r JOIN orders o ON o.order_id = "
                   "r.order_id WHERE o.email_key = ?1 AND r.state = 'queued' AND r.queued_at > ?2");
    sent.bind(1, key).bind(2, now - 30 * kDay);
    if (sent.step() && sent.integer(0) >= settings.cap_per_30_days) skip = "cap";
  }
  if (skip) {
    if (Status s = mark_skipped(db, due.id, skip); !s) return s.error();
    if (Status s = transaction.commit(); !s) return s.error();
    return false;
  }

  const rm::MailKind kind = due.kind == "reminder" ? rm::MailKind::Reminder : rm::MailKind::Request;
  const rm::RenderedMail mail =
      build_mail(app, kind, due.id, due.order_id, name, locale, products, now);
  json product_ids = json::array();
  for (const OrderItem& item : products) product_ids.push_back(item.product_id);
  outbox::OutgoingMail out;
  out.kind = kind == rm::MailKind::Reminder ? "reminder" : "review_request";
  out.to_address = email;
  out.to_name = name;
  out.subject = mail.subject;
  out.text_body = mail.text;
  out.html_body = mail.html;
  out.list_unsubscribe_url =
      unsubscribe_link(app.config.public_url, sign_unsubscribe(due.id, app.config.hmac_secret));
  out.reference = "request:" + std::to_string(due.id);
  out.request_json = dump_json({{"order_id", due.order_id}, {"products", product_ids}});
  Result<std::int64_t> queued = outbox::enqueue_mail(db, out, now);
  if (!queued) return queued.error();
  Statement update(db.handle(),
                   "UPDATE review_requests SET state = 'queued', outbox_id = ?2, queued_at = ?3, "
                   "products = ?4 WHERE id = ?1");
  update.bind(1, due.id).bind(2, queued.value()).bind(3, now).bind(4, dump_json(product_ids));
  if (Status s = update.run(); !s) return s.error();
  if (due.sequence < settings.reminders) {
    Statement next(db.handle(),
                   "INSERT OR IGNORE INTO review_requests (order_id, sequence, kind, due_at, "
                   "created_at) VALUES (?1, ?2, 'reminder', ?3, ?4)");
    next.bind(1, due.order_id)
        .bind(2, due.sequence + 1)
        .bind(3, now + static_cast<std::int64_t>(settings.reminder_after_days) * kDay)
        .bind(4, now);
    if (Status s = next.run(); !s) return s.error();
  }
  if (Status s = transaction.commit(); !s) return s.error();
  return true;
}

}  // namespace

Result<DueReport> process_due(App& app) {
  Database& db = *app.db;
  DueReport report;
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  const std::int64_t now = app.now();
  std::vector<DueRequest> due;
  {
    Statement rows(db.handle(),
                   "SELECT id, order_id, sequence, kind FROM review_requests WHERE state = "
                   "'scheduled' AND due_at <= ?1 ORDER BY due_at, id LIMIT 200");
    rows.bind(1, now);
    while (rows.step())
      due.push_back({rows.integer(0), rows.text(1), rows.integer(2), rows.text(3)});
    if (rows.failed()) return Error{"review_requests", rows.error_message(), ErrorKind::Storage};
  }
  for (const DueRequest& request : due) {
    Result<bool> done = process_one(app, request, now);
    if (!done) return done.error();
    (done.value() ? report.queued : report.skipped) += 1;
  }
  return report;
}

namespace {

// Where a request is now (the send-now answer).
std::optional<SendNowAnswer> request_now(Database& db, std::int64_t id) {
  Statement row(db.handle(),
                "SELECT r.state, r.skip_reason, COALESCE(r.outbox_id, 0), COALESCE((SELECT "
                "o.state FROM outbox o WHERE o.id = r.outbox_id), r.pruned_mail_state) FROM "
                "review_requests r WHERE r.id = ?1");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  SendNowAnswer answer;
  answer.id = id;
  answer.state = row.text(0);
  answer.skip_reason = row.text(1);
  answer.outbox_id = row.integer(2);
  answer.mail_state = row.text(3);
  return answer;
}

}  // namespace

app::Outcome<SendNowAnswer> send_now(App& app, std::int64_t id) {
  Database& db = *app.db;
  // The scheduler thread takes the same lock for its whole pass, so a request
  // is decided once: by it or here, never by both.
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  const std::int64_t now = app.now();
  std::optional<SendNowAnswer> before = request_now(db, id);
  if (!before)
    return app::problem(app::Failure::NotFound, "not_found",
                        "no review request " + std::to_string(id));
  if (before->state != "scheduled") return *before;
  DueRequest due;
  {
    Statement row(db.handle(),
                  "SELECT order_id, sequence, kind FROM review_requests WHERE id = ?1");
    row.bind(1, id);
    if (!row.step())
      return app::storage_failure(
          "requests: send now", Error{"review_requests", row.error_message(), ErrorKind::Storage});
    due = DueRequest{id, row.text(0), row.integer(1), row.text(2)};
  }
  // Due now: if the decision below fails, the scheduler's next pass retries it.
  Statement move(db.handle(), "UPDATE review_requests SET due_at = ?2 WHERE id = ?1");
  move.bind(1, id).bind(2, now);
  if (Status s = move.run(); !s) return app::storage_failure("requests: send now", s.error());
  Result<bool> decided = process_one(app, due, now);
  if (!decided) return app::storage_failure("requests: send now", decided.error());
  std::optional<SendNowAnswer> after = request_now(db, id);
  if (!after)
    return app::problem(app::Failure::NotFound, "not_found",
                        "no review request " + std::to_string(id));
  after->was_scheduled = true;
  return *after;
}

void RequestScheduler::start() {
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void RequestScheduler::stop() {
  stopping_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RequestScheduler::run() {
  while (!stopping_) {
    Result<DueReport> done = process_due(app_);
    if (!done) std::fprintf(stderr, "requests: %s\n", done.error().to_string().c_str());
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_.load(); });
  }
}

}  // namespace vouch::server::requests
