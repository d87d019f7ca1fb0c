#pragma once
// A fixed set of threads running queued jobs: where route handlers (SQLite,
// snapshot builds) run, so the transport's event loop never waits on them.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vouch::server::http {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();  // runs what is queued, then joins

  // Queues a job; after shutdown() it runs on the caller's thread instead.
  void submit(std::function<void()> job);
  // Runs every queued job, then joins the threads (idempotent).
  void shutdown();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::size_t live_ = 0;  // threads not yet exited (under mutex_)
  std::vector<std::thread> threads_;
};

}  // namespace vouch::server::http
