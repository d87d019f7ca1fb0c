#include "server.hpp"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "http_util.hpp"
#include "routes.hpp"

namespace vouch::server {

namespace {

thread_local std::chrono::steady_clock::time_point request_started;
thread_local bool request_timed = false;

std::string utc_now_text() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::string_view error_code_for(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 415:
      return "unsupported_media_type";
    case 416:
      return "range_not_satisfiable";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "internal" : "error";
  }
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Same origin = the Origin header names the host the request was sent to.
bool same_origin(const httplib::Request& req, const std::string& origin) {
  const std::string host = req.get_header_value("Host");
  return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
}

bool allowed_write_origin(const App& app, const httplib::Request& req, const std::string& origin) {
  if (same_origin(req, origin)) return true;
  for (const std::string& allowed : app.config.allowed_origins) {
    if (allowed == origin) return true;
  }
  return false;
}

// CORS policy, applied before routing: reads from anywhere, writes only from
// the store's origins, the admin API never from another origin.
httplib::Server::HandlerResponse cors(const App& app, const httplib::Request& req,
                                      httplib::Response& res) {
  if (!starts_with(req.path, "/api/")) return httplib::Server::HandlerResponse::Unhandled;
  const std::string origin = req.get_header_value("Origin");
  const bool admin = starts_with(req.path, "/api/v1/admin");
  if (admin) {
    if (!origin.empty() && !same_origin(req, origin)) {
      send_error(res, 403, "cross_origin_forbidden",
                 "the admin API does not accept cross-origin requests");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method == "OPTIONS") {
      send_error(res, 403, "cross_origin_forbidden",
                 "the admin API does not accept cross-origin requests");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }
  const bool read = req.method == "GET" || req.method == "HEAD";
  if (req.method == "OPTIONS") {
    const std::string wanted = req.get_header_value("Access-Control-Request-Method");
    if (wanted == "GET" || wanted == "HEAD") {
      res.set_header("Access-Control-Allow-Origin", "*");
    } else if (wanted == "POST" && !origin.empty() && allowed_write_origin(app, req, origin)) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Vary", "Origin");
    } else {
      send_error(res, 403, "cross_origin_forbidden",
                 "this origin may not write to this store's reviews");
      return httplib::Server::HandlerResponse::Handled;
    }
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST");
    res.set_header("Access-Control-Allow-Headers",
                   "Content-Type, Idempotency-Key, If-None-Match, Accept-Language");
    res.set_header("Access-Control-Max-Age", "600");
    res.status = 204;
    return httplib::Server::HandlerResponse::Handled;
  }
  if (read) {
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Access-Control-Expose-Headers", "ETag, Retry-After");
    return httplib::Server::HandlerResponse::Unhandled;
  }
  // A write without Origin comes from a server or a tool, not a browser page:
  // CORS cannot apply; the rate limits and the validator still do.
  if (!origin.empty()) {
    if (!allowed_write_origin(app, req, origin)) {
      send_error(res, 403, "cross_origin_forbidden",
                 "this origin may not write to this store's reviews");
      return httplib::Server::HandlerResponse::Handled;
    }
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Access-Control-Expose-Headers", "Retry-After");
    res.set_header("Vary", "Origin");
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

}  // namespace

HttpServer::HttpServer(App& app, bool log_requests) : app_(app) {
  const Limits& limits = app.config.limits;
  // The largest body any route accepts; each route checks its own, smaller limit.
  const std::size_t photos =
      limits.max_photos * limits.max_photo_bytes + limits.max_json_bytes + 64 * 1024;
  server_.set_payload_max_length(std::max(photos, limits.max_import_bytes));
  server_.set_read_timeout(10);
  server_.set_write_timeout(10);
  // httplib writes headers and body separately; with Nagle on, a small answer
  // (summaries, votes, reports) on a kept-alive connection waits for the
  // client's delayed ACK: ~40 ms each, which capped GET summaries at ~300/s
  // (bench/RESULTS.md, "Server").
  server_.set_tcp_nodelay(true);
  const std::size_t threads = app.config.threads;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_default_headers(
      {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});

  server_.set_pre_routing_handler([&app](const httplib::Request& req, httplib::Response& res) {
    request_started = std::chrono::steady_clock::now();
    request_timed = true;
    return cors(app, req, res);
  });
  server_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    // Responses httplib makes itself (404, 413, 400 for a broken request line
    // or oversized headers) get the same JSON shape as ours.
    if (res.body.empty() && res.status != 304)
      send_error(res, res.status, error_code_for(res.status),
                 "the request could not be served (HTTP " + std::to_string(res.status) + ")");
  });
  server_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, 500, "internal", "internal error");
      });
  if (log_requests) {
    server_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      char duration[32] = "-";
      if (request_timed) {
        const double ms = std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - request_started)
                              .count();
        std::snprintf(duration, sizeof duration, "%.1fms", ms);
      }
      request_timed = false;
      std::fprintf(stderr, "%s %s %s %s %d %s\n", utc_now_text().c_str(), req.remote_addr.c_str(),
                   req.method.c_str(), req.path.c_str(), res.status, duration);
    });
  }
  // Mounted files are public (the widget's vouch.js, .wasm and vouch-form.js, the
  // demo). A store page on another origin fetches the .wasm files and import()s
  // vouch-form.js: both are CORS requests, and the pre-routing handler's CORS
  // headers do not reach httplib's file handler, so the mount sends its own.
  for (const auto& [prefix, dir] : app.config.static_mounts) {
    server_.set_mount_point(prefix, dir,
                            {{"Cache-Control", "no-cache"}, {"Access-Control-Allow-Origin", "*"}});
  }
  server_.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server_.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  register_public_routes(server_, app);
  register_admin_routes(server_, app);
}

HttpServer::~HttpServer() { stop(); }

Result<int> HttpServer::bind(const std::string& host, int port) {
  if (port == 0) {
    const int bound = server_.bind_to_any_port(host);
    if (bound <= 0) return Error{host, "cannot bind any port"};
    return bound;
  }
  if (!server_.bind_to_port(host, port))
    return Error{host + ":" + std::to_string(port), "cannot bind (in use?)"};
  return port;
}

bool HttpServer::listen() { return server_.listen_after_bind(); }

void HttpServer::stop() {
  if (server_.is_running()) server_.stop();
}

int serve_until_signal(App& app, const std::string& host, int port) {
  // Block the signals in every thread (the pool inherits the mask), then wait
  // for them on one thread that stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  HttpServer server(app);
  Result<int> bound = server.bind(host, port);
  if (!bound) {
    std::fprintf(stderr, "vouch-server: %s\n", bound.error().to_string().c_str());
    return 1;
  }
  std::fprintf(stderr, "vouch-server: listening on http://%s:%d\n", host.c_str(), bound.value());
  std::thread waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "vouch-server: %s, finishing in-flight requests\n",
                 received == SIGTERM ? "SIGTERM" : "SIGINT");
    server.stop();
  });
  const bool ok = server.listen();
  // listen() may also end on its own (socket error): wake the waiter up.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::fprintf(stderr, "vouch-server: stopped\n");
  return ok ? 0 : 1;
}

}  // namespace vouch::server
