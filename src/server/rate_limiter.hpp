#pragma once
// Fixed-window submission counters per key (client IP, product id), in memory:
// a restart forgets them, which only errs on the side of letting a shopper in.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace vouch::server {

class RateLimiter {
 public:
  RateLimiter(std::size_t limit, std::int64_t window_seconds)
      : limit_(limit), window_(window_seconds) {}

  // Counts one event for `key` at `now`. Returns 0 when allowed, otherwise the
  // seconds until the window resets (for Retry-After; at least 1).
  std::int64_t hit(const std::string& key, std::int64_t now);
  // Like hit() without counting: for limits on failures (logins), where only
  // a failure counts but every attempt is checked first.
  std::int64_t blocked(const std::string& key, std::int64_t now);

 private:
  struct Window {
    std::int64_t start = 0;
    std::size_t count = 0;
  };
  std::size_t limit_;
  std::int64_t window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace vouch::server
