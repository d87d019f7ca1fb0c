// The admin API as a hostile client sees it (issue 15 review): every route the
// server registers is walked from its route table, so a route added later
// cannot escape these checks. For each: no credentials is 401, a cookie write
// without its CSRF token is 403 csrf_failed, each role gets exactly the
// permission of auth/actor.hpp, a bearer token acts as owner; hostile ids and
// bodies get a 4xx with the JSON error shape, never a 500 or a crash, and a
// refused request changes nothing that is stored.

#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/actor.hpp"
#include "http_util.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"

using vouch::server::json;
using vouch::server::Permission;
using vouch::server::Role;
using namespace vouch_test;

namespace {

constexpr const char* kAdmin = "/api/v1/admin";

// What a route needs. SelfOrManage: the route lets any staff in and the use
// case decides (own password, own sessions): checked by hand below.
enum class Need { Public, Read, Respond, Templates, Moderate, Manage, SelfOrManage };

struct Expected {
  std::string method;
  std::string pattern;
  Need need;
};

// The permission each admin route must have: the spec this test holds the
// route table to. A route registered but missing here fails the test.
const std::vector<Expected>& expected_routes() {
  static const std::vector<Expected> table = {
      {"GET", "/api/v1/admin/reviews", Need::Read},
      {"GET", "/api/v1/admin/questions", Need::Read},
      {"GET", R"(/api/v1/admin/questions/([^/]+))", Need::Read},
      {"POST", R"(/api/v1/admin/questions/([^/]+)/answers)", Need::Respond},
      {"GET", R"(/api/v1/admin/questions/([^/]+)/invites)", Need::Respond},
      {"POST", R"(/api/v1/admin/questions/([^/]+)/invites/mail)", Need::Respond},
      {"POST", R"(/api/v1/admin/questions/([^/]+)/approve)", Need::Moderate},
      {"POST", R"(/api/v1/admin/questions/([^/]+)/reject)", Need::Moderate},
      {"POST", R"(/api/v1/admin/questions/([^/]+)/hide)", Need::Moderate},
      {"POST", R"(/api/v1/admin/answers/([^/]+)/approve)", Need::Moderate},
      {"POST", R"(/api/v1/admin/answers/([^/]+)/reject)", Need::Moderate},
      {"POST", R"(/api/v1/admin/answers/([^/]+)/hide)", Need::Moderate},
      {"GET", R"(/api/v1/admin/reviews/([^/]+))", Need::Read},
      {"POST", R"(/api/v1/admin/reviews/([^/]+)/approve)", Need::Moderate},
      {"POST", R"(/api/v1/admin/reviews/([^/]+)/reject)", Need::Moderate},
      {"POST", R"(/api/v1/admin/reviews/([^/]+)/hide)", Need::Moderate},
      {"POST", R"(/api/v1/admin/reviews/([^/]+)/feature)", Need::Moderate},
      {"POST", R"(/api/v1/admin/reviews/([^/]+)/reply)", Need::Respond},
      {"DELETE", R"(/api/v1/admin/reviews/([^/]+))", Need::Manage},
      {"GET", "/api/v1/admin/audit", Need::Manage},
      {"GET", "/api/v1/admin/health", Need::Manage},
      {"GET", "/api/v1/admin/reviewers", Need::Manage},
      {"POST", "/api/v1/admin/reviewers/erase", Need::Manage},
      {"POST", "/api/v1/admin/import", Need::Manage},
      {"GET", "/api/v1/admin/export", Need::Manage},
      {"POST", "/api/v1/admin/login", Need::Public},
      {"POST", "/api/v1/admin/logout", Need::Read},
      {"GET", "/api/v1/admin/session", Need::Read},
      {"GET", "/api/v1/admin/users", Need::Manage},
      {"POST", "/api/v1/admin/users", Need::Manage},
      {"PATCH", R"(/api/v1/admin/users/([^/]+))", Need::SelfOrManage},
      {"DELETE", R"(/api/v1/admin/users/([^/]+))", Need::Manage},
      {"GET", "/api/v1/admin/sessions", Need::Read},
      {"DELETE", R"(/api/v1/admin/sessions/([^/]+))", Need::SelfOrManage},
      {"GET", "/api/v1/admin/templates", Need::Read},
      {"POST", "/api/v1/admin/templates", Need::Templates},
      {"POST", "/api/v1/admin/templates/preview", Need::Read},
      {"PUT", R"(/api/v1/admin/templates/((?!preview$)[^/]+))", Need::Templates},
      {"DELETE", R"(/api/v1/admin/templates/((?!preview$)[^/]+))", Need::Templates},
      {"POST", "/api/v1/admin/replies/check", Need::Read},
      {"POST", R"(/api/v1/admin/inbox/([^/]+)/notes)", Need::Respond},
      {"POST", R"(/api/v1/admin/inbox/([^/]+)/messages)", Need::Respond},
      {"GET", R"(/api/v1/admin/inbox/([^/]+)/history)", Need::Read},
      {"POST", R"(/api/v1/admin/inbox/([^/]+)/resolve)", Need::Respond},
      {"POST", R"(/api/v1/admin/inbox/([^/]+)/follow-up)", Need::Respond},
      {"POST", R"(/api/v1/admin/inbox/([^/]+)/reopen)", Need::Respond},
      {"GET", "/api/v1/admin/metrics", Need::Read},
      {"GET", "/api/v1/admin/analytics", Need::Read},
      {"POST", "/api/v1/admin/test/clock", Need::Manage},
      {"GET", "/api/v1/admin/inbox", Need::Read},
      {"POST", "/api/v1/admin/inbox/bulk", Need::Respond},
      {"GET", R"(/api/v1/admin/inbox/((?!bulk$)[^/]+))", Need::Read},
      {"PATCH", R"(/api/v1/admin/inbox/((?!bulk$)[^/]+))", Need::Respond},
      {"POST", R"(/api/v1/admin/inbox/((?!bulk$)[^/]+)/no-reply)", Need::Respond},
      {"DELETE", R"(/api/v1/admin/inbox/((?!bulk$)[^/]+)/no-reply)", Need::Respond},
      // Issue 18: the outbox and webhooks (routes_outbox.cpp), owner only.
      {"GET", "/api/v1/admin/outbox", Need::Manage},
      {"POST", "/api/v1/admin/outbox/test", Need::Manage},
      {"GET", R"(/api/v1/admin/outbox/((?!test$)[^/]+))", Need::Manage},
      {"POST", R"(/api/v1/admin/outbox/([^/]+)/retry)", Need::Manage},
      {"GET", "/api/v1/admin/webhooks", Need::Manage},
      {"POST", "/api/v1/admin/webhooks", Need::Manage},
      {"GET", "/api/v1/admin/webhooks/deliveries", Need::Manage},
      {"POST", R"(/api/v1/admin/webhooks/deliveries/([^/]+)/retry)", Need::Manage},
      {"PUT", R"(/api/v1/admin/webhooks/((?!deliveries$)[^/]+))", Need::Manage},
      {"DELETE", R"(/api/v1/admin/webhooks/((?!deliveries$)[^/]+))", Need::Manage},
      // Issue 18: orders and review-request templates (routes_requests.cpp).
      {"POST", "/api/v1/admin/orders", Need::Manage},
      {"GET", "/api/v1/admin/orders", Need::Read},
      {"POST", R"(/api/v1/admin/requests/([^/]+)/send-now)", Need::Manage},
      {"GET", "/api/v1/admin/request-templates", Need::Read},
      {"POST", "/api/v1/admin/request-templates/preview", Need::Read},
      {"GET", "/api/v1/admin/request-templates/preview.html", Need::Read},
      {"POST", "/api/v1/admin/request-templates/test-send", Need::Manage},
      {"PUT", R"(/api/v1/admin/request-templates/([^/]+)/([^/]+))", Need::Templates},
      {"DELETE", R"(/api/v1/admin/request-templates/([^/]+)/([^/]+))", Need::Templates},
  };
  return table;
}

bool role_may(Role role, Need need) {
  switch (need) {
    case Need::Public:
    case Need::SelfOrManage:
      return true;
    case Need::Read:
      return vouch::server::allowed(role, Permission::Read);
    case Need::Respond:
      return vouch::server::allowed(role, Permission::Respond);
    case Need::Templates:
      return vouch::server::allowed(role, Permission::Templates);
    case Need::Moderate:
      return vouch::server::allowed(role, Permission::Moderate);
    case Need::Manage:
      return vouch::server::allowed(role, Permission::Manage);
  }
  return false;
}

// The route's pattern with each capture group replaced by `value`.
std::string path_for(const std::string& pattern, const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '(') {
      out += pattern[i];
      continue;
    }
    int depth = 0;
    for (; i < pattern.size(); ++i) {
      if (pattern[i] == '(') ++depth;
      if (pattern[i] == ')' && --depth == 0) break;
    }
    out += value;
  }
  return out;
}

