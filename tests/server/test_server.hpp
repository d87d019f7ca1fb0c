#pragma once
// A real server for tests: temporary directory + SQLite file, the API on a free
// loopback port, served from a background thread; stopped and deleted on scope exit.

#include <httplib.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app.hpp"
#include "server.hpp"

namespace vouch_test {

// mkdtemp under $TMPDIR (or /tmp), removed recursively on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline constexpr const char* kAdminToken = "test-admin-token-0123456789";
inline constexpr const char* kSecondAdminToken = "second-admin-token-abcdefghij";
inline constexpr const char* kHmacSecret = "test-hmac-secret-0123456789abcdef0123456789";
inline constexpr const char* kStoreOrigin = "https://shop.example";
inline constexpr const char* kPassword = "correct horse battery staple";  // staff accounts'
inline constexpr std::int64_t kDay = 86400;
// A fixed test instant: Thursday 2026-05-28 20:26:40 UTC.
inline constexpr std::int64_t kT0 = 1'780'000'000;

// A response body as JSON; a discarded value (not an exception) when it is not JSON.
inline nlohmann::json parse(const std::string& body) {
  return nlohmann::json::parse(body, nullptr, false);
}

// The "error.code" of a response; "" when it has none (or there was no response).
inline std::string code_of(const httplib::Result& res) {
  if (!res) return "";
  const nlohmann::json body = parse(res->body);
  return body.is_object() && body.contains("error") && body["error"].is_object()
             ? body["error"].value("code", "")
             : "";
}

// Admin tokens, an HMAC secret, one allowed origin, generous rate limits.
vouch::server::Config test_config(const std::string& dir);

class TestServer {
 public:
  // `test_clock`: as `serve --test-clock` (adds POST /api/v1/admin/test/clock).
  explicit TestServer(vouch::server::Config config, bool test_clock = false);
  TestServer();
  ~TestServer();

  httplib::Client client() const;
  vouch::server::App& app() { return *app_; }
  int port() const { return port_; }
  const std::string& dir() const { return dir_.path(); }
  const std::vector<vouch::server::http::Route>& routes() const { return http_->router().routes(); }

 private:
  TempDir dir_;
  std::unique_ptr<vouch::server::App> app_;
  std::unique_ptr<vouch::server::HttpServer> http_;
  std::thread thread_;
  int port_ = 0;
};

// The built vouch-server binary as a child process (`serve` on a free loopback
// port, for the SIGTERM and SIGKILL tests): `config_json` is written to
// dir/vouch.json, the database is dir/vouch.db, stderr goes to a log in `dir`.
// `crash_at` goes into its environment as VOUCH_TEST_CRASH_AT ("" = none).
// SIGKILLed and reaped on scope exit if still running.
class ServerProcess {
 public:
  ServerProcess(const std::string& dir, const std::string& config_json,
                const std::string& crash_at = "", const std::vector<std::string>& extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  int port() const { return port_; }
  std::string log() const;
  // Sends `signal` (0: none, the child ends by itself) and waits for the
  // exit; returns the wait status.
  int signal_and_wait(int signal);

 private:
  std::string log_;
  int pid_ = -1;
  int port_ = 0;
};

// A valid review body (JSON) with the given rating and body text.
std::string review_json(int rating, const std::string& body, const std::string& extra = "");
// POSTs review_json(rating, body, extra) to `product`; REQUIREs 201 and returns the new review's
// id.
std::string submit_review(httplib::Client& client, const std::string& product, int rating,
                          const std::string& body, const std::string& extra = "");

// An order of one product ("mug") for POST /api/v1/admin/orders, to `email`.
nlohmann::json mug_order(const std::string& id, const std::string& email, std::int64_t fulfilled);

// The one integer a query answers (SELECT COUNT(*) ...), under the database lock;
// REQUIREs a row.
std::int64_t count_rows(vouch::server::App& app, const std::string& sql);

// The names of the entries in `dir` (none when it cannot be read).
std::set<std::string> files_in(const std::string& dir);

// A TCP socket connected to 127.0.0.1:`port`, for tests that write a request
// by hand (half a body, a signal mid-request); the caller closes it.
int connect_loopback(int port);

httplib::Headers json_headers();
httplib::Headers admin_headers(const char* token = kAdminToken);

}  // namespace vouch_test
