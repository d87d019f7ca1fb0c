#pragma once
// The server's background threads (issue 18): the outbox's sender and the
// webhook deliverer (and, with the review requests, their scheduler), and the
// pruner of finished rows (retention.hpp). The
// HttpServer starts them when it starts listening and stops them when it
// stops, so every way of running the server (serve, the in-process tests)
// runs them, and none outlives the App it reads.

#include <memory>
#include <mutex>

#include "app.hpp"

namespace vouch::server {

namespace outbox {
class OutboxWorker;
}
namespace webhooks {
class DeliveryWorker;
}
namespace requests {
class RequestScheduler;
}
class Pruner;

class BackgroundWork {
 public:
  explicit BackgroundWork(App& app);
  ~BackgroundWork();
  void start();
  void stop();  // idempotent, from any thread; joins every thread

 private:
  App& app_;
  std::unique_ptr<outbox::OutboxWorker> outbox_;
  std::unique_ptr<webhooks::DeliveryWorker> webhooks_;
  std::unique_ptr<requests::RequestScheduler> requests_;  // due review requests -> outbox
  std::unique_ptr<Pruner> pruner_;                        // finished rows past retention
  bool started_ = false;
  std::mutex mutex_;  // stop() may come from the signal thread and listen() at once
};

}  // namespace vouch::server
