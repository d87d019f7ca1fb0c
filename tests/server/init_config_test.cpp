// `vouch-server init-config` and public_url (issue 13 B3): photo URLs are built
// from it only, so init-config takes it as --public-url, asks for it on a
// terminal (a real pseudo-terminal here), and refuses what is not an http(s) URL.

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <vector>

#include "config.hpp"
#include "http_util.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

struct Run {
  int exit_code = -1;
  std::string output;
};

// Runs `vouch-server COMMAND ARGS...` with stdin from /dev/null (not a
// terminal: no question is asked) and its output captured in a file.
Run run_command(const std::string& dir, const char* command, const std::vector<std::string>& args) {
  const std::string out = dir + "/command.out";
  std::fflush(nullptr);  // or the child's freopen writes our buffered output again
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!std::freopen("/dev/null", "r", stdin) || !std::freopen(out.c_str(), "w", stdout) ||
        !std::freopen(out.c_str(), "a", stderr))
      ::_exit(127);
    std::vector<char*> argv = {const_cast<char*>(VOUCH_SERVER_BINARY), const_cast<char*>(command)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execv(VOUCH_SERVER_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto text = vouch::server::read_text_file(out);
  if (text) run.output = text.value();
  return run;
}

Run init_config(const std::string& dir, const std::vector<std::string>& args) {
  return run_command(dir, "init-config", args);
}

std::string public_url_in(const std::string& file) {
  auto text = vouch::server::read_text_file(file);
  REQUIRE(text.ok());
  const json config = json::parse(text.value(), nullptr, false);
  REQUIRE(config.is_object());
  return config.value("public_url", std::string("<absent>"));
}

}  // namespace

TEST_CASE("init-config writes --public-url and refuses one that is not an http(s) URL",
          "[process][photos][host]") {
  TempDir dir;
  const std::string file = dir.path() + "/vouch.json";
  Run ok = init_config(dir.path(), {file, "--public-url", "https://reviews.shop.example/"});
  INFO(ok.output);
  REQUIRE(ok.exit_code == 0);
  CHECK(public_url_in(file) == "https://reviews.shop.example/");
  auto loaded = vouch::server::load_config(file);
  REQUIRE(loaded.ok());
  CHECK(loaded.value().public_url == "https://reviews.shop.example");

  const std::string bad_file = dir.path() + "/bad.json";
  for (const char* bad : {"evil.example", "javascript:alert(1)", "https://x.example/?q=1"}) {
    Run refused = init_config(dir.path(), {bad_file, "--public-url", bad});
    INFO(bad << ": " << refused.output);
    CHECK(refused.exit_code != 0);
    CHECK(refused.output.find("public_url") != std::string::npos);
    CHECK(::access(bad_file.c_str(), F_OK) != 0);  // nothing written
  }
  CHECK(
      vouch::server::parse_config(R"({"public_url": "reviews.shop.example"})", ".").error().path ==
      "public_url");
  CHECK(vouch::server::parse_config(R"({"limits": {"max_photo_pixels": 0}})", ".").error().path ==
        "limits.max_photo_pixels");
  auto pixels = vouch::server::parse_config(R"({"limits": {"max_photo_pixels": 1000}})", ".");
  REQUIRE(pixels.ok());
  CHECK(pixels.value().limits.max_photo_pixels == 1000);

  // Not on a terminal and no flag: no question, photos stay off, and it says so.
  const std::string quiet_file = dir.path() + "/quiet.json";
  Run quiet = init_config(dir.path(), {quiet_file});
  REQUIRE(quiet.exit_code == 0);
  CHECK(public_url_in(quiet_file).empty());
  CHECK(quiet.output.find("photo uploads stay off") != std::string::npos);
}

TEST_CASE("init-config asks for the public URL on a terminal", "[process][photos][host]") {
  TempDir dir;
  const std::string file = dir.path() + "/vouch.json";
  int terminal = -1;
  std::fflush(nullptr);
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(VOUCH_SERVER_BINARY, VOUCH_SERVER_BINARY, "init-config", file.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Read up to the question (bounded: the child either asks or exits).
  std::string seen;
  char buffer[512];
  while (seen.find("no photo uploads): ") == std::string::npos) {
    const ssize_t got = ::read(terminal, buffer, sizeof buffer);
    if (got <= 0) break;
    seen.append(buffer, static_cast<std::size_t>(got));
  }
  INFO(seen);
  REQUIRE(seen.find("Public address of this server") != std::string::npos);
  const std::string answer = "https://reviews.pty.example\n";
  REQUIRE(::write(terminal, answer.data(), answer.size()) == static_cast<ssize_t>(answer.size()));
  while (::read(terminal, buffer, sizeof buffer) > 0) {
  }
  ::close(terminal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(public_url_in(file) == "https://reviews.pty.example");
}

TEST_CASE("sign-link refuses --days that is not a whole number of days from 1 to 3650",
          "[process][cli]") {
  TempDir dir;
  const std::string file = dir.path() + "/vouch.json";
  REQUIRE(init_config(dir.path(), {file}).exit_code == 0);
  const std::vector<std::string> base = {"--config", file, "--product", "p1", "--order", "A-1"};
  auto with_days = [&](const std::string& days) {
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--days", days});
    return run_command(dir.path(), "sign-link", args);
  };
  // Before, "abc" signed a 30-day link and "-5" one already expired, silently.
  for (const char* days : {"abc", "-5", "0", "7x", "", "3651", "99999999999999999999"}) {
    INFO("--days \"" << days << "\"");
    const Run refused = with_days(days);
    CHECK(refused.exit_code != 0);
    CHECK(refused.output.find("--days expects whole days from 1 to 3650") != std::string::npos);
  }
  const Run signed_link = with_days("7");
  INFO(signed_link.output);
  CHECK(signed_link.exit_code == 0);
  CHECK(signed_link.output.size() > 20);
  CHECK(run_command(dir.path(), "sign-link", base).exit_code == 0);  // 30 days when not given
}
