// Console staff accounts and sessions (issue 15 item 1): login with argon2id
// passwords, the session cookie and its flags, CSRF on writes, roles read on
// every request, lockout and per-IP throttling, timeouts on App::now, and the
// `vouch-server user` command as a real child process.

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <vector>

#include "audit_log.hpp"
#include "auth/accounts.hpp"
#include "auth/login.hpp"
#include "config.hpp"
#include "http_util.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

// A server whose clock the test moves (App::now), with staff accounts.
struct Console {
  explicit Console(vouch::server::Config config = {}) : server(std::move(config)) {
    server.app().now = [this] { return clock.load(); };
  }
  void add(const std::string& name, const std::string& role) {
    auto added = vouch::server::auth::add_user(server.app(), "test", name, role, kPassword);
    INFO(name);
    REQUIRE(added.ok());
  }
  std::atomic<std::int64_t> clock{1'800'000'000};
  TestServer server;
};

struct Session {
  std::string cookie;  // the vouch_session value
  std::string csrf;
  std::string set_cookie;  // the whole Set-Cookie header of the login
};

httplib::Result post_login(httplib::Client& client, const std::string& body,
                           const std::string& cookie = "") {
  httplib::Headers headers;
  if (!cookie.empty()) headers.emplace("Cookie", "vouch_session=" + cookie);
  return client.Post("/api/v1/admin/login", headers, body, "application/json");
}

httplib::Result try_login(httplib::Client& client, const std::string& name,
                          const std::string& password, const std::string& cookie = "") {
  return post_login(client, json{{"name", name}, {"password", password}}.dump(), cookie);
}

std::string cookie_value(const std::string& set_cookie) {
  const std::string prefix = "vouch_session=";
  REQUIRE(set_cookie.rfind(prefix, 0) == 0);
  return set_cookie.substr(prefix.size(), set_cookie.find(';') - prefix.size());
}

Session login(httplib::Client& client, const std::string& name, const std::string& cookie = "") {
  auto res = try_login(client, name, kPassword, cookie);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  const json body = parse(res->body);
  Session session;
  session.set_cookie = res->get_header_value("Set-Cookie");
  session.cookie = cookie_value(session.set_cookie);
  session.csrf = body["csrf"].get<std::string>();
  CHECK(body["user"]["name"] == name);
  return session;
}

httplib::Headers with(const Session& session, bool csrf = true) {
  httplib::Headers headers{{"Cookie", "vouch_session=" + session.cookie}};
  if (csrf) headers.emplace("X-CSRF-Token", session.csrf);
  return headers;
}

int status_of(const httplib::Result& res) {
  REQUIRE(res);
  return res->status;
}

std::string submit_review(httplib::Client& client) {
  auto res =
      client.Post("/api/v1/products/sku-1/reviews",
                  review_json(4, "A review body that is long enough to pass."), "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 201);
  return parse(res->body)["id"].get<std::string>();
}

}  // namespace

TEST_CASE("login sets a session cookie with its flags; no session is 401", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  auto client = console.server.client();

  auto none = client.Get("/api/v1/admin/reviews");
  CHECK(status_of(none) == 401);
  CHECK(code_of(none) == "unauthorized");

  const Session session = login(client, "olivia");
  CHECK(session.cookie.size() == 43);
  CHECK(session.set_cookie.find("; Path=/") != std::string::npos);
  CHECK(session.set_cookie.find("; HttpOnly") != std::string::npos);
  CHECK(session.set_cookie.find("; SameSite=Strict") != std::string::npos);
  // test_config's public_url is http://: no Secure flag (the browser would drop the cookie).
  CHECK(session.set_cookie.find("Secure") == std::string::npos);

  auto me = client.Get("/api/v1/admin/session", with(session, false));
  REQUIRE(status_of(me) == 200);
  const json body = parse(me->body);
  CHECK(body["user"] == json{{"name", "olivia"}, {"role", "owner"}});
  CHECK(body["csrf"] == session.csrf);
  CHECK(body["permissions"].size() == 5);
  CHECK(body["idle_expires_at"] == "2027-01-15T09:00:00Z");  // 1.8e9 (08:00) + 60 min
  CHECK(body["expires_at"] == "2027-01-15T20:00:00Z");       // + 12 h
  CHECK(status_of(client.Get("/api/v1/admin/reviews", with(session, false))) == 200);
  // The database keeps a hash of the cookie, never the cookie itself.
  auto rows = client.Get("/api/v1/admin/sessions", with(session, false));
  REQUIRE(status_of(rows) == 200);
  CHECK(rows->body.find(session.cookie) == std::string::npos);

  auto wrong =
      client.Get("/api/v1/admin/reviews", {{"Cookie", "vouch_session=" + std::string(43, 'A')}});
  CHECK(status_of(wrong) == 401);
}

TEST_CASE("the cookie is Secure when public_url is https", "[auth]") {
  TempDir scratch;
  auto config = test_config(scratch.path());
  config.public_url = "https://reviews.shop.example";
  Console console(config);
  console.add("olivia", "owner");
  auto client = console.server.client();
  CHECK(login(client, "olivia").set_cookie.find("; Secure") != std::string::npos);
}

TEST_CASE("cookie writes need the CSRF token; bearer tokens need none", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  auto client = console.server.client();
  const std::string id = submit_review(client);
  const Session session = login(client, "olivia");
  const std::string approve = "/api/v1/admin/reviews/" + id + "/approve";

  auto missing = client.Post(approve.c_str(), with(session, false), "{}", "application/json");
  CHECK(status_of(missing) == 403);
  CHECK(code_of(missing) == "csrf_failed");
  Session forged = session;
  forged.csrf = std::string(43, 'x');
  auto wrong = client.Post(approve.c_str(), with(forged), "{}", "application/json");
  CHECK(code_of(wrong) == "csrf_failed");
  auto ok = client.Post(approve.c_str(), with(session), "{}", "application/json");
  CHECK(status_of(ok) == 200);

  // Bearer tokens work as before, everywhere, without a CSRF token.
  CHECK(status_of(client.Post(approve.c_str(), admin_headers(), "{}", "application/json")) == 200);
  CHECK(status_of(client.Get("/api/v1/admin/users", admin_headers())) == 200);
  auto token_session = client.Get("/api/v1/admin/session", admin_headers());
  REQUIRE(status_of(token_session) == 200);
  CHECK(parse(token_session->body)["token"] == true);
  CHECK(parse(token_session->body)["user"]["role"] == "owner");

  // The audit log names the user who acted.
  auto audit = client.Get(("/api/v1/admin/audit?review=" + id).c_str(), admin_headers());
  REQUIRE(status_of(audit) == 200);
  CHECK(audit->body.find("\"olivia\"") != std::string::npos);
}

TEST_CASE("roles: a responder cannot manage, a moderator can approve but not manage users",
          "[auth]") {
  Console console;
  console.add("olivia", "owner");
  console.add("rita", "responder");
  console.add("max", "moderator");
  auto client = console.server.client();
  const std::string id = submit_review(client);
  const Session rita = login(client, "rita");
  const Session max = login(client, "max");
  const std::string review = "/api/v1/admin/reviews/" + id;

  CHECK(status_of(client.Get("/api/v1/admin/reviews", with(rita, false))) == 200);
  auto del = client.Delete(review.c_str(), with(rita));
  CHECK(status_of(del) == 403);
  CHECK(code_of(del) == "forbidden");
  CHECK(status_of(client.Post("/api/v1/admin/reviewers/erase", with(rita),
                              R"({"email":"mia@example.com","mode":"delete"})",
                              "application/json")) == 403);
  CHECK(status_of(client.Get("/api/v1/admin/export", with(rita))) == 403);
  CHECK(status_of(client.Post("/api/v1/admin/import", with(rita), "[]", "application/json")) ==
        403);
  CHECK(status_of(client.Get("/api/v1/admin/users", with(rita))) == 403);
  CHECK(status_of(client.Post((review + "/approve").c_str(), with(rita), "{}",
                              "application/json")) == 403);

  CHECK(status_of(client.Post((review + "/approve").c_str(), with(max), "{}",
                              "application/json")) == 200);
  CHECK(status_of(client.Get("/api/v1/admin/users", with(max))) == 403);
  CHECK(status_of(
            client.Post("/api/v1/admin/users", with(max),
                        json{{"name", "eve"}, {"role", "owner"}, {"password", kPassword}}.dump(),
                        "application/json")) == 403);
  CHECK(status_of(client.Patch("/api/v1/admin/users/max", with(max), R"({"role":"owner"})",
                               "application/json")) == 403);
  CHECK(status_of(client.Delete(review.c_str(), with(max))) == 403);
}

TEST_CASE("five bad passwords lock the account for 15 minutes, across restarts", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  auto client = console.server.client();
  for (int i = 0; i < 5; ++i) {
    auto bad = try_login(client, "olivia", "not the password");
    CHECK(status_of(bad) == 401);
    CHECK(code_of(bad) == "invalid_credentials");
  }
  auto locked = try_login(client, "olivia", kPassword);
  CHECK(status_of(locked) == 429);
  CHECK(code_of(locked) == "account_locked");
  CHECK(locked->get_header_value("Retry-After") == "900");
  // Stored in users: the lock is what the database says, not memory.
  auto stored = vouch::server::auth::find_user(*console.server.app().db, "olivia");
  REQUIRE(stored.ok());
  CHECK(stored.value()->locked_until == console.clock.load() + 900);
  auto listed = client.Get("/api/v1/admin/users", admin_headers());
  REQUIRE(status_of(listed) == 200);
  CHECK(parse(listed->body)["users"][0]["locked_until"].is_string());

  console.clock += 899;
  CHECK(code_of(try_login(client, "olivia", kPassword)) == "account_locked");
  console.clock += 1;
  login(client, "olivia");
  // A good login resets the count: four more failures do not lock.
  for (int i = 0; i < 4; ++i)
    CHECK(status_of(try_login(client, "olivia", "nope-nope-nope")) == 401);
  login(client, "olivia");
  auto audit = client.Get("/api/v1/admin/audit", admin_headers());
  REQUIRE(status_of(audit) == 200);
  CHECK(audit->body.find("login_failed") != std::string::npos);
  CHECK(audit->body.find("not the password") == std::string::npos);
}

TEST_CASE("more than 20 failed logins from one IP in 15 minutes are refused", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  auto client = console.server.client();
  // Unknown names count too (and answer exactly like a wrong password).
  for (int i = 0; i < 20; ++i) {
    auto bad = try_login(client, "nobody" + std::to_string(i), "some password here");
    REQUIRE(status_of(bad) == 401);
    CHECK(code_of(bad) == "invalid_credentials");
  }
  auto limited = try_login(client, "olivia", kPassword);
  CHECK(status_of(limited) == 429);
  CHECK(code_of(limited) == "too_many_logins");
  CHECK(!limited->get_header_value("Retry-After").empty());
  console.clock += 15 * 60;
  login(client, "olivia");
}

TEST_CASE("session fixation: login issues a new session and ends the one presented", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  console.add("rita", "responder");
  auto client = console.server.client();
  const Session planted = login(client, "rita");
  const Session session = login(client, "olivia", planted.cookie);
  CHECK(session.cookie != planted.cookie);
  CHECK(status_of(client.Get("/api/v1/admin/session", with(planted, false))) == 401);
  CHECK(status_of(client.Get("/api/v1/admin/session", with(session, false))) == 200);
  // An unknown cookie at login is simply replaced.
  const Session fresh = login(client, "olivia", std::string(43, 'Q'));
  CHECK(fresh.cookie != std::string(43, 'Q'));
}

TEST_CASE("sessions expire after the idle and the absolute timeout", "[auth]") {
  TempDir scratch;
  auto config = test_config(scratch.path());
  config.sessions.idle_minutes = 30;
  config.sessions.absolute_hours = 2;
  Console console(config);
  console.add("olivia", "owner");
  auto client = console.server.client();

  const Session idle = login(client, "olivia");
  const auto last_seen = [&] {
    auto rows = client.Get("/api/v1/admin/sessions", admin_headers());
    REQUIRE(status_of(rows) == 200);
    return parse(rows->body)["sessions"][0]["last_seen"].get<std::string>();
  };
  const std::string at_login = last_seen();
  console.clock += 59;  // written at most once a minute
  CHECK(status_of(client.Get("/api/v1/admin/session", with(idle, false))) == 200);
  CHECK(last_seen() == at_login);
  console.clock += 1;
  CHECK(status_of(client.Get("/api/v1/admin/session", with(idle, false))) == 200);
  CHECK(last_seen() != at_login);
  console.clock += 29 * 60;
  CHECK(status_of(client.Get("/api/v1/admin/session", with(idle, false))) == 200);
  console.clock += 29 * 60;  // 29 minutes after the last request: still alive
  CHECK(status_of(client.Get("/api/v1/admin/session", with(idle, false))) == 200);
  console.clock += 30 * 60;
  CHECK(status_of(client.Get("/api/v1/admin/session", with(idle, false))) == 401);

  const Session busy = login(client, "olivia");
  for (int i = 0; i < 4; ++i) {  // active every 25 minutes: 100 minutes
    console.clock += 25 * 60;
    CHECK(status_of(client.Get("/api/v1/admin/session", with(busy, false))) == 200);
  }
  console.clock += 20 * 60;  // 120 minutes after login
  CHECK(status_of(client.Get("/api/v1/admin/session", with(busy, false))) == 401);
  // Expired rows are gone, not merely refused.
  auto rows = client.Get("/api/v1/admin/sessions", admin_headers());
  REQUIRE(status_of(rows) == 200);
  CHECK(parse(rows->body)["sessions"].empty());
}

TEST_CASE("logout and ending sessions", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  console.add("rita", "responder");
  auto client = console.server.client();
  const Session one = login(client, "rita");
  auto out = client.Post("/api/v1/admin/logout", with(one), "", "application/json");
  CHECK(status_of(out) == 204);
  CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
  CHECK(status_of(client.Get("/api/v1/admin/session", with(one, false))) == 401);

  const Session rita = login(client, "rita");
  const Session olivia = login(client, "olivia");
  // A responder sees only their own sessions and cannot end the owner's.
  auto mine = client.Get("/api/v1/admin/sessions", with(rita, false));
  REQUIRE(status_of(mine) == 200);
  const json rita_list = parse(mine->body)["sessions"];
  REQUIRE(rita_list.size() == 1);
  CHECK(rita_list[0]["user"] == "rita");
  CHECK(rita_list[0]["current"] == true);
  auto all = client.Get("/api/v1/admin/sessions", with(olivia, false));
  const json owner_list = parse(all->body)["sessions"];
  REQUIRE(owner_list.size() == 2);
  std::string olivia_id;
  for (const json& row : owner_list) {
    if (row["user"] == "olivia") olivia_id = row["id"];
  }
  CHECK(status_of(client.Delete(("/api/v1/admin/sessions/" + olivia_id).c_str(), with(rita))) ==
        404);
  auto ended = client.Delete(
      ("/api/v1/admin/sessions/" + rita_list[0]["id"].get<std::string>()).c_str(), with(olivia));
  CHECK(status_of(ended) == 200);
  CHECK(status_of(client.Get("/api/v1/admin/session", with(rita, false))) == 401);
}

TEST_CASE("users: add, role change applies at once, remove ends sessions, last owner stays",
          "[auth]") {
  Console console;
  console.add("olivia", "owner");
  auto client = console.server.client();
  const Session owner = login(client, "olivia");

  auto bad_name = client.Post(
      "/api/v1/admin/users", with(owner),
      json{{"name", "bad name!"}, {"role", "responder"}, {"password", kPassword}}.dump(),
      "application/json");
  CHECK(status_of(bad_name) == 422);
  CHECK(code_of(bad_name) == "invalid_name");
  CHECK(parse(bad_name->body)["error"]["message"].get<std::string>().find("name:") == 0);
  auto short_password =
      client.Post("/api/v1/admin/users", with(owner),
                  json{{"name", "rita"}, {"role", "responder"}, {"password", "short"}}.dump(),
                  "application/json");
  CHECK(code_of(short_password) == "invalid_password");
  auto bad_role =
      client.Post("/api/v1/admin/users", with(owner),
                  json{{"name", "rita"}, {"role", "admin"}, {"password", kPassword}}.dump(),
                  "application/json");
  CHECK(code_of(bad_role) == "invalid_role");
  auto added =
      client.Post("/api/v1/admin/users", with(owner),
                  json{{"name", "rita"}, {"role", "responder"}, {"password", kPassword}}.dump(),
                  "application/json");
  REQUIRE(status_of(added) == 201);
  CHECK(parse(added->body)["user"]["role"] == "responder");
  auto again =
      client.Post("/api/v1/admin/users", with(owner),
                  json{{"name", "RITA"}, {"role", "responder"}, {"password", kPassword}}.dump(),
                  "application/json");
  CHECK(status_of(again) == 409);

  const Session rita = login(client, "rita");
  CHECK(status_of(client.Get("/api/v1/admin/users", with(rita, false))) == 403);
  REQUIRE(status_of(client.Patch("/api/v1/admin/users/rita", with(owner), R"({"role":"owner"})",
                                 "application/json")) == 200);
  CHECK(status_of(client.Get("/api/v1/admin/users", with(rita, false))) == 200);  // live session
  auto session = client.Get("/api/v1/admin/session", with(rita, false));
  CHECK(parse(session->body)["user"]["role"] == "owner");

  // Own password: needs the current one.
  const std::string change = json{{"password", "a brand new password"}}.dump();
  auto no_current =
      client.Patch("/api/v1/admin/users/rita", with(rita), change, "application/json");
  CHECK(status_of(no_current) == 403);
  CHECK(code_of(no_current) == "wrong_password");
  auto changed = client.Patch(
      "/api/v1/admin/users/rita", with(rita),
      json{{"password", "a brand new password"}, {"current_password", kPassword}}.dump(),
      "application/json");
  CHECK(status_of(changed) == 200);
  CHECK(status_of(try_login(client, "rita", kPassword)) == 401);
  CHECK(status_of(try_login(client, "rita", "a brand new password")) == 200);

  REQUIRE(status_of(client.Delete("/api/v1/admin/users/rita", with(owner))) == 200);
  CHECK(status_of(client.Get("/api/v1/admin/session", with(rita, false))) == 401);
  auto last = client.Delete("/api/v1/admin/users/olivia", with(owner));
  CHECK(status_of(last) == 409);
  CHECK(code_of(last) == "last_owner");
  auto demote = client.Patch("/api/v1/admin/users/olivia", with(owner), R"({"role":"moderator"})",
                             "application/json");
  CHECK(code_of(demote) == "last_owner");

  auto audit = client.Get("/api/v1/admin/audit", admin_headers());
  REQUIRE(status_of(audit) == 200);
  for (const char* action : {"user_add", "user_role", "user_password", "user_remove", "login"})
    CHECK(audit->body.find(std::string("\"") + action + "\"") != std::string::npos);
  CHECK(audit->body.find("brand new") == std::string::npos);
}

TEST_CASE("hostile login input gets 400 or 401, never 500", "[auth]") {
  Console console;
  console.add("olivia", "owner");
  auto client = console.server.client();
  const std::vector<std::string> bodies = {
      json{{"name", std::string(7000, 'a')}, {"password", kPassword}}.dump(),
      json{{"name", std::string("oli\0via", 7)}, {"password", kPassword}}.dump(),
      json{{"name", "olivia"}, {"password", std::string("pass\0word-long", 14)}}.dump(),
      std::string("{\"name\":\"\xff\xfe\",\"password\":\"x\"}"),
      R"({"name":1,"password":"x"})",
      R"({"name":"olivia","password":["x"]})",
      R"({"name":null})",
      R"([])",
      R"("olivia")",
      "{",
      "",
      json{{"name", "olivia"}, {"password", std::string(5000, 'p')}}.dump(),
  };
  for (const std::string& body : bodies) {
    auto res = post_login(client, body);
    INFO(body.substr(0, 80));
    REQUIRE(res);
    CHECK((res->status == 400 || res->status == 401));
  }
  // Beyond the route's body limit: refused while reading.
  auto huge =
      post_login(client, json{{"name", std::string(100000, 'a')}, {"password", kPassword}}.dump());
  CHECK(status_of(huge) == 413);
  VOUCH_SHARED_DATA_OR_SKIP(naughty, "conformance/naughty_strings/blns.json");
  const json strings = json::parse(read_file(naughty), nullptr, false);
  REQUIRE(strings.is_array());
  int attempts = 0;
  for (const json& text : strings) {
    auto res = post_login(client, json{{"name", text}, {"password", text}}.dump());
    INFO(text.dump());
    REQUIRE(res);
    // Most are no possible name (refused at once); the few that are count
    // against this IP's failures, hence 429 once those run out.
    CHECK((res->status == 401 || res->status == 429));
    ++attempts;
  }
  CHECK(attempts > 100);
  // One wrong password for olivia above (with a NUL in it); nothing else
  // reached her account, nor locked it.
  auto stored = vouch::server::auth::find_user(*console.server.app().db, "olivia");
  REQUIRE(stored.ok());
  CHECK(stored.value()->failed_logins == 1);
  CHECK(stored.value()->locked_until == 0);
}

namespace {

struct Run {
  int exit_code = -1;
  std::string output;
};

// `vouch-server user ARGS...` with `input` on stdin (a pipe, not a terminal).
Run user_cli(const std::string& dir, const std::vector<std::string>& args,
             const std::string& input) {
  const std::string in = dir + "/stdin.txt";
  const std::string out = dir + "/user.out";
  REQUIRE(vouch::server::write_text_file(in, input).ok());
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!std::freopen(in.c_str(), "r", stdin) || !std::freopen(out.c_str(), "w", stdout) ||
        !std::freopen(out.c_str(), "a", stderr))
      ::_exit(127);
    std::vector<char*> argv = {const_cast<char*>(VOUCH_SERVER_BINARY), const_cast<char*>("user")};
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

}  // namespace

TEST_CASE("vouch-server user add / list / remove / passwd", "[auth][process]") {
  TempDir dir;
  const std::string db = dir.path() + "/vouch.db";
  Run added = user_cli(dir.path(), {"add", "olivia", "--role", "owner", "--db", db},
                       std::string(kPassword) + "\n");
  INFO(added.output);
  REQUIRE(added.exit_code == 0);
  Run role = user_cli(dir.path(), {"add", "rita", "--role", "admin", "--db", db}, "x\n");
  CHECK(role.exit_code != 0);
  CHECK(role.output.find("--role: expected owner, moderator or responder") != std::string::npos);
  Run weak = user_cli(dir.path(), {"add", "rita", "--role", "responder", "--db", db}, "short\n");
  CHECK(weak.exit_code != 0);
  CHECK(weak.output.find("password: at least 10 bytes") != std::string::npos);
  REQUIRE(user_cli(dir.path(), {"add", "rita", "--role", "responder", "--db", db},
                   "another long password\n")
              .exit_code == 0);
  Run listed = user_cli(dir.path(), {"list", "--db", db}, "");
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.output.find("olivia") != std::string::npos);
  CHECK(listed.output.find("owner") != std::string::npos);
  CHECK(listed.output.find("rita") != std::string::npos);
  CHECK(listed.output.find("responder") != std::string::npos);
  CHECK(listed.output.find(kPassword) == std::string::npos);

