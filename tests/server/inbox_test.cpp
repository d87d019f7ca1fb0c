// The console inbox (issue 15): triage and due time stored at submit, import
// and start-up, the inbox query with its filters and counts, item actions,
// bulk actions, the reply hook, and the shopper's topic chips from the tags.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "app.hpp"
#include "http_util.hpp"
#include "migrations.hpp"
#include "review_store.hpp"
#include "server.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"
#include "vouch/snapshot.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

std::string encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == ',') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// A server on a database path of the test's choosing, so a test can stop it
// and start it again on the same file (the start-up backfill and re-triage).
class Served {
 public:
  Served(vouch::server::Config config, const std::string& db_path) {
    auto app = vouch::server::make_app(config, db_path);
    INFO((app ? "" : app.error().to_string()));
    REQUIRE(app.ok());
    app_ = std::move(app.value());
    http_ = std::make_unique<vouch::server::HttpServer>(*app_, false);
    auto bound = http_->bind("127.0.0.1", 0);
    REQUIRE(bound.ok());
    port_ = bound.value();
    thread_ = std::thread([this] { http_->listen(); });
    while (!http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~Served() {
    http_->stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }
  vouch::server::App& app() { return *app_; }

 private:
  std::unique_ptr<vouch::server::App> app_;
  std::unique_ptr<vouch::server::HttpServer> http_;
  std::thread thread_;
  int port_ = 0;
};

json get(httplib::Client& client, const std::string& path, int expected = 200) {
  auto res = client.Get(path.c_str(), admin_headers());
  REQUIRE(res);
  INFO(path << " -> " << res->body);
  REQUIRE(res->status == expected);
  return parse(res->body);
}

json send(httplib::Client& client, const std::string& method, const std::string& path,
          const json& body, int expected = 200) {
  httplib::Result res =
      method == "PATCH"
          ? client.Patch(path.c_str(), admin_headers(), body.dump(), "application/json")
      : method == "DELETE"
          ? client.Delete(path.c_str(), admin_headers())
          : client.Post(path.c_str(), admin_headers(), body.dump(), "application/json");
  REQUIRE(res);
  INFO(method << " " << path << " -> " << res->body);
  REQUIRE(res->status == expected);
  return parse(res->body);
}

json item(httplib::Client& client, const std::string& id) {
  const json list = get(client, "/api/v1/admin/inbox?limit=200");
  for (const json& i : list["items"])
    if (i["id"] == id) return i;
  FAIL("no inbox item " << id);
  return json();
}

std::vector<std::string> ids_of(const json& list) {
  std::vector<std::string> ids;
  for (const json& i : list["items"]) ids.push_back(i["id"].get<std::string>());
  return ids;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("inbox: triage and due time are stored at submit", "[inbox]") {
  TestServer server;
  server.app().now = [] { return kT0; };
  auto client = server.client();
  // "late" tags logistics; the core's problem terms ("damag*") make a 1-star high.
  const std::string late = submit_review(
      client, "sku-1", 1, "The parcel arrived two weeks late and the box was damaged.");
  const std::string happy =
      submit_review(client, "sku-1", 5, "Lovely colour, exactly as described.");
  const std::string simplified = submit_review(
      client, "sku-2", 2, "质量很差，用了两天就不能用了，非常失望。", R"("language":"zh-CN")");
  const std::string traditional = submit_review(
      client, "sku-2", 2, "質量很差，用了兩天就不能用了，非常失望。", R"("language":"zh-TW")");

  const json a = item(client, late);
  CHECK(has(a["tags"].get<std::vector<std::string>>(), "logistics"));
  CHECK(a["priority"] == "high");
  CHECK(a["due_at"] == vouch::format_utc(kT0 + 24 * 3600));
  CHECK(a["clock"]["state"] == "running");
  CHECK(a["clock"]["target_hours"] == 24);
  CHECK(a["state"] == "unread");
  CHECK(a["spam_risk"] == "none");
  CHECK(a["tags_corrected"] == false);
  const json b = item(client, happy);
  CHECK(b["priority"] == "low");
  CHECK(b["due_at"] == vouch::format_utc(kT0 + 72 * 3600));
  CHECK(has(item(client, simplified)["tags"].get<std::vector<std::string>>(), "quality"));
  CHECK(has(item(client, traditional)["tags"].get<std::vector<std::string>>(), "quality"));

  // Detail: evidence recomputed, history, and opening marks it read.
  const json detail = get(client, "/api/v1/admin/inbox/" + late);
  CHECK(detail["item"]["state"] == "open");
  bool logistics_evidence = false;
  for (const json& e : detail["evidence"]) logistics_evidence |= e["rule"] == "logistics";
  CHECK(logistics_evidence);
  REQUIRE(!detail["history"].empty());
  CHECK(detail["history"].back()["action"] == "read");
  CHECK(get(client, "/api/v1/admin/inbox/nope", 404)["error"]["code"] == "not_found");
}

TEST_CASE("inbox: filters, combinations, counts and sort order", "[inbox]") {
  TestServer server;
  std::int64_t now = kT0;
  server.app().now = [&now] { return now; };
  auto client = server.client();
  const std::string late =
      submit_review(client, "sku-1", 1, "The parcel arrived two weeks late and damaged.");
  now += 60;
  const std::string broken =
      submit_review(client, "sku-1", 2, "The zipper broke after one day, poor quality.");
  now += 60;
  const std::string fine = submit_review(client, "sku-2", 5, "Great fit and a lovely soft fabric.");
  now += 60;
  const std::string meh =
      submit_review(client, "sku-2", 3, "It is fine. The colour is a bit darker.");
  const std::string all_path = "/api/v1/admin/inbox";

  const json everything = get(client, all_path);
  CHECK(everything["total"] == 4);
  CHECK(everything["limit"] == 50);
  CHECK(everything["offset"] == 0);
  CHECK(everything["now"] == vouch::format_utc(now));
  // Default sort: due first (the two negatives: 24 h), then priority, newest.
  const std::vector<std::string> urgent = ids_of(everything);
  REQUIRE(urgent.size() == 4);
  CHECK(urgent[0] == late);
  CHECK(urgent[1] == broken);
  CHECK(ids_of(get(client, all_path + "?sort=newest")) ==
        std::vector<std::string>{meh, fine, broken, late});
  CHECK(ids_of(get(client, all_path + "?sort=oldest")) ==
        std::vector<std::string>{late, broken, fine, meh});

  CHECK(ids_of(get(client, all_path + "?rating=1,2&sort=oldest")) ==
        std::vector<std::string>{late, broken});
  CHECK(ids_of(get(client, all_path + "?rating=5")) == std::vector<std::string>{fine});
  CHECK(ids_of(get(client, all_path + "?tag=logistics")) == std::vector<std::string>{late});
  CHECK(ids_of(get(client, all_path + "?tag=quality&priority=high")) ==
        std::vector<std::string>{broken});
  CHECK(ids_of(get(client, all_path + "?product=sku-2&sort=oldest")) ==
        std::vector<std::string>{fine, meh});
  CHECK(ids_of(get(client, all_path + "?q=ZIPPER")) == std::vector<std::string>{broken});
  CHECK(ids_of(get(client, all_path + "?q=" + encode("soft fábric"))) ==
        std::vector<std::string>{fine});
  CHECK(ids_of(get(client, all_path + "?q=soft%20zipper")).empty());  // every word must occur
  CHECK(ids_of(get(client, all_path + "?status=published&product=sku-1&sort=oldest")) ==
        std::vector<std::string>{late, broken});
  CHECK(ids_of(get(client, all_path + "?state=unread")).size() == 4);
  CHECK(ids_of(get(client, all_path + "?view=needs_response&tag=quality&q=zipper")) ==
        std::vector<std::string>{broken});
  CHECK(ids_of(get(client, all_path + "?from=2026-05-28&to=2026-05-28")).size() == 4);
  CHECK(ids_of(get(client, all_path + "?to=2026-05-27")).empty());
  CHECK(ids_of(get(client, all_path + "?from=2026-05-29")).empty());
  const json page = get(client, all_path + "?sort=oldest&limit=2&offset=1");
  CHECK(ids_of(page) == std::vector<std::string>{broken, fine});
  CHECK(page["total"] == 4);
  const json past = get(client, all_path + "?offset=10");
  CHECK(past["items"].empty());
  CHECK(past["total"] == 4);

  // Star, assign, then the views and counts follow.
  send(client, "PATCH", all_path + "/" + fine, {{"starred", true}, {"assignee", "alice"}});
  send(client, "PATCH", all_path + "/" + meh, {{"read", true}});
  CHECK(ids_of(get(client, all_path + "?view=starred")) == std::vector<std::string>{fine});
  CHECK(ids_of(get(client, all_path + "?assignee=me")) == std::vector<std::string>{fine});
  CHECK(ids_of(get(client, all_path + "?assignee=alice")) == std::vector<std::string>{fine});
  CHECK(ids_of(get(client, all_path + "?assignee=none")).size() == 3);
  CHECK(ids_of(get(client, all_path + "?view=unread")).size() == 3);
  CHECK(ids_of(get(client, all_path + "?state=open")) == std::vector<std::string>{meh});

  const json counts = get(client, all_path + "?rating=5")["counts"];  // not narrowed by filters
  CHECK(counts["all"] == 4);
  CHECK(counts["needs_response"] == 4);
  CHECK(counts["overdue"] == 0);
  CHECK(counts["unread"] == 3);
  CHECK(counts["starred"] == 1);
  CHECK(counts["assigned_to_me"] == 1);
  CHECK(counts["unassigned"] == 3);
  CHECK(counts["follow_up_due"] == 0);
  CHECK(counts["by_tag"]["logistics"] == 1);
  CHECK(counts["by_priority"]["high"] == 2);
  CHECK(counts["by_priority"]["urgent"] == 0);
  CHECK(counts["by_rating"]["5"] == 1);
  CHECK(counts["by_rating"]["4"] == 0);
  CHECK(counts["by_status"]["published"] == 4);
  CHECK(counts["by_assignee"]["alice"] == 1);

  // The clock: after 25 hours both negatives are overdue, the others are not.
  now += 25 * 3600;
  const json overdue = get(client, all_path + "?view=overdue&sort=oldest");
  CHECK(ids_of(overdue) == std::vector<std::string>{late, broken});
  CHECK(overdue["items"][0]["overdue"] == true);
  CHECK(overdue["items"][0]["clock"]["state"] == "overdue");
  CHECK(overdue["counts"]["overdue"] == 2);
  // due_today: due before the end of the local (UTC) day, overdue included.
  CHECK(ids_of(get(client, all_path + "?view=due_today")).size() == 2);
  now += 2 * 86400;
  CHECK(ids_of(get(client, all_path + "?view=due_today")).size() == 4);
}

TEST_CASE("inbox: a reply answers the item, no-reply stops the clock", "[inbox]") {
  TestServer server;
  std::int64_t now = kT0;
  server.app().now = [&now] { return now; };
  auto client = server.client();
  const std::string id =
      submit_review(client, "sku-1", 1, "The parcel arrived two weeks late and damaged.");
  const std::string other =
      submit_review(client, "sku-1", 2, "It broke on the first day, poor quality.");
  now += 3600;
  send(client, "POST", "/api/v1/admin/reviews/" + id + "/reply",
       {{"text", "We are sorry, a new one is on its way."}});
  const json answered = item(client, id);
  CHECK(answered["state"] == "replied");
  CHECK(answered["clock"]["state"] == "answered_in_time");
  CHECK(answered["reply"]["by"] == "alice");
  CHECK(answered["due_at"] == vouch::format_utc(kT0 + 24 * 3600));  // kept for the figure
  CHECK(ids_of(get(client, "/api/v1/admin/inbox?view=needs_response")) ==
        std::vector<std::string>{other});
  // A second reply (an edit) keeps the first reply's time and author.
  now += 3600;
  send(client, "POST", "/api/v1/admin/reviews/" + id + "/reply", {{"text", "Edited reply."}}, 200);
  const json detail = get(client, "/api/v1/admin/inbox/" + id);
  std::size_t replies = 0;
  for (const json& h : detail["history"]) replies += h["kind"] == "reply" ? 1 : 0;
  CHECK(replies == 2);
  {
    vouch::server::Statement first(server.app().db->handle(),
                                   "SELECT first_reply_at, first_reply_by FROM inbox_items "
                                   "WHERE review_id = ?1");
    first.bind(1, id);
    REQUIRE(first.step());
    CHECK(first.integer(0) == kT0 + 3600);
    CHECK(first.text(1) == "alice");
  }

  // No reply needed: out of needs_response, clock stopped; DELETE restarts it.
  CHECK(send(client, "POST", "/api/v1/admin/inbox/" + other + "/no-reply", {{"reason", ""}},
             400)["error"]["message"]
            .get<std::string>()
            .find("reason") == 0);
  const json stopped = send(client, "POST", "/api/v1/admin/inbox/" + other + "/no-reply",
                            {{"reason", "duplicate of an e-mail thread"}})["item"];
  CHECK(stopped["clock"]["state"] == "stopped");
  CHECK(stopped["no_reply"]["reason"] == "duplicate of an e-mail thread");
  CHECK(get(client, "/api/v1/admin/inbox?view=needs_response")["total"] == 0);
  now += 30 * 3600;
  CHECK(get(client, "/api/v1/admin/inbox?view=overdue")["total"] == 0);
  const json restarted =
      send(client, "DELETE", "/api/v1/admin/inbox/" + other + "/no-reply", json())["item"];
  CHECK(restarted["no_reply"].is_null());
  CHECK(restarted["clock"]["state"] == "overdue");
  CHECK(get(client, "/api/v1/admin/inbox?view=overdue")["total"] == 1);

  // Rejected or hidden reviews leave needs_response.
  send(client, "POST", "/api/v1/admin/reviews/" + other + "/hide", {{"reason", "spam"}});
  CHECK(get(client, "/api/v1/admin/inbox?view=needs_response")["total"] == 0);
  std::size_t audited = 0;
  const json hidden = get(client, "/api/v1/admin/inbox/" + other);
  for (const json& h : hidden["history"])
    audited +=
        h["kind"] == "audit" && (h["action"] == "no_reply" || h["action"] == "clock_restart");
  CHECK(audited == 2);
}

TEST_CASE("inbox: tags feed the shopper's topic chips; staff corrections too", "[inbox]") {
  TestServer server;
  auto client = server.client();
  const std::string id =
      submit_review(client, "sku-9", 2, "The parcel arrived two weeks late and damaged.");
  auto snapshot = [&] {
    auto res = client.Get("/api/v1/products/sku-9/snapshot");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return parse(res->body);
  };
  auto fragment = [&] {
    auto res = client.Get("/api/v1/products/sku-9/fragment");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return res->body;
  };
  REQUIRE(snapshot()["reviews"].size() == 1);
  CHECK(snapshot()["reviews"][0]["topics"] == json::array({"Shipping & delivery"}));
  CHECK(fragment().find("data-value=\"Shipping &amp; delivery\"") != std::string::npos);

  // A staff correction replaces the tags, marks them, and the chip follows at once.
  const json corrected = send(client, "PATCH", "/api/v1/admin/inbox/" + id,
                              {{"tags", {"service", "packaging"}}, {"priority", "urgent"}})["item"];
  CHECK(corrected["tags_corrected"] == true);
  CHECK(corrected["priority"] == "urgent");
  CHECK(corrected["priority_corrected"] == true);
  CHECK(snapshot()["reviews"][0]["topics"] == json::array({"After-sales & service", "Packaging"}));
  CHECK(fragment().find("data-value=\"Shipping &amp; delivery\"") == std::string::npos);
  CHECK(send(client, "PATCH", "/api/v1/admin/inbox/" + id, {{"tags", {"no-such-tag"}}},
             400)["error"]["code"] == "invalid_parameter");
  CHECK(send(client, "PATCH", "/api/v1/admin/inbox/" + id, {{"assignee", "nobody-here"}},
             422)["error"]["code"] == "unknown_user");
  CHECK(send(client, "PATCH", "/api/v1/admin/inbox/" + id, {{"colour", "red"}},
             400)["error"]["message"]
            .get<std::string>()
            .find("colour") == 0);
}

TEST_CASE("inbox: bulk actions report bad ids and do the rest", "[inbox]") {
  TempDir scratch;
  auto config = test_config(scratch.path());
  config.moderation = vouch::server::ModerationMode::All;
  TestServer server(config);
  auto client = server.client();
  const std::string a = submit_review(client, "sku-1", 4, "Good value for the money, works well.");
  const std::string b =
      submit_review(client, "sku-1", 3, "Does the job. The box was a bit dented.");
  const json starred = send(client, "POST", "/api/v1/admin/inbox/bulk",
                            {{"ids", {a, "missing-id", b, 42}}, {"action", "star"}});
  CHECK(starred["done"] == 2);
  REQUIRE(starred["failed"].size() == 2);
  CHECK(starred["failed"][0] == json({{"id", "missing-id"}, {"error", "not_found"}}));
  CHECK(starred["failed"][1]["error"] == "invalid_id");
  CHECK(get(client, "/api/v1/admin/inbox?view=starred")["total"] == 2);
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk",
             {{"ids", {a, b}}, {"action", "tag"}, {"value", "suggestion"}})["done"] == 2);
  CHECK(get(client, "/api/v1/admin/inbox?tag=suggestion")["total"] == 2);
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk",
             {{"ids", {a}}, {"action", "untag"}, {"value", "suggestion"}})["done"] == 1);
  CHECK(get(client, "/api/v1/admin/inbox?tag=suggestion")["total"] == 1);
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk",
             {{"ids", {a, b}}, {"action", "assign"}, {"value", "bob"}})["done"] == 2);
  CHECK(get(client, "/api/v1/admin/inbox?assignee=bob")["total"] == 2);
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk",
             {{"ids", {a, b}}, {"action", "approve"}})["done"] == 2);
  CHECK(get(client, "/api/v1/admin/inbox?status=published")["total"] == 2);
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk",
             {{"ids", {b}}, {"action", "reject"}, {"value", "not-a-reason"}},
             400)["error"]["code"] == "invalid_parameter");
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk", {{"ids", {a}}, {"action", "explode"}},
             400)["error"]["message"]
            .get<std::string>()
            .find("action") == 0);
  json too_many = json::array();
  for (int i = 0; i < 501; ++i) too_many.push_back("id-" + std::to_string(i));
  CHECK(send(client, "POST", "/api/v1/admin/inbox/bulk", {{"ids", too_many}, {"action", "read"}},
             400)["error"]["message"]
            .get<std::string>()
            .find("ids") == 0);
}

