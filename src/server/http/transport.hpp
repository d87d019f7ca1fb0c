#pragma once
// The HTTP/1.1 transport: GNU libmicrohttpd's epoll event loop does all socket
// I/O (so slow, idle or kept-alive clients cost a descriptor and a little
// memory, never a thread), and each complete request runs on a worker pool
// while its connection is suspended (MHD_suspend_connection), then resumes to
// send the answer. What MHD does not check, this layer does before the body is
// read: header count/size, RFC 9112 framing, the route's body limit.
// docs/decisions.md records the choice and the limits.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "http/reply.hpp"
#include "http/request_limits.hpp"
#include "vouch/status.hpp"

struct MHD_Daemon;
struct MHD_Connection;

namespace vouch::server::http {

class WorkerPool;

struct TransportOptions {
  std::size_t threads = 8;                        // workers running handlers
  unsigned idle_timeout_seconds = 30;             // a connection silent this long is closed
  std::size_t memory_per_connection = 64 * 1024;  // MHD's pool: request head + read buffer
  HeaderLimits headers;
  int listen_backlog = 511;
};

struct TransportHooks {
  // Event loop, once the head is in: the largest body this request may send.
  std::function<std::size_t(const httplib::Request&)> body_limit;
  // Worker: answer the request (route, CORS, static files...); may fill
  // `req.matches` (which point into `req.path`, kept alive by the transport).
  std::function<void(httplib::Request&, Reply&)> handle;
  // Worker or event loop: fill `reply` for a refusal (gives it the JSON shape).
  std::function<void(const httplib::Request&, Reply&, const Refusal&)> refuse;
  // Event loop, after the answer went out (`answered`), or the connection
  // was closed instead: for the request log.
  std::function<void(const httplib::Request&, int status, bool answered, double milliseconds)>
      completed;
};

class Transport {
 public:
  Transport(TransportOptions options, TransportHooks hooks);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Creates the listening socket (no SO_REUSEPORT: a port in use is an error
  // naming the address and errno). Port 0 = any free port; returns the port.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop(); blocks. False when the daemon could not start.
  bool run();
  // Any thread: stops accepting, lets in-flight requests finish (at most
  // `grace`), then closes every connection; run() returns.
  void stop(std::chrono::seconds grace = std::chrono::seconds(10));
  bool is_running() const { return running_.load(); }

  struct Exchange;  // one request on one connection (transport.cpp)

 private:
  friend struct TransportCallbacks;

  TransportOptions options_;
  TransportHooks hooks_;
  int listen_fd_ = -1;
  MHD_Daemon* daemon_ = nullptr;
  std::unique_ptr<WorkerPool> pool_;
  std::atomic<bool> running_{false};
  std::atomic<bool> stop_requested_{false};
  std::atomic<long> in_flight_{0};
  std::chrono::seconds grace_{10};  // set by stop(), read by run() under mutex_
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace vouch::server::http
