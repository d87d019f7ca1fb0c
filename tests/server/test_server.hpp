#pragma once
// A real server for tests: temporary directory + SQLite file, the API on a free
// loopback port, served from a background thread; stopped and deleted on scope exit.

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

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

// Admin tokens, an HMAC secret, one allowed origin, generous rate limits.
vouch::server::Config test_config(const std::string& dir);

class TestServer {
 public:
  explicit TestServer(vouch::server::Config config);
  TestServer();
  ~TestServer();

  httplib::Client client() const;
  vouch::server::App& app() { return *app_; }
  int port() const { return port_; }
  const std::string& dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  std::unique_ptr<vouch::server::App> app_;
  std::unique_ptr<vouch::server::HttpServer> http_;
  std::thread thread_;
  int port_ = 0;
};

// A valid review body (JSON) with the given rating and body text.
std::string review_json(int rating, const std::string& body, const std::string& extra = "");

// A TCP socket connected to 127.0.0.1:`port`, for tests that write a request
// by hand (half a body, a signal mid-request); the caller closes it.
int connect_loopback(int port);

httplib::Headers json_headers();
httplib::Headers admin_headers(const char* token = kAdminToken);

}  // namespace vouch_test