  Run last = user_cli(dir.path(), {"remove", "olivia", "--db", db}, "");
  CHECK(last.exit_code != 0);
  CHECK(last.output.find("last owner") != std::string::npos);
  CHECK(user_cli(dir.path(), {"passwd", "rita", "--db", db}, "changed it to this\n").exit_code ==
        0);
  CHECK(user_cli(dir.path(), {"remove", "rita", "--db", db}, "").exit_code == 0);

  // The server the CLI prepared: the password read from stdin logs in.
  TempDir scratch;
  auto config = test_config(scratch.path());
  auto app = vouch::server::make_app(config, db);
  REQUIRE(app.ok());
  vouch::server::auth::LoginRequest request{"olivia", kPassword, "127.0.0.1", "", ""};
  CHECK(vouch::server::auth::login(*app.value(), request).ok());
  auto audit = vouch::server::list_audit(*app.value()->db, "", 50, 0);
  REQUIRE(audit.ok());
  std::vector<std::string> cli_actions;
  for (const auto& entry : audit.value()) {
    if (entry.actor == "cli") cli_actions.push_back(entry.action);
  }
  CHECK(cli_actions ==
        std::vector<std::string>{"user_remove", "user_password", "user_add", "user_add"});
}

TEST_CASE("vouch-server user add asks for the password on a terminal, with echo off",
          "[auth][process]") {
  TempDir dir;
  const std::string db = dir.path() + "/vouch.db";
  int terminal = -1;
  std::fflush(nullptr);
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(VOUCH_SERVER_BINARY, VOUCH_SERVER_BINARY, "user", "add", "olivia", "--role", "owner",
            "--db", db.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string seen;
  char buffer[512];
  const auto read_until = [&](const std::string& marker) {
    while (seen.find(marker) == std::string::npos) {
      const ssize_t got = ::read(terminal, buffer, sizeof buffer);
      if (got <= 0) break;
      seen.append(buffer, static_cast<std::size_t>(got));
    }
  };
  const std::string answer = std::string(kPassword) + "\n";
  read_until("New password");
  REQUIRE(::write(terminal, answer.data(), answer.size()) == static_cast<ssize_t>(answer.size()));
  read_until("Repeat it: ");
  REQUIRE(::write(terminal, answer.data(), answer.size()) == static_cast<ssize_t>(answer.size()));
  for (ssize_t got; (got = ::read(terminal, buffer, sizeof buffer)) > 0;)
    seen.append(buffer, static_cast<std::size_t>(got));
  ::close(terminal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  INFO(seen);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(seen.find(kPassword) == std::string::npos);  // never echoed
  TempDir scratch;
  auto app = vouch::server::make_app(test_config(scratch.path()), db);
  REQUIRE(app.ok());
  vouch::server::auth::LoginRequest request{"olivia", kPassword, "127.0.0.1", "", ""};
  CHECK(vouch::server::auth::login(*app.value(), request).ok());
}

TEST_CASE("config: sessions block", "[auth]") {
  auto ok =
      vouch::server::parse_config(R"({"sessions":{"idle_minutes":5,"absolute_hours":1}})", ".");
  REQUIRE(ok.ok());
  CHECK(ok.value().sessions.idle_minutes == 5);
  CHECK(ok.value().sessions.absolute_hours == 1);
  auto unknown = vouch::server::parse_config(R"({"sessions":{"idle":5}})", ".");
  REQUIRE(!unknown.ok());
  CHECK(unknown.error().path == "sessions.idle");
  auto zero = vouch::server::parse_config(R"({"sessions":{"idle_minutes":0}})", ".");
  REQUIRE(!zero.ok());
  CHECK(zero.error().path == "sessions.idle_minutes");
  auto type = vouch::server::parse_config(R"({"sessions":{"absolute_hours":"12"}})", ".");
  REQUIRE(!type.ok());
  CHECK(type.error().path == "sessions.absolute_hours");
}
