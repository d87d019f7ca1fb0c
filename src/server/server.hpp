#pragma once
// The HTTP server: cpp-httplib with the API routes, static mounts, CORS,
// per-request logging, JSON error bodies for every 4xx/5xx, and a graceful
// stop (in-flight requests finish; new connections are refused).

#include <httplib.h>

#include <memory>
#include <string>

#include "app.hpp"

namespace vouch::server {

class HttpServer {
 public:
  explicit HttpServer(App& app, bool log_requests = true);
  ~HttpServer();

  // Binds `host:port` (port 0 = any free port); returns the bound port or an Error.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop(); blocks.
  bool listen();
  // Safe from any thread; listen() returns after in-flight requests finish.
  void stop();
  bool is_running() const { return server_.is_running(); }

 private:
  App& app_;
  httplib::Server server_;
};

// Runs a server until SIGTERM or SIGINT (handled on a dedicated thread with
// sigwait, so the stop happens outside a signal handler).
int serve_until_signal(App& app, const std::string& host, int port);

}  // namespace vouch::server