bool has_group(const std::string& pattern) { return pattern.find('(') != std::string::npos; }

struct Call {
  std::string method;
  std::string path;
  Need need;
};

// Every admin route of the running server (logout last: it ends the session).
std::vector<Call> admin_calls(const TestServer& server) {
  std::vector<Call> calls;
  for (const vouch::server::http::Route& route : server.routes()) {
    if (route.pattern.rfind(kAdmin, 0) != 0) continue;
    const auto& table = expected_routes();
    auto found = std::find_if(table.begin(), table.end(), [&](const Expected& e) {
      return e.method == route.method && e.pattern == route.pattern;
    });
    INFO("route not in this test's table (add it with its permission): " << route.method << " "
                                                                         << route.pattern);
    REQUIRE(found != table.end());
    const std::string path = path_for(route.pattern, "no-such-id");
    REQUIRE(std::regex_match(path, route.regex));
    calls.push_back({route.method, path, found->need});
  }
  // And nothing in the table is gone from the server.
  CHECK(calls.size() == expected_routes().size());
  std::stable_partition(calls.begin(), calls.end(),
                        [](const Call& c) { return c.path != "/api/v1/admin/logout"; });
  return calls;
}

// Every byte but unreserved ones as %XX: the string arrives as it is.
std::string percent_encoded(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// A 4xx with {"error":{"code","message"}}.
void check_json_error(const httplib::Result& res) {
  REQUIRE(res);
  INFO(res->status << " " << res->body.substr(0, 300));
  CHECK(res->status >= 400);
  CHECK(res->status < 500);
  const json body = parse(res->body);
  REQUIRE(body.is_object());
  REQUIRE(body.contains("error"));
  CHECK(body["error"]["code"].is_string());
  CHECK(body["error"]["message"].is_string());
}

httplib::Result send(httplib::Client& client, const std::string& method, const std::string& path,
                     const httplib::Headers& headers, const std::string& body = "{}") {
  if (method == "GET") return client.Get(path.c_str(), headers);
  if (method == "POST") return client.Post(path.c_str(), headers, body, "application/json");
  if (method == "PUT") return client.Put(path.c_str(), headers, body, "application/json");
  if (method == "PATCH") return client.Patch(path.c_str(), headers, body, "application/json");
  return client.Delete(path.c_str(), headers, body, "application/json");
}

// The error code of a refusal: the JSON answer's, or the one an HTML page
// carries (the request-mail preview page a console iframe shows).
std::string refusal_code(const httplib::Result& res) {
  if (!res || res->get_header_value("Content-Type").rfind("text/html", 0) != 0) return code_of(res);
  const std::string mark = "data-error-code=\"";
  const std::size_t at = res->body.find(mark);
  if (at == std::string::npos) return "";
  const std::size_t start = at + mark.size();
  return res->body.substr(start, res->body.find('"', start) - start);
}

struct StaffSession {
  std::string name;
  Role role;
  std::string cookie;
  std::string csrf;
};

StaffSession login(httplib::Client& client, const std::string& name, Role role) {
  auto res = client.Post("/api/v1/admin/login",
                         json{{"name", name}, {"password", kPassword}}.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  const std::string set_cookie = res->get_header_value("Set-Cookie");
  const std::string prefix = "vouch_session=";
  REQUIRE(set_cookie.rfind(prefix, 0) == 0);
  return {name, role, set_cookie.substr(prefix.size(), set_cookie.find(';') - prefix.size()),
          parse(res->body)["csrf"].get<std::string>()};
}

httplib::Headers cookie_headers(const StaffSession& s, const std::string& csrf) {
  httplib::Headers headers{{"Cookie", "vouch_session=" + s.cookie}};
  if (!csrf.empty()) headers.emplace("X-CSRF-Token", csrf);
  return headers;
}

// Everything a request could change, as one string: whole rows of the tables
// rows are changed in, count and last rowid of the append-only logs (sessions
// aside: their last_seen moves on every cookie request by design).
std::string stored_state(vouch::server::App& app) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  std::string out;
  const std::vector<std::string> queries = {
      "SELECT * FROM reviews ORDER BY rowid", "SELECT * FROM users ORDER BY rowid",
      "SELECT * FROM inbox_items ORDER BY rowid", "SELECT * FROM inbox_tags ORDER BY rowid",
      "SELECT * FROM reply_templates ORDER BY rowid", "SELECT count(*), max(rowid) FROM audit_log",
      "SELECT count(*), max(rowid) FROM inbox_events", "SELECT count(*), max(rowid) FROM votes",
      "SELECT count(*), max(rowid) FROM reports", "SELECT count(*), max(rowid) FROM photos",
      // Not the deliveries: the webhook thread changes those on its own.
      "SELECT * FROM outbox ORDER BY rowid", "SELECT * FROM webhook_endpoints ORDER BY rowid"};
  for (const std::string& sql : queries) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(app.db->handle(), sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    out += sql;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const unsigned char* text = sqlite3_column_text(stmt, c);
        out += '|';
        if (text) out.append(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt, c));
      }
      out += '\n';
    }
    sqlite3_finalize(stmt);
  }
  return out;
}

