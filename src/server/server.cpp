#include "server.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "auth/password.hpp"
#include "http_util.hpp"
#include "routes.hpp"

namespace vouch::server {

namespace {

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
enum class Routing { handled, unhandled };

Routing cors(const App& app, const httplib::Request& req, httplib::Response& res) {
  if (!starts_with(req.path, "/api/")) return Routing::unhandled;
  const std::string origin = req.get_header_value("Origin");
  const bool admin = starts_with(req.path, "/api/v1/admin");
  if (admin) {
    if (!origin.empty() && !same_origin(req, origin)) {
      send_error(res, 403, "cross_origin_forbidden",
                 "the admin API does not accept cross-origin requests");
      return Routing::handled;
    }
    if (req.method == "OPTIONS") {
      send_error(res, 403, "cross_origin_forbidden",
                 "the admin API does not accept cross-origin requests");
      return Routing::handled;
    }
    return Routing::unhandled;
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
      return Routing::handled;
    }
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST");
    res.set_header("Access-Control-Allow-Headers",
                   "Content-Type, Idempotency-Key, If-None-Match, Accept-Language");
    res.set_header("Access-Control-Max-Age", "600");
    res.status = 204;
    return Routing::handled;
  }
  if (read) {
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Access-Control-Expose-Headers", "ETag, Retry-After");
    return Routing::unhandled;
  }
  // A write without Origin comes from a server or a tool, not a browser page:
  // CORS cannot apply; the rate limits and the validator still do.
  if (!origin.empty()) {
    if (!allowed_write_origin(app, req, origin)) {
      send_error(res, 403, "cross_origin_forbidden",
                 "this origin may not write to this store's reviews");
      return Routing::handled;
    }
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Access-Control-Expose-Headers", "Retry-After");
    res.set_header("Vary", "Origin");
  }
  return Routing::unhandled;
}

constexpr const char* kConsolePrefix = "/admin/";

// The console runs no inline code and talks only to this origin; it is never
// framed (clickjacking of the owner's buttons) nor read cross-origin.
// frame-src 'self': the request-mail preview (a sandboxed frame of
// GET /api/v1/admin/request-templates/preview.html, its own strict CSP).
http::MountOptions console_mount_options() {
  http::MountOptions options;
  options.cors = false;
  options.headers = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
       "connect-src 'self'; font-src 'self'; frame-src 'self'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'"},
      {"X-Frame-Options", "DENY"},
  };
  return options;
}

// Responses with no body of their own (a handler's bare status, a refusal)
// get the same JSON shape as every other error; every response gets the
// default headers.
void finish(httplib::Response& res) {
  if (res.status >= 400 && res.body.empty())
    send_error(res, res.status, error_code_for(res.status),
               "the request could not be served (HTTP " + std::to_string(res.status) + ")");
  if (!res.has_header("X-Content-Type-Options"))
    res.set_header("X-Content-Type-Options", "nosniff");
  if (!res.has_header("Referrer-Policy")) res.set_header("Referrer-Policy", "no-referrer");
}

}  // namespace

HttpServer::HttpServer(App& app, bool log_requests) : app_(app), background_(app) {
  // Mounted files are public (the widget's vouch.js, .wasm and vouch-form.js,
  // the demo); static_files.cpp sends their CORS header itself.
  // The owner console first, so a "/" mount cannot shadow it.
  if (!app.config.console_dir.empty())
    files_.mount(kConsolePrefix, app.config.console_dir, console_mount_options());
  for (const auto& [prefix, dir] : app.config.static_mounts) files_.mount(prefix, dir);
  register_public_routes(router_, app);
  register_admin_routes(router_, app);
  register_auth_routes(router_, app);
  auth::prepare_dummy();
  register_console_routes(router_, app);
  register_inbox_routes(router_, app);
  register_analytics_routes(router_, app);
  register_request_routes(router_, app);
  register_outbox_routes(router_, app);
  register_webhook_routes(router_, app);
  register_question_routes(router_, app);

  http::TransportOptions options;
  options.threads = app.config.threads;
  http::TransportHooks hooks;
  hooks.body_limit = [this](const httplib::Request& req) { return body_limit(req); };
  hooks.handle = [this](httplib::Request& req, http::Reply& reply) { handle(req, reply); };
  hooks.refuse = [](const httplib::Request&, http::Reply& reply, const http::Refusal& refusal) {
    send_error(reply.res, refusal.status, refusal.code, refusal.message);
    finish(reply.res);
  };
  if (log_requests) {
    hooks.completed = [](const httplib::Request& req, int status, bool answered, double ms) {
      // One line per request, whatever the path holds (%0A must not forge lines).
      std::string path = req.path;
      for (char& c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
      }
      std::fprintf(stderr, "%s %s %s %s %d %.1fms%s\n", utc_now_text().c_str(),
                   req.remote_addr.c_str(), req.method.c_str(), path.c_str(), status, ms,
                   answered ? "" : " (connection closed instead)");
    };
  }
  transport_ = std::make_unique<http::Transport>(options, std::move(hooks));
}

HttpServer::~HttpServer() { stop(); }

std::size_t HttpServer::body_limit(const httplib::Request& req) const {
  std::smatch ignored;
  const http::RouteMatch match = router_.match(req.method, req.path, ignored);
  // No route: the 404/405 is sent after at most a small body.
  return match.route ? match.route->max_body : http::kDefaultBodyLimit;
}

void HttpServer::handle(httplib::Request& req, http::Reply& reply) {
  httplib::Response& res = reply.res;
  try {
    if (cors(app_, req, res) == Routing::handled) {
      finish(res);
      return;
    }
    if (req.path == "/admin" && !app_.config.console_dir.empty() &&
        (req.method == "GET" || req.method == "HEAD")) {
      res.status = 301;
      res.set_header("Location", kConsolePrefix);
      finish(res);
      return;
    }
    const http::StaticFiles::Outcome file = files_.serve(req, reply);
    if (file == http::StaticFiles::Outcome::served) {
      finish(res);
      return;
    }
    const http::RouteMatch match = router_.match(req.method, req.path, req.matches);
    if (match.route) {
      res.status = 200;
      match.route->handler(req, res);
      // A HEAD gets the GET's headers; MHD leaves the body out.
    } else if (file == http::StaticFiles::Outcome::bad_path) {
      send_error(res, 400, "bad_path",
                 "a file path may not hold control characters or . or .. segments");
    } else if (!match.allow.empty()) {
      res.set_header("Allow", match.allow);
      send_error(res, 405, "method_not_allowed",
                 req.method + " is not allowed here; allowed: " + match.allow);
    } else {
      send_error(res, 404, "not_found", "no such resource: " + req.path);
    }
  } catch (...) {
    res = httplib::Response();
    if (reply.file_fd >= 0) ::close(reply.file_fd);
    reply.file_fd = -1;
    send_error(res, 500, "internal", "internal error");
  }
  finish(res);
}

Result<int> HttpServer::bind(const std::string& host, int port) {
  return transport_->bind(host, port);
}

bool HttpServer::listen() {
  background_.start();
  const bool ok = transport_->run();
  background_.stop();
  return ok;
}

void HttpServer::stop() {
  transport_->stop();
  background_.stop();
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
