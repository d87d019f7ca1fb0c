// Console API of issue 15 items 5-7 against the real in-process server:
// reply templates, previews and the reply check, notes, private messages and
// history, resolve / follow-up / reopen, metrics, hostile input, and the
// --test-clock flag of the built binary. App::now is a fake clock here.
//
// FIXTURE NOTE: the first-reply columns (first_reply_at/by, due_at) and the
// item's triage tags (inbox_tags) are written by h2's reply hook and triage;
// until they merge, the metrics and suggestion tests set those columns with
// SQL, exactly as those writers will.

#include <atomic>
#include <catch2/catch.hpp>
#include <cctype>
#include <set>

#include "db.hpp"
#include "http_util.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"
#include "vouch/snapshot.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

constexpr std::int64_t kClockStart = 1800000000;  // 2027-01-15T08:00:00Z

// A server whose App::now is `clock`.
struct Console {
  TestServer server;
  std::shared_ptr<std::atomic<std::int64_t>> clock =
      std::make_shared<std::atomic<std::int64_t>>(kClockStart);
  httplib::Client client = server.client();
  Console() {
    auto c = clock;
    server.app().now = [c] { return c->load(); };
  }
  void set(std::int64_t t) { clock->store(t); }

  json request(const std::string& method, const std::string& path, const json& body, int expected,
               const char* token = kAdminToken) {
    const std::string text = body.is_null() ? std::string() : body.dump();
    httplib::Result res =
        method == "GET"   ? client.Get(path.c_str(), admin_headers(token))
        : method == "PUT" ? client.Put(path.c_str(), admin_headers(token), text, "application/json")
        : method == "DELETE"
            ? client.Delete(path.c_str(), admin_headers(token))
            : client.Post(path.c_str(), admin_headers(token), text, "application/json");
    REQUIRE(res);
    INFO(method << " " << path << " -> " << res->body);
    REQUIRE(res->status == expected);
    return parse(res->body);
  }
  json get(const std::string& path, int expected = 200) {
    return request("GET", path, nullptr, expected);
  }
  json post(const std::string& path, const json& body, int expected = 200,
            const char* token = kAdminToken) {
    return request("POST", path, body, expected, token);
  }

  // Submits a review; returns its id.
  std::string submit(const std::string& product, int rating,
                     const json& overrides = json::object()) {
    json review = parse(review_json(rating, "The parcel came and the item works as described."));
    for (auto it = overrides.begin(); it != overrides.end(); ++it) review[it.key()] = it.value();
    auto res = client.Post(("/api/v1/products/" + product + "/reviews").c_str(), review.dump(),
                           "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 201);
    return parse(res->body)["id"].get<std::string>();
  }

  void sql(const std::string& statement, const std::vector<std::string>& text_params = {},
           const std::vector<std::int64_t>& int_params = {}) {
    vouch::server::Database& db = *server.app().db;
    std::lock_guard<std::recursive_mutex> lock(db.mutex());
    vouch::server::Statement s(db.handle(), statement);
    int index = 1;
    for (const std::string& p : text_params) s.bind(index++, p);
    for (std::int64_t p : int_params) s.bind(index++, p);
    REQUIRE(s.run().ok());
  }
  // What h2's reply hook records for a first reply (see FIXTURE NOTE).
  void first_reply(const std::string& id, std::int64_t at, const std::string& by,
                   std::int64_t due_at) {
    sql("INSERT OR IGNORE INTO inbox_items (review_id, arrived_at) SELECT id, created FROM "
        "reviews WHERE id = ?1",
        {id});
    sql("UPDATE inbox_items SET first_reply_at = ?3, due_at = ?4, state = 'replied', "
        "first_reply_by = ?2 WHERE review_id = ?1",
        {id, by}, {at, due_at});
  }
  // A clock running, not answered (h2's triage sets due_at at insert).
  void due(const std::string& id, std::int64_t due_at) {
    sql("INSERT OR IGNORE INTO inbox_items (review_id, arrived_at) SELECT id, created FROM "
        "reviews WHERE id = ?1",
        {id});
    sql("UPDATE inbox_items SET due_at = ?2 WHERE review_id = ?1", {id}, {due_at});
  }
};

std::vector<std::string> names_of(const json& templates) {
  std::vector<std::string> names;
  for (const json& t : templates) names.push_back(t["name"].get<std::string>());
  return names;
}

json template_body(const std::string& name, const std::string& body,
                   const std::string& locale = "en", const json& tags = json::array()) {
  return {{"name", name}, {"locale", locale}, {"tags", tags}, {"body", body}};
}

}  // namespace

