// A question as an inbox item (issue 17, console side) over real HTTP: the
// review items' corrections (PATCH), the no-reply clock stop and the bulk
// actions work on question items through the same use cases, with the same
// status codes and audit rows; bad ids and hostile bodies change nothing.

#include <catch2/catch.hpp>

#include "http_util.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

std::string ask_question(httplib::Client& client, const std::string& product,
                         const std::string& text) {
  const json body = {{"text", text}, {"author", "Lena"}, {"consent", true}, {"elapsed_ms", 9000}};
  auto res = client.Post(("/api/v1/products/" + product + "/questions").c_str(), json_headers(),
                         body.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  return parse(res->body)["id"].get<std::string>();
}

json send_raw(httplib::Client& client, const std::string& method, const std::string& path,
              const std::string& body, int expected) {
  httplib::Result res =
      method == "PATCH"    ? client.Patch(path.c_str(), admin_headers(), body, "application/json")
      : method == "DELETE" ? client.Delete(path.c_str(), admin_headers())
      : method == "GET"    ? client.Get(path.c_str(), admin_headers())
                           : client.Post(path.c_str(), admin_headers(), body, "application/json");
  REQUIRE(res);
  INFO(method << " " << path << " " << body << " -> " << res->body);
  REQUIRE(res->status == expected);
  return parse(res->body);
}

json send(httplib::Client& client, const std::string& method, const std::string& path,
          const json& body, int expected = 200) {
  return send_raw(client, method, path, body.dump(), expected);
}

json list_item(httplib::Client& client, const std::string& id) {
  const json list = send(client, "GET", "/api/v1/admin/inbox?limit=200", json(), 200);
  for (const json& i : list["items"])
    if (i["id"] == id) return i;
  FAIL("no inbox item " << id);
  return json();
}

// action -> detail of the item's audit rows, oldest first.
std::vector<std::pair<std::string, std::string>> audit_rows(vouch::server::App& app,
                                                            const std::string& id) {
  vouch::server::Statement s(app.db->handle(),
                             "SELECT action, detail FROM audit_log WHERE review_id = ?1 "
                             "ORDER BY id");
  s.bind(1, id);
  std::vector<std::pair<std::string, std::string>> rows;
  while (s.step()) rows.emplace_back(s.text(0), s.text(1));
  return rows;
}

bool audited(vouch::server::App& app, const std::string& id, const std::string& action) {
  for (const auto& [a, detail] : audit_rows(app, id))
    if (a == action) return true;
  return false;
}

}  // namespace

TEST_CASE("question items: PATCH read, star, assign, tags, priority, audited",
          "[inbox][questions]") {
  TestServer server;
  auto client = server.client();
  const std::string id =
      ask_question(client, "sku-q", "Is the lining of this coat removable for spring?");
  const std::string path = "/api/v1/admin/inbox/" + id;

  const json patched = send(client, "PATCH", path,
                            {{"read", true},
                             {"starred", true},
                             {"assignee", "bob"},
                             {"tags", {"service", "packaging"}},
                             {"priority", "urgent"}})["item"];
  CHECK(patched["id"] == id);
  CHECK(patched["kind"] == "question");
  CHECK(patched["state"] == "open");
  CHECK(patched["starred"] == true);
  CHECK(patched["assignee"] == "bob");
  CHECK(patched["tags"] == json::array({"packaging", "service"}));
  CHECK(patched["priority"] == "urgent");
  CHECK(list_item(client, id)["assignee"] == "bob");
  CHECK(send(client, "GET", "/api/v1/admin/inbox?kind=question&assignee=bob", json(),
             200)["total"] == 1);
  CHECK(send(client, "GET", "/api/v1/admin/inbox?tag=packaging", json(), 200)["total"] == 1);

  const auto rows = audit_rows(server.app(), id);
  std::vector<std::string> actions;
  for (const auto& [action, detail] : rows) actions.push_back(action);
  CHECK(actions == std::vector<std::string>{"read", "star", "assign", "tags", "priority"});
  CHECK(rows[2].second == " -> bob");
  CHECK(rows[4].second == "normal -> urgent");
  // The same rows in the item's history.
  const json detail = send(client, "GET", path, json(), 200);
  std::size_t in_history = 0;
  for (const json& h : detail["history"]) in_history += h["kind"] == "audit" ? 1 : 0;
  CHECK(in_history == 5);

  // Back to unread, unstarred, unassigned.
  const json undone =
      send(client, "PATCH", path, {{"read", false}, {"starred", false}, {"assignee", ""}})["item"];
  CHECK(undone["state"] == "unread");
  CHECK(undone["starred"] == false);
  CHECK(undone["assignee"] == "");
}

