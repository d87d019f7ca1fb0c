#include "test_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "config.hpp"
#include "db.hpp"
#include "http_util.hpp"

namespace vouch_test {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/vouch-server-test-XXXXXX";
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

vouch::server::Config test_config(const std::string& dir) {
  vouch::server::Config config;
  config.store_name = "Test Store";
  config.public_url = "http://reviews.test";
  config.allowed_origins = {kStoreOrigin};
  config.admin_tokens = {{"alice", kAdminToken}, {"bob", kSecondAdminToken}};
  config.hmac_secret = kHmacSecret;
  config.moderation = vouch::server::ModerationMode::Flagged;
  config.upload_dir = dir + "/uploads";
  config.limits.submissions_per_ip = 1000;
  config.limits.submissions_per_product = 1000;
  config.limits.votes_per_ip_per_review = 1000;
  config.limits.votes_per_ip_per_hour = 1000;
  config.threads = 4;
  return config;
}

TestServer::TestServer() : TestServer(vouch::server::Config{}) {}

TestServer::TestServer(vouch::server::Config config, bool test_clock) {
  if (config.admin_tokens.empty()) config = test_config(dir_.path());
  if (config.upload_dir == "uploads") config.upload_dir = dir_.path() + "/uploads";
  auto app = vouch::server::make_app(config, dir_.path() + "/vouch.db");
  REQUIRE(app.ok());
  app_ = std::move(app.value());
  if (test_clock) vouch::server::enable_test_clock(*app_);
  http_ = std::make_unique<vouch::server::HttpServer>(*app_, false);
  auto bound = http_->bind("127.0.0.1", 0);
  REQUIRE(bound.ok());
  port_ = bound.value();
  thread_ = std::thread([this] { http_->listen(); });
  // stop() only stops a server that is running, so wait until it is.
  while (!http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  http_->stop();
  if (thread_.joinable()) thread_.join();
}

httplib::Client TestServer::client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(10);
  client.set_read_timeout(30);
  return client;
}

std::string review_json(int rating, const std::string& body, const std::string& extra) {
  vouch::server::json review = {
      {"rating", rating}, {"title", "A title"},         {"body", body},
      {"author", "Mia"},  {"email", "mia@example.com"}, {"consent", true}};
  std::string text = review.dump();
  if (!extra.empty()) text = text.substr(0, text.size() - 1) + "," + extra + "}";
  return text;
}

std::string submit_review(httplib::Client& client, const std::string& product, int rating,
                          const std::string& body, const std::string& extra) {
  auto res = client.Post(("/api/v1/products/" + product + "/reviews").c_str(),
                         review_json(rating, body, extra), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  return vouch::server::json::parse(res->body, nullptr, false)["id"].get<std::string>();
}

ServerProcess::ServerProcess(const std::string& dir, const std::string& config_json,
                             const std::string& crash_at,
                             const std::vector<std::string>& extra_args) {
  static int starts = 0;
  const std::string config = dir + "/vouch.json";
  REQUIRE(vouch::server::write_text_file(config, config_json).ok());
  log_ = dir + "/server-" + std::to_string(++starts) + ".log";
  pid_ = ::fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    if (!std::freopen(log_.c_str(), "w", stderr)) ::_exit(127);
    if (!crash_at.empty()) ::setenv("VOUCH_TEST_CRASH_AT", crash_at.c_str(), 1);
    const std::string db = dir + "/vouch.db";
    std::vector<std::string> args = {
        VOUCH_SERVER_BINARY, "serve", "--db", db, "--config", config, "--port", "0", "--host",
        "127.0.0.1"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(VOUCH_SERVER_BINARY, argv.data());
    ::_exit(127);
  }
  // Wait for "listening on http://127.0.0.1:PORT" (a whole line) in the log.
  const std::string marker = "listening on http://127.0.0.1:";
  for (int attempt = 0; attempt < 3000 && port_ == 0; ++attempt) {
    const std::string text = log();
    const std::size_t at = text.find(marker);
    if (at != std::string::npos && text.find('\n', at) != std::string::npos)
      port_ = std::stoi(text.substr(at + marker.size()));
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  INFO(log());
  REQUIRE(port_ > 0);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::string ServerProcess::log() const {
  auto text = vouch::server::read_text_file(log_);
  return text ? text.value() : "";
}

int ServerProcess::signal_and_wait(int signal) {
  if (signal != 0) ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

nlohmann::json mug_order(const std::string& id, const std::string& email, std::int64_t fulfilled) {
  return {{"order_id", id},
          {"customer", {{"name", "Mia"}, {"email", email}, {"locale", "en"}}},
          {"items", nlohmann::json::array({{{"product", "mug"},
                                            {"name", "Mug"},
                                            {"url", "https://shop.example/products/mug"},
                                            {"image", ""}}})},
          {"fulfilled_at", fulfilled}};
}

std::int64_t count_rows(vouch::server::App& app, const std::string& sql) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement count(app.db->handle(), sql);
  REQUIRE(count.step());
  return count.integer(0);
}

std::set<std::string> files_in(const std::string& dir) {
  std::set<std::string> names;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
    names.insert(entry.path().filename().string());
  return names;
}

int connect_loopback(int port) {
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  return sock;
}

httplib::Headers json_headers() { return {}; }

httplib::Headers admin_headers(const char* token) {
  return {{"Authorization", std::string("Bearer ") + token}};
}

}  // namespace vouch_test