TEST_CASE("seed templates are there on the first start, in 7 locales, once", "[console]") {
  Console c;
  const json list = c.get("/api/v1/admin/templates");
  std::set<std::string> locales;
  std::size_t seeds = 0;
  for (const json& t : list["templates"]) {
    if (!t["seed"].get<std::string>().empty()) ++seeds;
    locales.insert(t["locale"].get<std::string>());
  }
  CHECK(seeds == 28);
  CHECK(locales == std::set<std::string>{"en", "zh-CN", "zh-TW", "ja", "es", "fr", "de"});
  CHECK(list["placeholders"].size() == 7);
  CHECK(list["placeholders"][0]["name"] == "reviewer_name");
  // Deleting every template does not bring the seeds back on the next start.
  for (const json& t : list["templates"])
    c.request("DELETE", "/api/v1/admin/templates/" + std::to_string(t["id"].get<std::int64_t>()),
              nullptr, 200);
  vouch::server::Config config = c.server.app().config;
  auto again = vouch::server::make_app(config, c.server.dir() + "/vouch.db");
  REQUIRE(again.ok());
  vouch::server::Statement count(again.value()->db->handle(),
                                 "SELECT count(*) FROM reply_templates");
  REQUIRE(count.step());
  CHECK(count.integer(0) == 0);
}

TEST_CASE("templates: create, edit, delete, audited", "[console]") {
  Console c;
  json made = c.post("/api/v1/admin/templates",
                     template_body("Thanks", "Thanks {reviewer_first_name}!", "en", {"praise"}),
                     201)["template"];
  CHECK(made["name"] == "Thanks");
  CHECK(made["tags"] == json::array({"praise"}));
  CHECK(made["seed"] == "");
  CHECK(made["updated_by"] == "alice");
  const std::string path = "/api/v1/admin/templates/" + std::to_string(made["id"].get<int>());
  json edited =
      c.request("PUT", path, template_body("Thanks again", "Thank you, {reviewer_name}.", "de"),
                200)["template"];
  CHECK(edited["name"] == "Thanks again");
  CHECK(edited["locale"] == "de");
  CHECK(c.request("DELETE", path, nullptr, 200)["deleted"] == made["id"]);
  c.request("DELETE", path, nullptr, 404);
  c.request("PUT", path, template_body("x", "y"), 404);
  const json audit = c.get("/api/v1/admin/audit?limit=10");
  std::vector<std::string> actions;
  for (const json& e : audit["entries"]) actions.push_back(e["action"].get<std::string>());
  CHECK(std::find(actions.begin(), actions.end(), "template_add") != actions.end());
  CHECK(std::find(actions.begin(), actions.end(), "template_edit") != actions.end());
  CHECK(std::find(actions.begin(), actions.end(), "template_delete") != actions.end());
}

TEST_CASE("templates: refusals carry the core's errors with offsets", "[console]") {
  Console c;
  const std::size_t before = c.get("/api/v1/admin/templates")["templates"].size();
  struct Case {
    std::string body;
    std::string code;
    std::size_t offset;
  };
  for (const Case& k :
       {Case{"Hi {reviewer_nmae}!", "unknown_placeholder", 3},
        Case{"Hi {} there", "empty_placeholder", 3}, Case{"Hi {a{b}} there", "nested_brace", 3},
        Case{"Hi {store_name", "unclosed_brace", 3}, Case{"Hi } there", "unopened_brace", 3}}) {
    INFO(k.body);
    const json refused = c.post("/api/v1/admin/templates", template_body("Bad", k.body), 422);
    CHECK(refused["error"]["code"] == "invalid_template");
    REQUIRE(!refused["errors"].empty());
    CHECK(refused["errors"][0]["code"] == k.code);
    CHECK(refused["errors"][0]["offset"] == k.offset);
    CHECK(!refused["errors"][0]["message"].get<std::string>().empty());
  }
  // Field rules.
  auto first_code = [&](const json& body) {
    return c.post("/api/v1/admin/templates", body, 422)["errors"][0]["code"].get<std::string>();
  };
  CHECK(first_code(template_body("", "text")) == "invalid_name");
  CHECK(first_code(template_body(std::string(121, 'n'), "text")) == "invalid_name");
  CHECK(first_code(template_body("line\nbreak", "text")) == "invalid_name");
  CHECK(first_code(template_body("ok", "text", "not a tag!")) == "invalid_locale");
  CHECK(first_code(template_body("ok", "text", "en", json::array({""}))) == "invalid_tags");
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back("t" + std::to_string(i));
  CHECK(first_code(template_body("ok", "text", "en", many)) == "invalid_tags");
  CHECK(first_code(template_body("ok", std::string(5001, 'x'))) == "too_long");
  CHECK(first_code(template_body("ok", "   ")) == "empty_body");
  // 120 characters of CJK (360 bytes) is a valid name.
  std::string cjk;
  for (int i = 0; i < 120; ++i) cjk += "评";
  c.post("/api/v1/admin/templates", template_body(cjk, "ok"), 201);
  // Nothing refused was stored.
  CHECK(c.get("/api/v1/admin/templates")["templates"].size() == before + 1);
}