TEST_CASE("inbox: hostile query parameters get a 400 naming the parameter", "[inbox]") {
  TestServer server;
  auto client = server.client();
  submit_review(client, "sku-1", 1, "The parcel arrived two weeks late and damaged.");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"rating=6", "rating"},
      {"rating=1,,2", "rating"},
      {"rating=1%3B%20DROP%20TABLE%20reviews", "rating"},
      {"view=everything", "view"},
      {"priority=HIGH", "priority"},
      {"tag=quality'%20OR%201=1--", "tag"},
      {"tag=unknown", "tag"},
      {"status=deleted", "status"},
      {"state=lost", "state"},
      {"from=2026-02-30", "from"},
      {"to=yesterday", "to"},
      {"from=2026-06-02&to=2026-06-01", "to"},
      {"limit=0", "limit"},
      {"limit=201", "limit"},
      {"limit=99999999999999999999999", "limit"},
      {"offset=-1", "offset"},
      {"sort=random", "sort"},
      {"assignee=a%20b", "assignee"},
      {"q=%00", "q"},
      {"q=%FF%FE", "q"},
      {"q=" + std::string(600, 'a'), "q"},
      {"view=all&view=starred", "view"},
      {"product=%22%3E%3Cscript%3E", "product"},
  };
  for (const auto& [query, name] : cases) {
    auto res = client.Get(("/api/v1/admin/inbox?" + query).c_str(), admin_headers());
    REQUIRE(res);
    INFO(query << " -> " << res->body);
    CHECK(res->status == 400);
    const json body = parse(res->body);
    CHECK(body["error"]["code"] == "invalid_parameter");
    CHECK(body["error"]["message"].get<std::string>().rfind(name + ":", 0) == 0);
  }
  // SQL-looking search text is just text: no match, no error.
  CHECK(get(client, "/api/v1/admin/inbox?q=" + encode("' OR 1=1 --"))["total"] == 0);
  CHECK(get(client, "/api/v1/admin/inbox?q=" + encode("%"))["total"] == 0);
  CHECK(get(client, "/api/v1/admin/inbox?q=parcel")["total"] == 1);

  const std::string naughty = shared_data("conformance/naughty_strings/blns.json");
  if (naughty.empty()) return;
  for (const json& s : parse(read_file(naughty))) {
    if (!s.is_string()) continue;
    for (const char* name : {"q", "tag", "assignee", "product", "rating", "from"}) {
      auto res = client.Get(
          ("/api/v1/admin/inbox?" + std::string(name) + "=" + encode(s.get<std::string>())).c_str(),
          admin_headers());
      REQUIRE(res);
      INFO(name << "=" << s.get<std::string>() << " -> " << res->body);
      CHECK((res->status == 200 || res->status == 400));
      if (res->status == 200) CHECK(parse(res->body)["total"].get<int>() <= 1);
    }
  }
}

