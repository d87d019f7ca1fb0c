#pragma once
// The HTTP server: the API routes, static mounts, CORS, per-request logging,
// JSON error bodies for every 4xx/5xx, and a graceful stop (in-flight
// requests finish; new connections are refused). The transport underneath is
// libmicrohttpd's event loop (src/server/http/, docs/decisions.md).

#include <memory>
#include <string>

#include "app.hpp"
#include "background.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/transport.hpp"

namespace vouch::server {

class HttpServer {
 public:
  explicit HttpServer(App& app, bool log_requests = true);
  ~HttpServer();

  // Binds `host:port` (port 0 = any free port); returns the bound port or an
  // Error (a port in use is one: no SO_REUSEPORT).
  Result<int> bind(const std::string& host, int port);
  // Serves until stop(); blocks. The background threads (outbox, webhooks)
  // run from here until stop().
  bool listen();
  // Safe from any thread; returns after in-flight requests finish (or 10 s).
  void stop();
  bool is_running() const { return transport_->is_running(); }
  // The route table (for tests that must cover every route).
  const http::Router& router() const { return router_; }

 private:
  void handle(httplib::Request& req, http::Reply& reply);
  std::size_t body_limit(const httplib::Request& req) const;

  App& app_;
  http::Router router_;
  http::StaticFiles files_;
  std::unique_ptr<http::Transport> transport_;
  BackgroundWork background_;
};

// Runs a server until SIGTERM or SIGINT (handled on a dedicated thread with
// sigwait, so the stop happens outside a signal handler).
int serve_until_signal(App& app, const std::string& host, int port);

}  // namespace vouch::server
