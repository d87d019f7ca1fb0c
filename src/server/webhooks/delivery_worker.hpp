#pragma once
// The webhook delivery thread: takes due deliveries (made by record_event's
// fan-out), POSTs the versioned envelope to the endpoint with libcurl, signs
// it (Vouch-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>),
// logs every attempt (status, time taken, error) and retries anything but a
// 2xx with exponential backoff until webhooks.retry_hours after the event,
// then marks the delivery failed. Polls at least twice a second (test clock).

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "app.hpp"

namespace vouch::server::webhooks {

// The Vouch-Signature header value for `body` sent at `timestamp`.
std::string signature_header(const std::string& secret, std::int64_t timestamp,
                             const std::string& body);

// The JSON body of one event for one endpoint ("version": 1; the private
// part merged into data only when the endpoint opted in to personal data).
std::string envelope(const std::string& event_id, std::int64_t sequence, const std::string& type,
                     std::int64_t created, const std::string& data_json,
                     const std::string& private_json, bool personal_data);

class DeliveryWorker {
 public:
  explicit DeliveryWorker(App& app) : app_(app) {}
  ~DeliveryWorker() { stop(); }
  void start();
  void stop();

 private:
  void run();
  bool wait(int milliseconds);

  App& app_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace vouch::server::webhooks