TEST_CASE("templates: markup stays text; values are never expanded", "[console]") {
  Console c;
  const std::string id = c.submit(
      "p-1", 2, {{"title", "<script>alert(1)</script> {store_name}"}, {"author", "Mia Wong"}});
  const json made = c.post("/api/v1/admin/templates",
                           template_body("Markup", "<b>Re:</b> {review_title} & {reviewer_name}"),
                           201)["template"];
  CHECK(made["body"] == "<b>Re:</b> {review_title} & {reviewer_name}");
  auto res = c.client.Post("/api/v1/admin/templates/preview", admin_headers(),
                           json{{"template_id", made["id"]}, {"review_id", id}}.dump(),
                           "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
  const json preview = parse(res->body);
  // Verbatim: not escaped, not interpreted, the {store_name} in the title not expanded.
  CHECK(preview["text"] == "<b>Re:</b> <script>alert(1)</script> {store_name} & Mia Wong");
  CHECK(preview["errors"].empty());
}

TEST_CASE("preview fills the review's values and reports missing ones", "[console]") {
  Console c;
  const std::string id = c.submit("p-1", 5, {{"author", "Mia Wong"}});
  c.set(kClockStart + 3 * kDay + 100);
  const json filled =
      c.post("/api/v1/admin/templates/preview",
             {{"review_id", id},
              {"body",
               "Hello {reviewer_first_name}, thanks for reviewing {product_name} at {store_name} "
               "({days_since_review} days, \"{review_title}\", {reviewer_name}). {{ok}}"}});
  CHECK(filled["text"] ==
        "Hello Mia, thanks for reviewing p-1 at Test Store (3 days, \"A title\", Mia Wong). {ok}");
  CHECK(filled["errors"].empty());
  CHECK(filled["warnings"].empty());
  const json missing =
      c.post("/api/v1/admin/templates/preview", {{"review_id", id}, {"body", "Order {order_id}"}});
  CHECK(missing["text"] == "");
  REQUIRE(missing["errors"].size() == 1);
  CHECK(missing["errors"][0]["code"] == "missing_value");
  const json warned = c.post(
      "/api/v1/admin/templates/preview",
      {{"review_id", id}, {"body", "Please change your review to 5 stars, {reviewer_name}."}});
  REQUIRE(warned["warnings"].size() == 1);
  CHECK(warned["warnings"][0]["code"] == "asks_to_change_review");
  const json check = c.post("/api/v1/admin/replies/check",
                            {{"text", "Write to help@shop.example or please delete your review"}});
  std::set<std::string> codes;
  for (const json& w : check["warnings"]) codes.insert(w["code"].get<std::string>());
  CHECK(codes == std::set<std::string>{"email", "asks_to_change_review"});
  CHECK(c.post("/api/v1/admin/replies/check", {{"text", "Thank you!"}})["warnings"].empty());
  c.post("/api/v1/admin/templates/preview", {{"review_id", "missing"}, {"body", "x"}}, 404);
  c.post("/api/v1/admin/templates/preview", {{"review_id", id}, {"template_id", 999999}}, 404);
}

TEST_CASE("template suggestions: shared tags, then language, then name; q folds", "[console]") {
  Console c;
  const std::string id = c.submit("p-1", 2, {{"language", "de"}});
  c.sql(
      "INSERT OR IGNORE INTO inbox_items (review_id, arrived_at) SELECT id, created FROM "
      "reviews WHERE id = ?1",
      {id});
  c.sql("INSERT INTO inbox_tags (review_id, tag) VALUES (?1, 'shipping'), (?1, 'defect')", {id});
  c.post("/api/v1/admin/templates", template_body("aa-none", "zqx one", "fr"), 201);
  c.post("/api/v1/admin/templates", template_body("a-none", "zqx two", "ja"), 201);
  c.post("/api/v1/admin/templates", template_body("b-lang", "zqx three", "de"), 201);
  c.post("/api/v1/admin/templates", template_body("c-tag", "zqx four", "en", {"shipping"}), 201);
  c.post("/api/v1/admin/templates", template_body("d-both", "zqx five", "de-AT", {"shipping"}),
         201);
  c.post("/api/v1/admin/templates", template_body("e-two", "ZQX six", "", {"shipping", "defect"}),
         201);
  const json suggested = c.get("/api/v1/admin/templates?q=zqx&review=" + id)["templates"];
  CHECK(names_of(suggested) ==
        std::vector<std::string>{"e-two", "d-both", "c-tag", "b-lang", "a-none", "aa-none"});
  CHECK(suggested[0]["score"] == 4);
  CHECK(suggested[1]["score"] == 3);
  CHECK(suggested[5]["score"] == 0);
  // Without a review: by name, no score.
  const json plain = c.get("/api/v1/admin/templates?q=zqx")["templates"];
  CHECK(names_of(plain) ==
        std::vector<std::string>{"a-none", "aa-none", "b-lang", "c-tag", "d-both", "e-two"});
  CHECK(!plain[0].contains("score"));
  // q: every word, folded (case, tags too); locale keeps that tag and "any".
  CHECK(names_of(c.get("/api/v1/admin/templates?q=ZQX%20Defect")["templates"]) ==
        std::vector<std::string>{"e-two"});
  CHECK(names_of(c.get("/api/v1/admin/templates?q=zqx&locale=DE")["templates"]) ==
        std::vector<std::string>{"b-lang", "e-two"});
  // Seeds match by their tags and language too (a German seed comes first for this review).
  const json all = c.get("/api/v1/admin/templates?review=" + id)["templates"];
  CHECK(all[0]["score"].get<int>() >= all[all.size() - 1]["score"].get<int>());
  c.get("/api/v1/admin/templates?review=nope", 404);
}

TEST_CASE("notes, messages and history, oldest first", "[console]") {
  Console c;
  const std::string id = c.submit("p-1", 2, {{"email", "mia+shop@example.com"}});
  c.set(kClockStart + 10);
  const json note = c.post("/api/v1/admin/inbox/" + id + "/notes",
                           {{"text", "  call the courier "}}, 201)["event"];
  CHECK(note["kind"] == "note");
  CHECK(note["text"] == "call the courier");
  CHECK(note["actor"] == "alice");
  c.set(kClockStart + 20);
  const json sent =
      c.post("/api/v1/admin/inbox/" + id + "/messages",
             {{"text", "Hi Mia & co? 50% off\nthanks — 谢谢 café"}}, 201, kSecondAdminToken);
  CHECK(sent["event"]["kind"] == "message");
  CHECK(sent["event"]["actor"] == "bob");
  CHECK(sent["mailto"] ==
        "mailto:mia%2Bshop@example.com?subject=About%20your%20review%20%22A%20title%22"
        "&body=Hi%20Mia%20%26%20co%3F%2050%25%20off%0D%0Athanks%20%E2%80%94%20"
        "%E8%B0%A2%E8%B0%A2%20caf%C3%A9");
  CHECK(sent["warnings"].empty());
  c.set(kClockStart + 30);
  const json warned = c.post("/api/v1/admin/inbox/" + id + "/messages",
                             {{"text", "We refund you if you remove your review."}}, 201);
  REQUIRE(warned["warnings"].size() == 1);
  CHECK(warned["warnings"][0]["code"] == "asks_to_change_review");
  c.set(kClockStart + 40);
  c.post("/api/v1/admin/reviews/" + id + "/approve", json::object());
  const json history = c.get("/api/v1/admin/inbox/" + id + "/history")["history"];
  REQUIRE(history.size() == 4);
  CHECK(history[0]["kind"] == "note");
  CHECK(history[0]["time"] == vouch::format_utc(kClockStart + 10));
  CHECK(history[1]["kind"] == "message");
  CHECK(history[1]["actor"] == "bob");
  CHECK(history[2]["kind"] == "message");
  CHECK(history[3]["kind"] == "audit");
  CHECK(history[3]["action"] == "approve");
  // Audited too, and the address never reaches a public route.
  std::set<std::string> actions;
  const json listed1 = c.get("/api/v1/admin/audit?review=" + id)["entries"];
  for (const json& e : listed1) actions.insert(e["action"].get<std::string>());
  CHECK(actions.count("note") == 1);
  CHECK(actions.count("message") == 1);
  auto snapshot = c.client.Get("/api/v1/products/p-1/snapshot");
  REQUIRE(snapshot);
  REQUIRE(snapshot->status == 200);
  CHECK(snapshot->body.find("call the courier") == std::string::npos);
  CHECK(snapshot->body.find("mia+shop") == std::string::npos);
  // No address: 409, nothing recorded.
  // Imported reviews often carry no address (the form requires one).
  const std::string anonymous = c.submit("p-1", 4);
  c.sql("UPDATE reviews SET email = '' WHERE id = ?1", {anonymous});
  const json refused =
      c.post("/api/v1/admin/inbox/" + anonymous + "/messages", {{"text", "hello"}}, 409);
  CHECK(refused["error"]["code"] == "no_email");
  CHECK(c.get("/api/v1/admin/inbox/" + anonymous + "/history")["history"].empty());
}

TEST_CASE("resolve, follow up after the date, reopen", "[console]") {
  Console c;
  const std::string id = c.submit("p-1", 1);
  c.set(kClockStart + 100);
  const json resolved = c.post("/api/v1/admin/inbox/" + id + "/resolve", json::object())["item"];
  CHECK(resolved["state"] == "resolved");
  CHECK(resolved["resolved_at"] == vouch::format_utc(kClockStart + 100));
  CHECK(resolved["follow_up"]["due_at"] == vouch::format_utc(kClockStart + 100 + 7 * kDay));
  CHECK(resolved["follow_up"]["outcome"].is_null());
  // Not yet due; due once the clock reaches the date (the inbox's follow_up_due view).
  CHECK(vouch::format_utc(c.clock->load()) < resolved["follow_up"]["due_at"].get<std::string>());
  c.set(kClockStart + 100 + 7 * kDay);
  CHECK(vouch::format_utc(c.clock->load()) >= resolved["follow_up"]["due_at"].get<std::string>());
  const json followed =
      c.post("/api/v1/admin/inbox/" + id + "/follow-up",
             {{"outcome", "satisfied"}, {"note", "she got the replacement"}})["item"];
  CHECK(followed["state"] == "followed_up");
  CHECK(followed["follow_up"]["outcome"] == "satisfied");
  CHECK(followed["follow_up"]["by"] == "alice");
  CHECK(followed["follow_up"]["at"] == vouch::format_utc(kClockStart + 100 + 7 * kDay));
  c.post("/api/v1/admin/inbox/" + id + "/follow-up", {{"outcome", "satisfied"}}, 409);
  const json reopened = c.post("/api/v1/admin/inbox/" + id + "/reopen", json::object())["item"];
  CHECK(reopened["state"] == "open");
  CHECK(reopened["follow_up"]["outcome"] == "satisfied");  // what happened stays
  c.post("/api/v1/admin/inbox/" + id + "/reopen", json::object(), 409);
  c.post("/api/v1/admin/inbox/" + id + "/follow-up", {{"outcome", "no_answer"}}, 409);
  // 0 = no follow-up; a date = 00:00 UTC that day; past dates refused.
  CHECK(
      c.post("/api/v1/admin/inbox/" + id + "/resolve", {{"follow_up_days", 0}})["item"]["follow_up"]
          .is_null());
  c.post("/api/v1/admin/inbox/" + id + "/reopen", json::object());
  CHECK(c.post("/api/v1/admin/inbox/" + id + "/resolve",
               {{"follow_up_at", "2027-03-01"}})["item"]["follow_up"]["due_at"] ==
        "2027-03-01T00:00:00Z");
  c.post("/api/v1/admin/inbox/" + id + "/resolve", {{"follow_up_at", "2020-01-01"}}, 422);
  c.post("/api/v1/admin/inbox/" + id + "/resolve", {{"follow_up_at", "2027-02-30"}}, 422);
  std::vector<std::string> actions;
  const json listed2 = c.get("/api/v1/admin/audit?review=" + id)["entries"];
  for (const json& e : listed2) actions.insert(actions.begin(), e["action"].get<std::string>());
  CHECK(actions ==
        std::vector<std::string>{"resolve", "follow_up", "reopen", "resolve", "reopen", "resolve"});
  // The follow-up's note is in the history.
  bool noted = false;
  const json listed3 = c.get("/api/v1/admin/inbox/" + id + "/history")["history"];
  for (const json& h : listed3)
    noted = noted || (h["kind"] == "note" && h["text"] == "she got the replacement");
  CHECK(noted);
}

TEST_CASE("metrics on a hand-computed dataset", "[console]") {
  Console c;
  // H: 40 days before T0 (inside 90 days, outside 30), answered in 60 s.
  c.set(kClockStart - 40 * kDay);
  const std::string h = c.submit("p1", 5);
  c.first_reply(h, kClockStart - 40 * kDay + 60, "ann", kClockStart - 37 * kDay);
  c.set(kClockStart);
  const std::string a = c.submit("p1", 5);
  const std::string b = c.submit("p1", 1);
  const std::string cc = c.submit("p2", 2);
  const std::string d = c.submit("p2", 4);
  const std::string e = c.submit("p1", 1);
  const std::string f = c.submit("p3", 3);
  const std::string g = c.submit("p3", 1);
  c.first_reply(a, kClockStart + 3600, "ann", kClockStart + 3 * kDay);
  c.first_reply(b, kClockStart + 7200, "ann", kClockStart + kDay);     // negative, in time
  c.first_reply(cc, kClockStart + 100000, "bob", kClockStart + kDay);  // negative, late
  c.due(d, kClockStart + 3 * kDay);                                    // overdue at T0 + 10 days
  c.due(e, kClockStart + kDay);                                        // negative, overdue
  c.first_reply(f, kClockStart + 36000, "bob", kClockStart + 3 * kDay);
  c.due(g, kClockStart + kDay);
  c.post("/api/v1/admin/reviews/" + g + "/reject", {{"reason", "spam"}});  // left out
  c.set(kClockStart + 10 * kDay);
  for (const std::string& id : {a, b, cc, f})
    c.post("/api/v1/admin/inbox/" + id + "/resolve", json::object());
  c.post("/api/v1/admin/inbox/" + a + "/follow-up", {{"outcome", "satisfied"}});
  c.post("/api/v1/admin/inbox/" + b + "/follow-up", {{"outcome", "not_satisfied"}});
  c.post("/api/v1/admin/inbox/" + cc + "/follow-up", {{"outcome", "no_answer"}}, 200,
         kSecondAdminToken);
  c.post("/api/v1/admin/inbox/" + f + "/follow-up", {{"outcome", "satisfied"}}, 200,
         kSecondAdminToken);

  const json m = c.get("/api/v1/admin/metrics?days=30");
  CHECK(m["days"] == 30);
  CHECK(m["from"] == vouch::format_utc(kClockStart - 20 * kDay));
  CHECK(m["to"] == vouch::format_utc(kClockStart + 10 * kDay));
  CHECK(m["reviews"] == 6);  // a b c d e f (g rejected, h outside)
  CHECK(m["response_rate"].get<double>() == Approx(4.0 / 6.0));
  // Delays 3600, 7200, 36000, 100000: nearest rank ceil(0.5 x 4) = 2nd, ceil(0.9 x 4) = 4th.
  CHECK(m["median_first_reply_seconds"] == 7200);
  CHECK(m["p90_first_reply_seconds"] == 100000);
  CHECK(m["percentile_method"] == "nearest_rank");
  CHECK(m["negative"]["total"] == 3);                   // b c e
  CHECK(m["negative"]["answered_within_target"] == 1);  // b
  CHECK(m["negative"]["share_within_target"].get<double>() == Approx(1.0 / 3.0));
  CHECK(m["overdue_now"] == 2);  // d e
  CHECK(m["follow_ups"] == json{{"done", 4},
                                {"satisfied", 2},
                                {"not_satisfied", 1},
                                {"no_answer", 1},
                                {"satisfaction_rate", 2.0 / 3.0}});
  REQUIRE(m["per_staff"].size() == 3);
  CHECK(m["per_staff"][0] == json{{"name", "alice"},
                                  {"replies", 0},
                                  {"median_first_reply_seconds", nullptr},
                                  {"follow_ups", 2},
                                  {"satisfied", 1}});
  CHECK(m["per_staff"][1] == json{{"name", "ann"},
                                  {"replies", 2},
                                  {"median_first_reply_seconds", 3600},
                                  {"follow_ups", 0},
                                  {"satisfied", 0}});
  CHECK(m["per_staff"][2] == json{{"name", "bob"},
                                  {"replies", 2},
                                  {"median_first_reply_seconds", 36000},
                                  {"follow_ups", 2},
                                  {"satisfied", 1}});
  REQUIRE(m["per_product"].size() == 3);
  CHECK(m["per_product"][0]["product_id"] == "p1");
  CHECK(m["per_product"][0]["reviews"] == 3);
  CHECK(m["per_product"][0]["response_rate"].get<double>() == Approx(2.0 / 3.0));
  CHECK(m["per_product"][0]["median_first_reply_seconds"] == 3600);
  CHECK(m["per_product"][0]["overdue"] == 1);
  CHECK(m["per_product"][1] == json{{"product_id", "p2"},
                                    {"reviews", 2},
                                    {"response_rate", 0.5},
                                    {"median_first_reply_seconds", 100000},
                                    {"overdue", 1}});
  CHECK(m["per_product"][2] == json{{"product_id", "p3"},
                                    {"reviews", 1},
                                    {"response_rate", 1.0},
                                    {"median_first_reply_seconds", 36000},
                                    {"overdue", 0}});

  const json wide = c.get("/api/v1/admin/metrics?days=90");
  CHECK(wide["reviews"] == 7);
  CHECK(wide["median_first_reply_seconds"] == 7200);  // 60 3600 7200 36000 100000: 3rd
  CHECK(wide["p90_first_reply_seconds"] == 100000);   // ceil(4.5) = 5th

  // Nothing arrived in the last 7 days: nulls, no division by zero; overdue is "now".
  const json quiet = c.get("/api/v1/admin/metrics?days=7");
  CHECK(quiet["reviews"] == 0);
  CHECK(quiet["response_rate"].is_null());
  CHECK(quiet["median_first_reply_seconds"].is_null());
  CHECK(quiet["p90_first_reply_seconds"].is_null());
  CHECK(quiet["negative"]["share_within_target"].is_null());
  CHECK(quiet["follow_ups"]["satisfaction_rate"].is_null());
  CHECK(quiet["overdue_now"] == 2);
  CHECK(quiet["per_staff"].empty());
}

TEST_CASE("metrics of an empty store", "[console]") {
  Console c;
  const json m = c.get("/api/v1/admin/metrics");
  CHECK(m["days"] == 30);
  CHECK(m["reviews"] == 0);
  CHECK(m["response_rate"].is_null());
  CHECK(m["median_first_reply_seconds"].is_null());
  CHECK(m["negative"] == json{{"max_rating", 2},
                              {"total", 0},
                              {"answered_within_target", 0},
                              {"share_within_target", nullptr}});
  CHECK(m["overdue_now"] == 0);
  CHECK(m["follow_ups"]["done"] == 0);
  CHECK(m["follow_ups"]["satisfaction_rate"].is_null());
  CHECK(m["per_staff"].empty());
  CHECK(m["per_product"].empty());
  for (const char* bad : {"0", "8", "-7", "30x", "", "%00", "999999999999999999999"})
    c.get(std::string("/api/v1/admin/metrics?days=") + bad, 400);
}

TEST_CASE("console routes refuse hostile input clearly and change nothing", "[console]") {
  Console c;
  const std::string id = c.submit("p-1", 2);
  const std::string item = "/api/v1/admin/inbox/" + id;
  auto raw = [&](const std::string& method, const std::string& path, const std::string& body,
                 int expected) {
    httplib::Result res =
        method == "PUT" ? c.client.Put(path.c_str(), admin_headers(), body, "application/json")
                        : c.client.Post(path.c_str(), admin_headers(), body, "application/json");
    REQUIRE(res);
    INFO(method << " " << path << " " << body << " -> " << res->body);
    CHECK(res->status == expected);
    const json error = parse(res->body);
    CHECK(error["error"]["code"].is_string());
    CHECK(!error["error"]["message"].get<std::string>().empty());
  };
  const std::vector<std::string> writes = {"/api/v1/admin/templates",
                                           "/api/v1/admin/templates/preview",
                                           "/api/v1/admin/replies/check",
                                           item + "/notes",
                                           item + "/messages",
                                           item + "/resolve",
                                           item + "/follow-up"};
  for (const std::string& path : writes) {
    raw("POST", path, "{not json", 400);
    raw("POST", path, "[1,2]", 400);
    raw("POST", path, "{\"text\":\"\xff\xfe\"}", 400);  // not UTF-8
    raw("POST", path, std::string(70 * 1024, ' '), 413);
  }
  // Wrong types.
  raw("POST", "/api/v1/admin/templates", R"({"name":1,"body":"x"})", 400);
  raw("POST", "/api/v1/admin/templates", R"({"name":"n","body":"x","tags":"a"})", 400);
  raw("POST", "/api/v1/admin/templates", R"({"name":"n","body":"x","tags":[1]})", 400);
  raw("POST", "/api/v1/admin/templates/preview", R"({"review_id":"x","template_id":"1"})", 400);
  raw("POST", "/api/v1/admin/replies/check", R"({"text":null})", 400);
  raw("POST", item + "/notes", R"({"text":""})", 422);
  raw("POST", item + "/notes", R"({"text":"   \n "})", 422);
  raw("POST", item + "/notes", R"({"text":"bell \u0007"})", 422);
  raw("POST", item + "/notes", std::string(R"({"text":")") + std::string(5001, 'x') + "\"}", 422);
  raw("POST", item + "/messages", R"({"text":5})", 400);
  raw("POST", item + "/resolve", R"({"follow_up_days":91})", 400);
  raw("POST", item + "/resolve", R"({"follow_up_days":-1})", 400);
  raw("POST", item + "/resolve", R"({"follow_up_days":"7"})", 400);
  raw("POST", item + "/resolve", R"({"follow_up_days":1.5})", 400);
  raw("POST", item + "/resolve", R"({"follow_up_at":"tomorrow"})", 422);
  raw("POST", item + "/resolve", R"({"follow_up_at":"2027-01-20","follow_up_days":3})", 422);
  raw("POST", item + "/follow-up", R"({"outcome":"happy"})", 400);
  raw("POST", item + "/follow-up", R"({})", 400);
  raw("PUT", "/api/v1/admin/templates/abc", R"({"name":"n","body":"x"})", 400);
  raw("PUT", "/api/v1/admin/templates/-1", R"({"name":"n","body":"x"})", 400);
  raw("PUT", "/api/v1/admin/templates/99999999999999999999", R"({"name":"n","body":"x"})", 400);
  // Unknown or malformed review ids.
  for (const std::string& bad :
       {std::string("nope"), std::string("%3Cscript%3E"), std::string("..%2F..%2Fetc")}) {
    const std::string path = "/api/v1/admin/inbox/" + bad;
    auto res = c.client.Post((path + "/notes").c_str(), admin_headers(), R"({"text":"x"})",
                             "application/json");
    REQUIRE(res);
    CHECK((res->status == 404 || res->status == 400));
    auto history = c.client.Get((path + "/history").c_str(), admin_headers());
    REQUIRE(history);
    CHECK((history->status == 404 || history->status == 400));
    for (const char* action : {"/resolve", "/reopen", "/messages"}) {
      auto r = c.client.Post((path + action).c_str(), admin_headers(), R"({"text":"x"})",
                             "application/json");
      REQUIRE(r);
      CHECK((r->status == 404 || r->status == 400));
    }
  }
  c.get("/api/v1/admin/templates?q=" + std::string(600, 'q'), 400);
  // "preview" is not a template id.
  raw("PUT", "/api/v1/admin/templates/preview", R"({"name":"n","body":"x"})", 405);
  // Without a token: 401 on every route; nothing was recorded by any of this.
  for (const std::string& path : writes) {
    auto res = c.client.Post(path.c_str(), R"({"text":"x"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 401);
  }
  auto metrics = c.client.Get("/api/v1/admin/metrics");
  REQUIRE(metrics);
  CHECK(metrics->status == 401);
  CHECK(c.get(item + "/history")["history"].empty());
  CHECK(c.get("/api/v1/admin/inbox/" + id + "/history")["history"].empty());
  // The test clock route does not exist without --test-clock.
  c.post("/api/v1/admin/test/clock", {{"advance_seconds", 60}}, 404);
}

TEST_CASE("serve --test-clock: off by default, moves App::now with the flag", "[console]") {
  const std::string config = json{
      {"admin_token", kAdminToken},
      {"hmac_secret", kHmacSecret},
      {"moderation", "none"}}.dump();
  {
    TempDir dir;
    ServerProcess plain(dir.path(), config);
    httplib::Client client("127.0.0.1", plain.port());
    auto res = client.Post("/api/v1/admin/test/clock", admin_headers(), R"({"advance_seconds":60})",
                           "application/json");
    REQUIRE(res);
    CHECK(res->status == 404);
  }
  TempDir dir;
  ServerProcess clocked(dir.path(), config, "", {"--test-clock"});
  httplib::Client client("127.0.0.1", clocked.port());
  auto post = [&](const std::string& path, const std::string& body, int expected) {
    auto res = client.Post(path.c_str(), admin_headers(), body, "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == expected);
    return parse(res->body);
  };
  auto unauthorized =
      client.Post("/api/v1/admin/test/clock", R"({"advance_seconds":60})", "application/json");
  REQUIRE(unauthorized);
  CHECK(unauthorized->status == 401);
  post("/api/v1/admin/test/clock", R"({"advance_seconds":-5})", 400);
  post("/api/v1/admin/test/clock", R"({"advance_seconds":"60"})", 400);
  post("/api/v1/admin/test/clock", R"({})", 400);
  auto submitted = client.Post("/api/v1/products/p-1/reviews",
                               review_json(2, "Broken on arrival, sadly."), "application/json");
  REQUIRE(submitted);
  REQUIRE(submitted->status == 201);
  const std::string id = parse(submitted->body)["id"];
  const json item = post("/api/v1/admin/inbox/" + id + "/resolve", "{}", 200)["item"];
  const std::string due = item["follow_up"]["due_at"];
  const std::string before =
      post("/api/v1/admin/test/clock", R"({"advance_seconds":0})", 200)["now"];
  CHECK(before < due);
  const std::string after =
      post("/api/v1/admin/test/clock", R"({"advance_seconds":604800})", 200)["now"];
  CHECK(after >= due);  // the follow-up is due on the moved clock
  // Everything uses the moved clock: a note written now carries it.
  const json note = post("/api/v1/admin/inbox/" + id + "/notes", R"({"text":"later"})", 201);
  CHECK(note["event"]["time"].get<std::string>() >= due);
}

namespace {

// %XX -> byte (the test's own decoder, to check the server's encoder).
std::string percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("emoji sequences round-trip through notes, messages and previews", "[console]") {
  VOUCH_SHARED_DATA_OR_SKIP(path, "unicode/emoji-test.txt");
  const std::string corpus = read_file(path);
  // The glyph of every 25th sequence line ("1F600 ; fully-qualified # 😀 E1.0 grinning face").
  std::vector<std::string> glyphs;
  std::size_t line_no = 0;
  for (std::size_t start = 0; start < corpus.size();) {
    std::size_t end = corpus.find('\n', start);
    if (end == std::string::npos) end = corpus.size();
    const std::string line = corpus.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t hash = line.find("# ");
    const std::size_t version = line.find(" E", hash);
    if (hash == std::string::npos || version == std::string::npos) continue;
    if (line_no++ % 25 == 0) glyphs.push_back(line.substr(hash + 2, version - hash - 2));
  }
  REQUIRE(glyphs.size() > 100);
  Console c;
  const std::string id = c.submit("p-1", 3, {{"author", "Mia Wong"}});
  for (std::size_t i = 0; i < glyphs.size(); i += 40) {
    std::string text = "Thanks";
    for (std::size_t j = i; j < std::min(glyphs.size(), i + 40); ++j)
      text += (j % 8 == 0 ? "\n" : " ") + glyphs[j];
    INFO(text);
    CHECK(c.post("/api/v1/admin/inbox/" + id + "/notes", {{"text", text}}, 201)["event"]["text"] ==
          text);
    const std::string mailto =
        c.post("/api/v1/admin/inbox/" + id + "/messages", {{"text", text}}, 201)["mailto"];
    // Only unreserved characters and escapes in the URL; the body decodes to the text.
    for (char ch : mailto.substr(7))
      CHECK((std::isalnum(static_cast<unsigned char>(ch)) ||
             std::string("-._~%@?=&").find(ch) != std::string::npos));
    std::string expected;
    for (char ch : text) expected += ch == '\n' ? std::string("\r\n") : std::string(1, ch);
    CHECK(percent_decode(mailto.substr(mailto.find("&body=") + 6)) == expected);
    const json preview = c.post("/api/v1/admin/templates/preview",
                                {{"review_id", id}, {"body", "{reviewer_first_name}: " + text}});
    CHECK(preview["text"] == "Mia: " + text);
    c.post("/api/v1/admin/templates", template_body("emoji " + std::to_string(i), text, "en"), 201);
  }
}