// A server with --test-clock (its route is walked too) and, with `users`, one
// account per role (argon2id is slow under ASan: made only where logged in).
struct Staff {
  explicit Staff(bool users = false)
      : server(test_config(dir.path()), true), client(server.client()) {
    if (!users) return;
    for (const auto& [name, role] : {std::pair<std::string, std::string>{"olivia", "owner"},
                                     {"mona", "moderator"},
                                     {"rita", "responder"}}) {
      auto added = vouch::server::auth::add_user(server.app(), "test", name, role, kPassword);
      INFO(name);
      REQUIRE(added.ok());
    }
  }
  std::string submit() {
    auto res = client.Post("/api/v1/products/sku-1/reviews",
                           review_json(2, "A review body that is long enough to pass the checks."),
                           "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
    return parse(res->body)["id"].get<std::string>();
  }
  TempDir dir;
  TestServer server;
  httplib::Client client;
};

}  // namespace

TEST_CASE("every admin route: 401, CSRF, and exactly its role's permission", "[access]") {
  Staff staff(true);
  auto& client = staff.client;
  const std::vector<Call> calls = admin_calls(staff.server);
  // Users are logged in through the real login route; one session each.
  const std::vector<StaffSession> sessions = {login(client, "olivia", Role::Owner),
                                              login(client, "mona", Role::Moderator),
                                              login(client, "rita", Role::Responder)};
  const std::string before = stored_state(staff.server.app());

  for (const Call& call : calls) {
    INFO(call.method << " " << call.path);
    if (call.need == Need::Public) continue;
    // No credentials, or credentials that are not ours.
    for (const httplib::Headers& headers :
         {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer wrong-token"}},
          httplib::Headers{{"Authorization", std::string("Basic ") + kAdminToken}},
          httplib::Headers{{"Cookie", "vouch_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},
          httplib::Headers{{"Cookie", "vouch_session="}}}) {
      auto res = send(client, call.method, call.path, headers);
      REQUIRE(res);
      CHECK(res->status == 401);
      CHECK(refusal_code(res) == "unauthorized");
    }
    if (call.method == "GET") continue;
    // A cookie write without its CSRF token, or with another session's.
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      for (const std::string& csrf :
           {std::string(), sessions[(i + 1) % sessions.size()].csrf, std::string("x")}) {
        auto res = send(client, call.method, call.path, cookie_headers(sessions[i], csrf));
        REQUIRE(res);
        INFO(sessions[i].name << " csrf '" << csrf << "'");
        CHECK(res->status == 403);
        CHECK(code_of(res) == "csrf_failed");
      }
    }
  }
  // Refused: nothing stored changed, not even an audit row.
  CHECK(stored_state(staff.server.app()) == before);

  // Each role: refused with 403 forbidden exactly where actor.hpp says.
  for (const Call& call : calls) {
    if (call.need == Need::Public || call.need == Need::SelfOrManage) continue;
    for (const StaffSession& s : sessions) {
      if (call.path == "/api/v1/admin/logout") continue;  // below, last
      auto res = send(client, call.method, call.path, cookie_headers(s, s.csrf));
      REQUIRE(res);
      INFO(s.name << " " << call.method << " " << call.path << " -> " << res->status << " "
                  << res->body.substr(0, 200));
      if (role_may(s.role, call.need)) {
        CHECK(res->status != 401);
        CHECK(!(res->status == 403 &&
                (refusal_code(res) == "forbidden" || refusal_code(res) == "csrf_failed")));
        CHECK(res->status < 500);
      } else {
        CHECK(res->status == 403);
        CHECK(refusal_code(res) == "forbidden");
      }
    }
    // A bearer token is the owner, and needs no CSRF token.
    auto res = send(client, call.method, call.path, admin_headers());
    REQUIRE(res);
    INFO("token " << call.method << " " << call.path << " -> " << res->body.substr(0, 200));
    CHECK(res->status != 401);
    CHECK(res->status != 403);
    CHECK(res->status < 500);
  }

  // The routes whose use case decides: own password and own sessions only.
  // (Allowed calls above may write: exports are audited.)
  const std::string after_matrix = stored_state(staff.server.app());
  const StaffSession& rita = sessions[2];
  const StaffSession& mona = sessions[1];
  auto patch_user = [&](const StaffSession& s, const std::string& name, const json& body) {
    return send(client, "PATCH", std::string(kAdmin) + "/users/" + name, cookie_headers(s, s.csrf),
                body.dump());
  };
  auto refused = patch_user(rita, "olivia", {{"role", "responder"}});
  CHECK(refused->status == 403);
  refused = patch_user(rita, "rita", {{"role", "owner"}});
  CHECK(refused->status == 403);
  refused = patch_user(mona, "rita", {{"password", "a new password that is long"}});
  CHECK(refused->status == 403);
  refused = patch_user(
      rita, "mona", {{"password", "a new password that is long"}, {"current_password", kPassword}});
  CHECK(refused->status == 403);
  auto listed = send(client, "GET", std::string(kAdmin) + "/sessions",
                     cookie_headers(sessions[0], sessions[0].csrf));
  std::string olivia_session;
  const json all_sessions = parse(listed->body);
  for (const json& row : all_sessions["sessions"])
    if (row["user"] == "olivia") olivia_session = row["id"].get<std::string>();
  REQUIRE(!olivia_session.empty());
  auto own =
      send(client, "GET", std::string(kAdmin) + "/sessions", cookie_headers(rita, rita.csrf));
  const json own_sessions = parse(own->body);
  CHECK(own_sessions["sessions"].size() == 1);
  for (const json& row : own_sessions["sessions"]) CHECK(row["user"] == "rita");
  auto ended = send(client, "DELETE", std::string(kAdmin) + "/sessions/" + olivia_session,
                    cookie_headers(rita, rita.csrf));
  CHECK(ended->status == 404);
  CHECK(code_of(ended) == "not_found");
  CHECK(stored_state(staff.server.app()) == after_matrix);
  auto still = send(client, "GET", std::string(kAdmin) + "/session",
                    cookie_headers(sessions[0], sessions[0].csrf));
  CHECK(still->status == 200);

  // Logout last: any role may end its own session.
  for (const StaffSession& s : sessions) {
    auto out = send(client, "POST", std::string(kAdmin) + "/logout", cookie_headers(s, s.csrf));
    CHECK(out->status == 204);
    auto gone = send(client, "GET", std::string(kAdmin) + "/session", cookie_headers(s, s.csrf));
    CHECK(gone->status == 401);
  }
}

namespace {

// Ids with path tricks, control bytes, invalid UTF-8, SQL and markup.
const std::vector<std::string>& hostile_ids() {
  static const std::vector<std::string> ids = {"..",
                                               "%2E%2E",
                                               "..%2F..%2Fetc%2Fpasswd",
                                               "a%2Fb",
                                               "%00",
                                               "a%00b",
                                               "%FF%FE",
                                               "%C0%AE%C0%AE",
                                               "%E2%80%AE",
                                               "%0A%0D",
                                               "%22%27",
                                               "%3Cscript%3E",
                                               "1%27%20OR%20%271%27=%271",
                                               "-1",
                                               "0",
                                               "1e9",
                                               "99999999999999999999999",
                                               std::string(300, 'a'),
                                               "%25",
                                               "%20",
                                               "bulk%00",
                                               "preview%00"};
  return ids;
}

// A value nested `depth` arrays deep.
std::string nested(int depth, const std::string& inner = "1") {
  return std::string(depth, '[') + inner + std::string(depth, ']');
}

// Members any admin route reads, each set to values of the wrong kind.
const std::vector<std::string>& members() {
  static const std::vector<std::string> names = {"name",
                                                 "role",
                                                 "password",
                                                 "current_password",
                                                 "text",
                                                 "body",
                                                 "locale",
                                                 "tags",
                                                 "review_id",
                                                 "template_id",
                                                 "follow_up_days",
                                                 "follow_up_at",
                                                 "outcome",
                                                 "note",
                                                 "reason",
                                                 "ids",
                                                 "action",
                                                 "value",
                                                 "read",
                                                 "starred",
                                                 "assignee",
                                                 "priority",
                                                 "advance_seconds",
                                                 "id",
                                                 "email",
                                                 "reviewer"};
  return names;
}

const std::vector<std::string>& wrong_values() {
  static const std::vector<std::string> values = {"null",
                                                  "true",
                                                  "-1",
                                                  "1e308",
                                                  "18446744073709551615",
                                                  "-9223372036854775809",
                                                  "[]",
                                                  "{}",
                                                  "\"\"",
                                                  "\"a\\u0000b\"",
                                                  "\"\\ud800\"",
                                                  "[\"x\",1,null]",
                                                  nested(3000),
                                                  "{\"a\":" + nested(2000) + "}"};
  return values;
}

}  // namespace

TEST_CASE("hostile ids and bodies on every admin route: 4xx JSON, never 500, nothing changed",
          "[access]") {
  Staff staff;
  auto& client = staff.client;
  const std::string review = staff.submit();
  const std::vector<Call> calls = admin_calls(staff.server);
  auto refused_changes_nothing = [&](const Call& call, const std::string& path,
                                     const std::string& body) {
    const std::string before = stored_state(staff.server.app());
    auto res = send(client, call.method, path, admin_headers(), body);
    REQUIRE(res);
    INFO(call.method << " " << path << " " << body.substr(0, 120) << " -> " << res->status << " "
                     << res->body.substr(0, 200));
    CHECK(res->status < 500);
    if (res->status >= 400) {
      check_json_error(res);
      CHECK(stored_state(staff.server.app()) == before);
    }
    return res->status;
  };

  for (const Call& call : calls) {
    if (call.need == Need::Public || call.path == "/api/v1/admin/logout") continue;
    // Hostile ids in the path.
    const auto& table = expected_routes();
    const auto spec = std::find_if(table.begin(), table.end(), [&](const Expected& e) {
      return e.method == call.method && std::regex_match(call.path, std::regex(e.pattern));
    });
    REQUIRE(spec != table.end());
    if (has_group(spec->pattern)) {
      for (const std::string& id : hostile_ids()) {
        const std::string path = path_for(spec->pattern, id);
        CHECK(refused_changes_nothing(call, path, "{}") >= 400);
      }
    }
    if (call.method == "GET") continue;
    // Bodies: not objects, too deep, wrong types for every member.
    const std::string path = path_for(spec->pattern, review);
    for (const std::string& body :
         {nested(20000), "{\"ids\":" + nested(15000) + ",\"action\":\"read\"}",
          "{\"tags\":" + nested(15000) + "}", std::string("{\"text\":\"a\0b\"}", 14),
          std::string("{\"text\":\"\xC0\xAE\"}"), std::string("{\"text\":\"\xED\xA0\x80\"}")}) {
      refused_changes_nothing(call, path, body);
    }
    // Each member with three of the wrong values, rotating (all of them on
    // every route would be thousands of requests for little more).
    const auto& values = wrong_values();
    for (std::size_t m = 0; m < members().size(); ++m) {
      for (std::size_t k = 0; k < 3; ++k) {
        const std::string& value = values[(m * 3 + k) % values.size()];
        refused_changes_nothing(call, path, "{\"" + members()[m] + "\":" + value + "}");
      }
    }
  }
  // A template body becomes a public reply: no NUL or bell in it.
  for (const char* body :
       {R"({"name":"n","body":"Hi\u0000 there"})", R"({"name":"n","body":"Hi\u0007 there"})"}) {
    const std::string before = stored_state(staff.server.app());
    auto res = send(client, "POST", std::string(kAdmin) + "/templates", admin_headers(), body);
    REQUIRE(res);
    INFO(body << " -> " << res->body);
    CHECK(res->status == 422);
    CHECK(stored_state(staff.server.app()) == before);
  }
  // Bulk: a nested id is reported as failed (not echoed back whole), nothing done.
  auto bulk = send(client, "POST", std::string(kAdmin) + "/inbox/bulk", admin_headers(),
                   "{\"ids\":[" + nested(15000) + "],\"action\":\"star\"}");
  REQUIRE(bulk);
  INFO(bulk->body.substr(0, 200));
  CHECK(bulk->status < 500);
}

TEST_CASE("naughty strings in every text member of the console routes", "[access]") {
  VOUCH_SHARED_DATA_OR_SKIP(naughty, "conformance/naughty_strings/blns.json");
  const json strings = json::parse(read_file(naughty), nullptr, false);
  REQUIRE(strings.is_array());
  REQUIRE(strings.size() > 100);
  Staff staff;
  auto& client = staff.client;
  const std::string review = staff.submit();
  const std::string item = std::string(kAdmin) + "/inbox/" + review;
  // Routes that take text, with the members they read. (Users: a valid name
  // would be hashed with argon2 for each string: auth_test covers names.)
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"POST", item + "/notes"},
      {"POST", item + "/messages"},
      {"POST", item + "/no-reply"},
      {"POST", item + "/resolve"},
      {"POST", item + "/follow-up"},
      {"PATCH", item},
      {"POST", std::string(kAdmin) + "/inbox/bulk"},
      {"POST", std::string(kAdmin) + "/templates"},
      {"POST", std::string(kAdmin) + "/templates/preview"},
      {"POST", std::string(kAdmin) + "/replies/check"},
      {"POST", std::string(kAdmin) + "/reviews/" + review + "/reply"}};
  int refused = 0;
  for (const json& text : strings) {
    if (!text.is_string()) continue;
    const std::string s = text.get<std::string>();
    for (const auto& [method, path] : routes) {
      json body = {{"text", s},      {"reason", s}, {"follow_up_at", s}, {"note", s},
                   {"name", s},      {"body", s},   {"locale", s},       {"tags", {s}},
                   {"review_id", s}, {"ids", {s}},  {"value", s},        {"action", s}};
      if (path.find("follow-up") != std::string::npos) body["outcome"] = s;
      if (method == "PATCH") body = {{"assignee", s}};
      const std::string before = stored_state(staff.server.app());
      auto res = send(client, method, path, admin_headers(), body.dump());
      REQUIRE(res);
      INFO(method << " " << path << " " << text.dump() << " -> " << res->status << " "
                  << res->body.substr(0, 200));
      CHECK(res->status < 500);
      if (res->status >= 400) {
        ++refused;
        check_json_error(res);
        CHECK(stored_state(staff.server.app()) == before);
      }
    }
    // The outbox and webhook routes (issue 18): each text member on its own,
    // the others valid, so the string reaches that member's check.
    const std::string admin = kAdmin;
    const std::vector<std::pair<std::string, json>> issue18 = {
        {admin + "/outbox/test", {{"to", s}}},
        {admin + "/webhooks", {{"url", s}, {"events", {"review.created"}}}},
        // Loopback port 9 (discard): nothing listens, deliveries fail at once, offline.
        {admin + "/webhooks", {{"url", "http://127.0.0.1:9/n"}, {"events", {s}}}},
        {admin + "/webhooks",
         {{"url", "http://127.0.0.1:9/n"}, {"events", {"review.created"}}, {"description", s}}}};
    for (const auto& [path, body] : issue18) {
      const std::string before = stored_state(staff.server.app());
      auto res = send(client, "POST", path, admin_headers(), body.dump());
      REQUIRE(res);
      INFO("POST " << path << " " << text.dump() << " -> " << res->status << " "
                   << res->body.substr(0, 200));
      CHECK(res->status < 500);
      if (res->status >= 400) {
        ++refused;
        check_json_error(res);
        CHECK(stored_state(staff.server.app()) == before);
      }
    }
    // Query parameters too: the inbox and template searches.
    for (const char* query :
         {"/inbox?q=", "/inbox?assignee=", "/inbox?tag=", "/templates?q=", "/templates?review=",
          "/metrics?days=", "/analytics?product=", "/outbox?state=", "/outbox?before=",
          "/webhooks/deliveries?endpoint="}) {
      auto list =
          client.Get((std::string(kAdmin) + query + percent_encoded(s)).c_str(), admin_headers());
      REQUIRE(list);
      INFO(query << text.dump() << " -> " << list->status << " " << list->body.substr(0, 200));
      CHECK(list->status < 500);
      if (list->status >= 400) check_json_error(list);
    }
  }
  CHECK(refused > 0);
}
