#pragma once
// Turns due review requests into outbox rows (docs/review-requests.md). At
// send time, under the database lock and in one transaction per request, it
// checks again: the server can build links (public_url), the address has not
// unsubscribed, the order is not older than max_age_days, at least one
// product is still unreviewed (by this order's token or by the customer's
// address), and the address is under cap_per_30_days. Then one mail for all
// the unreviewed products, and the next reminder is scheduled. Nothing in a
// decision looks at a rating (FTC 16 CFR 465.4).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "app.hpp"
#include "app/outcome.hpp"
#include "vouch/status.hpp"

namespace vouch::server::requests {

struct DueReport {
  std::size_t queued = 0;
  std::size_t skipped = 0;
};

// Every request due at app.now(), oldest first.
Result<DueReport> process_due(App& app);

// "Send now" (POST /api/v1/admin/requests/{id}/send-now): a request still
// scheduled becomes due at app.now() and gets the scheduler's decision at
// once, with every check above (it may well be skipped). `was_scheduled` false:
// it was no longer scheduled (queued or skipped before), nothing changed;
// the other members say where it is. NotFound for an unknown id.
struct SendNowAnswer {
  bool was_scheduled = false;
  std::int64_t id = 0;
  std::string state;        // scheduled, queued, skipped (after the decision)
  std::string skip_reason;  // when skipped
  std::string mail_state;   // the outbox row's state ("" = none)
  std::int64_t outbox_id = 0;
};
app::Outcome<SendNowAnswer> send_now(App& app, std::int64_t id);

// The background thread (started and stopped with the HTTP server through
// BackgroundWork). Polls twice a second, so a moved test clock is seen fast.
class RequestScheduler {
 public:
  explicit RequestScheduler(App& app) : app_(app) {}
  ~RequestScheduler() { stop(); }
  void start();
  void stop();

 private:
  void run();
  App& app_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace vouch::server::requests