TEST_CASE("question items: bad ids and hostile PATCH bodies change nothing", "[inbox][questions]") {
  TestServer server;
  auto client = server.client();
  const std::string id =
      ask_question(client, "sku-q", "Can the strap be shortened by a few centimetres?");
  const std::string path = "/api/v1/admin/inbox/" + id;

  // An unknown id of either kind: 404; a malformed one: 400.
  CHECK(send(client, "PATCH", "/api/v1/admin/inbox/q000000000000000000000000",
             json{{"starred", true}}, 404)["error"]["code"] == "not_found");
  CHECK(send(client, "POST", "/api/v1/admin/inbox/q000000000000000000000000/no-reply",
             json{{"reason", "asked twice"}}, 404)["error"]["code"] == "not_found");
  CHECK(send(client, "PATCH", "/api/v1/admin/inbox/q%3Cscript%3E", json{{"starred", true}},
             400)["error"]["code"] == "invalid_id");

  const std::vector<std::string> hostile = {
      R"({"starred": "yes"})",
      R"({"read": 1})",
      R"({"assignee": ["bob"]})",
      R"({"assignee": "<img src=x onerror=alert(1)>"})",
      R"({"tags": "service"})",
      R"({"tags": ["service", {"$ne": 1}]})",
      R"({"tags": ["'; DROP TABLE inbox_items; --"]})",
      R"({"priority": 3})",
      R"({"priority": "URGENT\u0000"})",
      R"({"state": "resolved"})",
      R"({"__proto__": {"starred": true}})",
      R"([1, 2, 3])",
      R"({"starred": true)",
      "\xff\xfe{}",
  };
  for (const std::string& body : hostile) {
    const json error = send_raw(client, "PATCH", path, body,
                                body.find("assignee\": \"<") != std::string::npos ? 422 : 400);
    CHECK(error["error"]["code"].is_string());
    CHECK(error["error"]["message"].is_string());
  }
  // A good member beside a bad one: nothing written either.
  send_raw(client, "PATCH", path, R"({"starred": true, "priority": "soon"})", 400);
  const json after = list_item(client, id);
  CHECK(after["starred"] == false);
  CHECK(after["priority"] == "normal");
  CHECK(after["state"] == "unread");
  CHECK(audit_rows(server.app(), id).empty());
}

TEST_CASE("question items: no reply needed stops the clock, DELETE restarts it",
          "[inbox][questions]") {
  TestServer server;
  std::int64_t now = 1'780'000'000;
  server.app().now = [&now] { return now; };
  auto client = server.client();
  const std::string id =
      ask_question(client, "sku-q", "Will this be back in stock in the blue colour?");
  const std::string path = "/api/v1/admin/inbox/" + id + "/no-reply";
  CHECK(list_item(client, id)["clock"]["state"] == "running");
  CHECK(send(client, "GET", "/api/v1/admin/inbox?view=needs_response", json(), 200)["total"] == 1);

  CHECK(send(client, "POST", path, json{{"reason", ""}}, 400)["error"]["code"] ==
        "invalid_parameter");
  CHECK(send(client, "POST", path, json{{"reason", std::string(501, 'x')}}, 400)["error"]["code"] ==
        "invalid_parameter");
  CHECK(send(client, "POST", path, json{{"reason", 7}}, 400)["error"]["code"] ==
        "invalid_parameter");
  CHECK(audit_rows(server.app(), id).empty());

  const json stopped =
      send(client, "POST", path, json{{"reason", "answered by phone <b>today</b>"}})["item"];
  CHECK(stopped["kind"] == "question");
  CHECK(stopped["clock"]["state"] == "stopped");
  CHECK(stopped["no_reply"]["reason"] == "answered by phone <b>today</b>");
  CHECK(stopped["overdue"] == false);
  CHECK(send(client, "GET", "/api/v1/admin/inbox?view=needs_response", json(), 200)["total"] == 0);
  now += 30 * 3600;
  CHECK(send(client, "GET", "/api/v1/admin/inbox?view=overdue", json(), 200)["total"] == 0);

  const json restarted = send(client, "DELETE", path, json())["item"];
  CHECK(restarted["no_reply"].is_null());
  CHECK(restarted["clock"]["state"] == "overdue");
  CHECK(restarted["overdue"] == true);
  CHECK(send(client, "GET", "/api/v1/admin/inbox?view=overdue", json(), 200)["total"] == 1);

  const auto rows = audit_rows(server.app(), id);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].first == "no_reply");
  CHECK(rows[1].first == "clock_restart");
}

