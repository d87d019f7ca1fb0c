#pragma once
// The state every route handler shares: configuration, the database, the
// store's validation policy, the snapshot cache and the rate limiters.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "config.hpp"
#include "db.hpp"
#include "inbox/inbox_settings.hpp"
#include "rate_limiter.hpp"
#include "snapshot_cache.hpp"
#include "vouch/policy.hpp"

namespace vouch::server {

namespace analytics {
struct ReportCache;  // analytics/analytics_report.cpp
}

struct App {
  Config config;
  std::unique_ptr<Database> db;
  Policy policy;
  SnapshotCache snapshots;
  std::unique_ptr<RateLimiter> per_ip;
  std::unique_ptr<RateLimiter> per_product;
  std::unique_ptr<RateLimiter> votes_per_review;  // key: IP + review id, window one day
  std::unique_ptr<RateLimiter> votes_per_hour;    // key: IP, window one hour
  std::unique_ptr<RateLimiter> login_failures;    // key: IP, console logins (auth/login.cpp)
  // The console: compiled triage, the response clock, the store's zone.
  std::unique_ptr<inbox::InboxSettings> inbox;
  // Seconds since the epoch; tests replace it to check link expiry. The one
  // clock of the server: new code never calls time().
  std::function<std::int64_t()> now;
  // `serve --test-clock` only (never from the config): adds
  // POST /api/v1/admin/test/clock, which moves `now` forward by clock_offset.
  bool test_clock = false;
  std::atomic<std::int64_t> clock_offset{0};
  // The analytics answers and the data version they were computed at; made
  // on the first analytics request (analytics/analytics_report.cpp).
  std::shared_ptr<analytics::ReportCache> analytics_cache;
};

// Turns on the test clock: `now` becomes the current clock plus clock_offset.
// Call before the HttpServer is built (it registers the route then).
void enable_test_clock(App& app);

// Opens and migrates the database, parses the policy, creates the upload
// directory. Errors name what is wrong ("policy.body.max: ...").
Result<std::unique_ptr<App>> make_app(Config config, const std::string& db_path);

// The current time in Unix seconds.
std::int64_t unix_now();

}  // namespace vouch::server
