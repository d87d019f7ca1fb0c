#include "retention.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include "app.hpp"
#include "requests/request_mail_release.hpp"

namespace vouch::server {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kPassEvery = 3600;  // app-clock seconds between passes

Result<std::int64_t> run_counted(Database &db, const char *sql, std::int64_t before) {
  Statement statement(db.handle(), sql);
  statement.bind(1, before);
  if (Status ran = statement.run(); !ran) return ran.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

}  // namespace

Result<PruneReport> prune_finished_rows(Database &db, const RetentionSettings &settings,
                                        std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Transaction transaction(db);
  PruneReport report;
  // A mail's age is its last attempt (a failed row is kept as long after it
  // was given up as a sent one after it went); only finished states.
  static const char *const kOldMails =
      "SELECT id FROM outbox WHERE state IN ('sent', 'failed') AND "
      "COALESCE(sent_at, last_attempt_at, created_at) < ?1";
  const std::int64_t mails_before = now - settings.outbox_days * kDay;
  Result<std::int64_t> kept = requests::release_request_mails(db, kOldMails, mails_before);
  if (!kept) return kept.error();
  Result<std::int64_t> mails =
      run_counted(db, (std::string("DELETE FROM outbox WHERE id IN (") + kOldMails + ")").c_str(),
                  mails_before);
  if (!mails) return mails.error();
  report.mails = mails.value();
  // Old events none of whose deliveries is still queued or in flight.
  const std::int64_t before = now - settings.webhook_days * kDay;
  static const char *const kOldEvents =
      "SELECT id FROM webhook_events e WHERE e.created_at < ?1 AND NOT EXISTS "
      "(SELECT 1 FROM "
      "webhook_deliveries d WHERE d.event_id = e.id AND d.state IN ('queued', "
      "'delivering'))";
  Result<std::int64_t> attempts =
      run_counted(db,
                  (std::string("DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM "
                               "webhook_deliveries WHERE event_id IN (") +
                   kOldEvents + "))")
                      .c_str(),
                  before);
  if (!attempts) return attempts.error();
  Result<std::int64_t> deliveries = run_counted(
      db,
      (std::string("DELETE FROM webhook_deliveries WHERE event_id IN (") + kOldEvents + ")")
          .c_str(),
      before);
  if (!deliveries) return deliveries.error();
  report.deliveries = deliveries.value();
  Result<std::int64_t> events = run_counted(
      db, (std::string("DELETE FROM webhook_events WHERE id IN (") + kOldEvents + ")").c_str(),
      before);
  if (!events) return events.error();
  report.events = events.value();
  if (Status s = transaction.commit(); !s) return s.error();
  return report;
}

void Pruner::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void Pruner::stop() {
  stopping_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Pruner::run() {
  std::int64_t last = 0;
  bool first = true;
  while (!stopping_) {
    const std::int64_t now = app_.now();
    if (first || now - last >= kPassEvery) {
      first = false;
      last = now;
      Result<PruneReport> pruned = prune_finished_rows(*app_.db, app_.config.retention, now);
      if (!pruned)
        std::fprintf(stderr, "retention: %s\n", pruned.error().to_string().c_str());
      else if (pruned.value().mails + pruned.value().events > 0)
        std::fprintf(stderr, "retention: deleted %lld mails, %lld webhook events\n",
                     static_cast<long long>(pruned.value().mails),
                     static_cast<long long>(pruned.value().events));
    }
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_.load(); });
  }
}

}  // namespace vouch::server