TEST_CASE("inbox: business hours across a weekend in the store's zone", "[inbox]") {
  TempDir scratch;
  auto config = test_config(scratch.path());
  config.time_zone = "Europe/Berlin";
  config.clock_json = R"({"targets": {"negative_hours": 4},
    "business_hours": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]],
                       "wed": [["09:00", "17:00"]], "thu": [["09:00", "17:00"]],
                       "fri": [["09:00", "17:00"]]}})";
  TestServer server(config);
  // Friday 2026-12-04 16:00 in Berlin (CET, UTC+1) = 15:00 UTC.
  const std::int64_t friday = 1'796'396'400;
  REQUIRE(vouch::format_utc(friday) == "2026-12-04T15:00:00Z");
  server.app().now = [friday] { return friday; };
  auto client = server.client();
  const std::string id =
      submit_review(client, "sku-1", 1, "The parcel arrived two weeks late and damaged.");
  // One business hour on Friday, three on Monday: Monday 12:00 Berlin = 11:00 UTC.
  CHECK(item(client, id)["due_at"] == "2026-12-07T11:00:00Z");
  // A bad zone or clock config stops the start with the path.
  auto bad = test_config(scratch.path());
  bad.time_zone = "Mars/Olympus";
  auto refused = vouch::server::make_app(bad, scratch.path() + "/other.db");
  REQUIRE(!refused);
  CHECK(refused.error().to_string().rfind("time_zone", 0) == 0);
}

