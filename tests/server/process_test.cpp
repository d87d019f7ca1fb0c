// The built vouch-server binary as a child process: graceful SIGTERM (the
// in-flight request finishes) and durability under SIGKILL (every review that
// got a 201 is there after a restart, and the database passes integrity_check).

#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "config.hpp"
#include "db.hpp"
#include "http_util.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

// Limits high enough that the durability test is never rate limited.
std::string child_settings() {
  json settings = {
      {"admin_token", kAdminToken},
      {"hmac_secret", kHmacSecret},
      {"moderation", "none"},
      {"upload_dir", "uploads"},
      {"limits", {{"submissions_per_ip", 100000}, {"submissions_per_product", 100000}}}};
  return settings.dump();
}

class ChildServer : public ServerProcess {
 public:
  explicit ChildServer(const std::string& dir) : ServerProcess(dir, child_settings()) {}
  std::string read_log() const { return log(); }
};

std::string unique_body(int thread, int n) {
  return "Durability check " + std::to_string(thread) + "-" + std::to_string(n) +
         ": the seams held up and the colour stayed true after washing number " +
         std::to_string(n * 7 + thread) + ".";
}

}  // namespace

TEST_CASE("SIGTERM: the in-flight request finishes, then the server exits cleanly", "[process]") {
  TempDir dir;
  ChildServer server(dir.path());
  const std::string body =
      review_json(5, "Sent in two halves around a SIGTERM, and still stored in full.");

  const int sock = connect_loopback(server.port());
  const std::string head =
      "POST /api/v1/products/sku-term/reviews HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 20);
  REQUIRE(::send(sock, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()));
  // Give the server a moment to start reading this request (ordering, not a timing assertion).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string rest = body.substr(20);
  // SIGTERM while the request is half sent ...
  int status = -1;
  std::thread waiter([&] { status = server.signal_and_wait(SIGTERM); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // ... and the rest of the body arrives afterwards.
  REQUIRE(::send(sock, rest.data(), rest.size(), 0) == static_cast<ssize_t>(rest.size()));
  std::string response;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = ::recv(sock, buffer, sizeof buffer, 0)) > 0)
    response.append(buffer, static_cast<std::size_t>(got));
  ::close(sock);
  waiter.join();
  INFO(response);
  CHECK(response.rfind("HTTP/1.1 201", 0) == 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  const std::string log = server.read_log();
  CHECK(log.find("SIGTERM, finishing in-flight requests") != std::string::npos);
  CHECK(log.find("vouch-server: stopped") != std::string::npos);
  CHECK(log.find("POST /api/v1/products/sku-term/reviews 201") != std::string::npos);

  auto db = vouch::server::Database::open(dir.path() + "/vouch.db");
  REQUIRE(db.ok());
  vouch::server::Statement count(db.value()->handle(),
                                 "SELECT count(*) FROM reviews WHERE product_id = 'sku-term'");
  REQUIRE(count.step());
  CHECK(count.integer(0) == 1);
}

TEST_CASE("SIGKILL during concurrent submissions: every acknowledged review survives",
          "[process][durability]") {
  TempDir dir;
  std::vector<std::string> acknowledged;
  {
    ChildServer server(dir.path());
    std::mutex mutex;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
      writers.emplace_back([&, t] {
        httplib::Client client("127.0.0.1", server.port());
        client.set_connection_timeout(5);
        client.set_read_timeout(5);
        for (int n = 0; !stop; ++n) {
          auto res = client.Post("/api/v1/products/sku-crash/reviews",
                                 review_json(1 + (n % 5), unique_body(t, n)), "application/json");
          if (!res) break;  // the server is gone
          if (res->status != 201) continue;
          const json reply = json::parse(res->body, nullptr, false);
          std::lock_guard<std::mutex> lock(mutex);
          acknowledged.push_back(reply.value("id", ""));
        }
      });
    }
    // Kill once a good number of writes were acknowledged, with more in flight.
    for (int wait = 0; wait < 6000; ++wait) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (acknowledged.size() >= 60) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const int status = server.signal_and_wait(SIGKILL);
    CHECK(WIFSIGNALED(status));
    stop = true;
    for (std::thread& writer : writers) writer.join();
  }
  REQUIRE(acknowledged.size() >= 60);

  // Restart on the same file: it opens, recovers the WAL, and serves every review.
  ChildServer restarted(dir.path());
  httplib::Client client("127.0.0.1", restarted.port());
  for (const std::string& id : acknowledged) {
    auto res = client.Get(("/api/v1/admin/reviews/" + id).c_str(), admin_headers());
    REQUIRE(res);
    INFO(id);
    CHECK(res->status == 200);
  }
  auto db = vouch::server::Database::open(dir.path() + "/vouch.db");
  REQUIRE(db.ok());
  vouch::server::Statement check(db.value()->handle(), "PRAGMA integrity_check");
  REQUIRE(check.step());
  CHECK(check.text(0) == "ok");
}