TEST_CASE("question items: bulk actions on reviews and questions together", "[inbox][questions]") {
  TempDir scratch;
  auto config = test_config(scratch.path());
  config.moderation = vouch::server::ModerationMode::All;
  TestServer server(config);
  auto client = server.client();
  const std::string review =
      submit_review(client, "sku-1", 4, "Good value for the money, works well.");
  const std::string asked =
      ask_question(client, "sku-1", "Does it come with a spare set of buttons?");
  const std::string other =
      ask_question(client, "sku-1", "Is the colour closer to navy or to black?");
  const std::string bulk = "/api/v1/admin/inbox/bulk";

  const json starred =
      send(client, "POST", bulk,
           json{{"ids", {review, asked, "q000000000000000000000000", "q<>"}}, {"action", "star"}});
  CHECK(starred["done"] == 2);
  REQUIRE(starred["failed"].size() == 2);
  CHECK(starred["failed"][0]["error"] == "not_found");
  CHECK(starred["failed"][1]["error"] == "invalid_id");
  CHECK(send(client, "GET", "/api/v1/admin/inbox?view=starred", json(), 200)["total"] == 2);

  CHECK(send(client, "POST", bulk,
             json{{"ids", {asked, other}}, {"action", "tag"}, {"value", "suggestion"}})["done"] ==
        2);
  CHECK(send(client, "POST", bulk,
             json{{"ids", {other}}, {"action", "untag"}, {"value", "suggestion"}})["done"] == 1);
  CHECK(list_item(client, asked)["tags"] == json::array({"suggestion"}));
  CHECK(list_item(client, other)["tags"] == json::array());
  CHECK(send(client, "POST", bulk,
             json{{"ids", {asked, other}}, {"action", "assign"}, {"value", "bob"}})["done"] == 2);
  CHECK(send(client, "POST", bulk, json{{"ids", {asked, other}}, {"action", "read"}})["done"] == 2);
  CHECK(list_item(client, other)["state"] == "open");

  // Moderation in bulk: a question item is moderated as a question.
  CHECK(send(client, "POST", bulk, json{{"ids", {review, asked}}, {"action", "approve"}})["done"] ==
        2);
  CHECK(list_item(client, asked)["status"] == "published");
  CHECK(list_item(client, review)["status"] == "published");
  CHECK(send(client, "POST", bulk,
             json{{"ids", {other}}, {"action", "reject"}, {"value", "<script>"}},
             400)["error"]["code"] == "invalid_parameter");
  CHECK(list_item(client, other)["status"] == "pending");
  CHECK(send(client, "POST", bulk,
             json{{"ids", {other}}, {"action", "reject"}, {"value", "off_topic"}})["done"] == 1);
  const json rejected = list_item(client, other);
  CHECK(rejected["status"] == "rejected");
  CHECK(rejected["moderation_reason"] == "off_topic");
  CHECK(send(client, "GET", "/api/v1/admin/inbox?view=needs_response&kind=question", json(),
             200)["total"] == 1);

  for (const char* action : {"star", "tags", "assign", "read", "approve"})
    CHECK(audited(server.app(), asked, action));
  CHECK(audited(server.app(), other, "reject"));

  // Hostile bulk bodies: 400, nothing done.
  for (const std::string& body :
       {std::string(R"({"ids": "q1", "action": "star"})"),
        std::string(R"({"ids": [], "action": "star"})"),
        std::string(R"({"ids": [")" + asked + R"("], "action": "hide"})"),
        std::string(R"({"ids": [")" + asked + R"("], "action": "tag", "value": ["x"]})"),
        std::string(R"({"ids": [")" + asked + R"("], "action": "assign", "value": 5})")})
    send_raw(client, "POST", bulk, body, 400);
}