TEST_CASE("inbox: staff corrections survive re-triage after a config change", "[inbox]") {
  TempDir scratch;
  const std::string db = scratch.path() + "/vouch.db";
  auto config = test_config(scratch.path());
  std::string corrected, untouched;
  {
    Served server(config, db);
    auto client = server.client();
    corrected = submit_review(client, "sku-1", 1, "The parcel arrived two weeks late and damaged.");
    untouched = submit_review(client, "sku-1", 1,
                              "Ordered in May; this parcel showed up in June with a crushed box.");
    send(client, "PATCH", "/api/v1/admin/inbox/" + corrected,
         {{"tags", {"service"}}, {"priority", "low"}});
  }
  // The store renames its tags: every tag is "shipping" on the word "parcel".
  config.triage_json = R"({"tags": [{"id": "shipping", "label": "Shipping", "terms": ["parcel"]},
                                    {"id": "service", "label": "Help desk", "terms": ["rude"]}],
                           "problem_terms": [], "urgent_terms": [], "high_max_rating": 0})";
  config.clock_json = R"({"targets": {"negative_hours": 48}})";
  Served server(config, db);
  auto client = server.client();
  const json a = item(client, corrected);
  CHECK(a["tags"] == json::array({"service"}));
  CHECK(a["priority"] == "low");
  const json b = item(client, untouched);
  CHECK(b["tags"] == json::array({"shipping"}));
  CHECK(b["priority"] == "normal");
  // The clock config changed too: unanswered items are due again, by the new target.
  {
    vouch::server::Statement due(server.app().db->handle(),
                                 "SELECT arrived_at, due_at FROM inbox_items WHERE review_id = ?1");
    due.bind(1, untouched);
    REQUIRE(due.step());
    CHECK(due.integer(1) == due.integer(0) + 48 * 3600);
  }
  auto snapshot = client.Get("/api/v1/products/sku-1/snapshot");
  REQUIRE(snapshot);
  std::set<std::string> topics;
  const json shown = parse(snapshot->body);
  for (const json& r : shown["reviews"])
    for (const json& t : r["topics"]) topics.insert(t.get<std::string>());
  CHECK(topics == std::set<std::string>{"Help desk", "Shipping"});
}

