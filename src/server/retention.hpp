#pragma once
// Pruning what is done (the config's "retention" member, docs/api.md
// "Retention"): sent and failed outbox mails, and webhook events
// whose deliveries are all finished (delivered or failed) with those
// deliveries and their attempt logs. A queued or in-flight row is never
// deleted, however old: pruning only forgets what is done.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "db.hpp"
#include "retention_settings.hpp"
#include "vouch/status.hpp"

namespace vouch::server {

struct App;

struct PruneReport {
  std::int64_t mails = 0;       // outbox rows deleted
  std::int64_t events = 0;      // webhook events deleted
  std::int64_t deliveries = 0;  // their deliveries (attempt logs go with them)
};

// One pass at `now`, in one transaction under db.mutex().
Result<PruneReport> prune_finished_rows(Database &db, const RetentionSettings &settings,
                                        std::int64_t now);

// The background thread (BackgroundWork): a pass at start, then whenever an
// hour of the app's clock has gone by (polled every second, so a moved test
// clock is seen).
class Pruner {
 public:
  explicit Pruner(App &app) : app_(app) {}
  ~Pruner() { stop(); }
  void start();
  void stop();

 private:
  void run();
  App &app_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace vouch::server
