#include "rate_limiter.hpp"

namespace vouch::server {

std::int64_t RateLimiter::hit(const std::string& key, std::int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Drop expired windows now and then so the map cannot grow without bound.
  if (windows_.size() > 100000) {
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = now - it->second.start >= window_ ? windows_.erase(it) : std::next(it);
    }
  }
  Window& window = windows_[key];
  if (now - window.start >= window_) window = Window{now, 0};
  if (window.count >= limit_) {
    const std::int64_t wait = window.start + window_ - now;
    return wait < 1 ? 1 : wait;
  }
  ++window.count;
  return 0;
}

std::int64_t RateLimiter::blocked(const std::string& key, std::int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = windows_.find(key);
  if (it == windows_.end() || now - it->second.start >= window_) return 0;
  if (it->second.count < limit_) return 0;
  const std::int64_t wait = it->second.start + window_ - now;
  return wait < 1 ? 1 : wait;
}

}  // namespace vouch::server