TEST_CASE("inbox: a changed clock re-times unanswered question items at start-up",
          "[inbox][questions]") {
  TempDir scratch;
  const std::string db = scratch.path() + "/vouch.db";
  auto config = test_config(scratch.path());
  auto ask = [](httplib::Client& client, const std::string& text) {
    const json body = {{"text", text}, {"author", "Lena"}, {"consent", true}, {"elapsed_ms", 9000}};
    auto res = client.Post("/api/v1/products/sku-q/questions", body.dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
    return parse(res->body)["id"].get<std::string>();
  };
  std::string open_question, answered;
  {
    Served server(config, db);
    auto client = server.client();
    open_question = ask(client, "Is the lining of this coat removable for spring?");
    answered = ask(client, "Can the strap be shortened by a few centimetres?");
    send(client, "POST", "/api/v1/admin/questions/" + answered + "/answers",
         {{"text", "Yes, it has three holes."}}, 201);
  }
  auto due = [](Served& server, const std::string& id) {
    vouch::server::Statement row(
        server.app().db->handle(),
        "SELECT due_at - arrived_at FROM inbox_items WHERE review_id = ?1");
    row.bind(1, id);
    REQUIRE(row.step());
    return row.integer(0);
  };
  config.clock_json = R"({"targets": {"question_hours": 48}})";
  Served server(config, db);
  CHECK(due(server, open_question) == 48 * 3600);
  CHECK(due(server, answered) == 24 * 3600);  // answered against the old target: kept
  auto client = server.client();
  CHECK(item(client, open_question)["clock"]["target_hours"] == 48);
}

TEST_CASE("inbox: start-up backfills a database from before the console", "[inbox]") {
  TempDir scratch;
  const std::string db_path = scratch.path() + "/vouch.db";
  {
    auto db = vouch::server::Database::open(db_path);
    REQUIRE(db);
    REQUIRE(vouch::server::migrate(*db.value(), 3));
    for (int i = 0; i < 2500; ++i) {
      vouch::server::StoredReview stored;
      vouch::Review& r = stored.review;
      r.id = "old-" + std::to_string(i);
      r.product_id = "sku-old";
      r.rating = i % 2 == 0 ? 1 : 5;
      r.title = "Old review";
      r.body =
          i % 2 == 0 ? "The parcel arrived two weeks late and damaged." : "Lovely, works well.";
      r.author = "Ann";
      r.created = kT0 + i;
      r.updated = r.created;
      stored.status = "published";
      if (i == 3) {
        r.reply.text = "Thanks!";
        r.reply.time = kT0 + 100;
      }
      INFO(i);
      REQUIRE(vouch::server::insert_review(*db.value(), stored));
    }
  }
  Served server(test_config(scratch.path()), db_path);
  auto client = server.client();
  const json all = get(client, "/api/v1/admin/inbox?limit=1");
  CHECK(all["counts"]["all"] == 2500);
  CHECK(all["counts"]["by_tag"]["logistics"] == 1250);
  CHECK(all["counts"]["needs_response"] == 2499);  // old-3 had a reply
  const json old = get(client, "/api/v1/admin/inbox/old-0")["item"];
  CHECK(old["due_at"] == vouch::format_utc(kT0 + 24 * 3600));
  CHECK(old["priority"] == "high");
  CHECK(get(client, "/api/v1/admin/inbox/old-3")["item"]["clock"]["state"] == "answered_in_time");
}

TEST_CASE("inbox: anonymising a reviewer removes the name from the inbox search", "[inbox]") {
  TestServer server;
  auto client = server.client();
  submit_review(client, "sku-1", 4, "Good value for the money, works well.");
  CHECK(get(client, "/api/v1/admin/inbox?q=mia")["total"] == 1);
  send(client, "POST", "/api/v1/admin/reviewers/erase",
       {{"email", "mia@example.com"}, {"mode", "anonymise"}});
  CHECK(get(client, "/api/v1/admin/inbox?q=mia")["total"] == 0);
  CHECK(get(client, "/api/v1/admin/inbox?q=anonymous")["total"] == 1);
}

TEST_CASE("inbox: triage, response_clock and time_zone in vouch.json", "[inbox]") {
  TempDir scratch;
  auto parsed = vouch::server::parse_config(
      R"({"triage": {"high_max_rating": 1}, "response_clock": {"targets": {"other_hours": 48}},
          "time_zone": "Europe/Berlin"})",
      scratch.path());
  REQUIRE(parsed);
  CHECK(parsed.value().time_zone == "Europe/Berlin");
  CHECK(parsed.value().triage_json.find("high_max_rating") != std::string::npos);
  CHECK(parsed.value().clock_json.find("other_hours") != std::string::npos);
  for (const char* bad : {R"({"time_zone": 5})", R"({"time_zone": ""})", R"({"triage": []})",
                          R"({"response_clock": "24h"})"}) {
    auto refused = vouch::server::parse_config(bad, scratch.path());
    INFO(bad);
    REQUIRE(!refused);
  }
  // The core's parsers run at start-up; their errors carry the path.
  auto config = test_config(scratch.path());
  config.triage_json = R"({"tags": [{"id": "Bad Id", "label": "x", "terms": ["a"]}]})";
  auto app = vouch::server::make_app(config, scratch.path() + "/a.db");
  REQUIRE(!app);
  CHECK(app.error().to_string().rfind("triage", 0) == 0);
  config = test_config(scratch.path());
  config.clock_json = R"({"business_hours": {"mon": [["17:00", "09:00"]]}})";
  auto clocked = vouch::server::make_app(config, scratch.path() + "/b.db");
  REQUIRE(!clocked);
  CHECK(clocked.error().to_string().rfind("response_clock", 0) == 0);
}
