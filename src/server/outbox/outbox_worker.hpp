#pragma once
// The outbox's sending thread: takes due rows one by one (outbox_store.hpp),
// sends each through SmtpSender outside the database lock, and records the
// outcome: sent, retried with exponential backoff (mail.retry_base_seconds *
// 2^(attempt-1), at most mail.retry_max_seconds) or failed with the reason
// after a permanent refusal or mail.max_attempts attempts. Rows a crash left
// 'sending' are queued again when it starts. Polls at least twice a second,
// so a moved test clock (serve --test-clock) is seen within about a second.

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app.hpp"

namespace vouch::server::outbox {

class OutboxWorker {
 public:
  explicit OutboxWorker(App& app) : app_(app) {}
  ~OutboxWorker() { stop(); }
  void start();
  // Finishes (or aborts) the mail in flight, then joins.
  void stop();

 private:
  void run();
  bool wait(int milliseconds);  // false when stopping

  App& app_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace vouch::server::outbox
