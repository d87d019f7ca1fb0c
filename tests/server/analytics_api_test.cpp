// GET /api/v1/admin/analytics (issue 16) through the real HTTP server on a
// small store seeded through the public and admin API: the JSON has one
// member per panel, a few figures computed by hand, a write invalidates the
// cached answer, and hostile parameters get a 400 naming the parameter.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>

#include "http_util.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

json get(httplib::Client& client, const std::string& path, int expected = 200) {
  auto res = client.Get(path.c_str(), admin_headers());
  REQUIRE(res);
  INFO(path << " -> " << res->body);
  REQUIRE(res->status == expected);
  return parse(res->body);
}

void post(httplib::Client& client, const std::string& path, const json& body) {
  auto res = client.Post(path.c_str(), admin_headers(), body.dump(), "application/json");
  REQUIRE(res);
  INFO(path << " -> " << res->body);
  REQUIRE(res->status == 200);
}

const json* product_row(const json& list, const std::string& id) {
  for (const json& row : list)
    if (row["product_id"] == id) return &row;
  return nullptr;
}

}  // namespace

TEST_CASE("analytics API: panels, hand-computed figures, cache invalidated by writes",
          "[analytics]") {
  TestServer server;
  std::int64_t now = kT0;
  server.app().now = [&now] { return now; };
  auto client = server.client();
  const std::string r1 = submit_review(client, "sku-1", 1, "物流太慢，质量差，很失望。");
  now += 60;
  const std::string r2 = submit_review(client, "sku-1", 2, "物流太慢了，等了两周。質量差");
  now += 60;
  const std::string r3 = submit_review(client, "sku-1", 5, "质量很好，发货也快，推荐。");
  const std::string r4 = submit_review(client, "sku-2", 4, "Nice and warm, fits well.");
  const std::string r5 = submit_review(client, "sku-2", 3, "Buy cheap watches at example dot com.");
  now = kT0 + 600;
  post(client, "/api/v1/admin/reviews/" + r1 + "/approve", json::object());
  post(client, "/api/v1/admin/reviews/" + r5 + "/reject", {{"reason", "spam"}});
  now = kT0 + 3600;
  post(client, "/api/v1/admin/reviews/" + r1 + "/reply", {{"text", "Sorry, we are on it."}});

  const std::string path = "/api/v1/admin/analytics?from=2026-05-25&to=2026-05-31&period=week";
  const json a = get(client, path);
  for (const char* panel : {"trend", "tags", "phrases", "products", "responses", "fairness"})
    CHECK(a.contains(panel));
  CHECK(a["range"]["from"] == "2026-05-25");
  CHECK(a["range"]["time_zone"] == "UTC");

  // Trend: one ISO week, rejected r5 left out: ratings 1, 2, 5, 4.
  REQUIRE(a["trend"]["store"].size() == 1);
  const json& week = a["trend"]["store"][0];
  CHECK(week["period"] == "2026-W22");
  CHECK(week["start"] == "2026-05-25");
  CHECK(week["count"] == 4);
  CHECK(week["average"].get<double>() == Approx(3.0));
  CHECK(week["stars"] == json::array({1, 1, 0, 1, 1}));

  // Products: sku-1 has 3 reviews, one answered after 3600 s.
  const json* sku1 = product_row(a["products"], "sku-1");
  REQUIRE(sku1);
  CHECK((*sku1)["count"] == 3);
  CHECK((*sku1)["negative_share"].get<double>() == Approx(2.0 / 3.0));
  CHECK((*sku1)["response_rate"].get<double>() == Approx(1.0 / 3.0));
  CHECK((*sku1)["median_reply_seconds"] == 3600);
  CHECK(a["products"][0]["product_id"] == "sku-1");  // most reviews first

  // Responses: 4 reviews, 1 replied, 3600 s.
  CHECK(a["responses"]["total"]["reviews"] == 4);
  CHECK(a["responses"]["total"]["replied"] == 1);
  CHECK(a["responses"]["total"]["p90_reply_seconds"] == 3600);

  // Fairness counts every state: the 3-star review was rejected, the 1-star
  // approved 600 s after it arrived.
  const json& three = a["fairness"][2];
  CHECK(three["stars"] == 3);
  CHECK(three["rejected"] == 1);
  CHECK(three["rejected_rate"].get<double>() == Approx(1.0));
  const json& one = a["fairness"][0];
  CHECK(one["published"] == 1);
  CHECK(one["median_moderation_seconds"] == 600);

  // Phrases: 物流太慢 in both negative reviews of sku-1, 質量 folded with 质量.
  const json* phrases = product_row(a["phrases"], "sku-1");
  REQUIRE(phrases);
  bool slow = false, quality = false;
  for (const json& p : (*phrases)["negative"]) {
    if (p["folded"] == "物流太慢") {
      slow = true;
      CHECK(p["count"] == 2);
      CHECK(p["examples"] == json::array({r1, r2}));
      CHECK(p["kind"] == "characters");
    }
    if (p["folded"] == "质量差") quality = p["count"] == 2;
  }
  CHECK(slow);
  CHECK(quality);

  // The same query again answers the same; a reply (an inbox write) changes it.
  CHECK(get(client, path) == a);
  now = kT0 + 7200;
  post(client, "/api/v1/admin/reviews/" + r2 + "/reply", {{"text", "A refund is on its way."}});
  const json after = get(client, path);
  CHECK(after["responses"]["total"]["replied"] == 2);
  CHECK(after["responses"]["total"]["median_reply_seconds"] == 3600);
  CHECK(after["responses"]["total"]["p90_reply_seconds"] == 7140);  // r2 arrived at kT0 + 60

  // A commit by another connection on the same file (another process) too.
  {
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((server.dir() + "/vouch.db").c_str(), &other) == SQLITE_OK);
    sqlite3_busy_timeout(other, 5000);
    CHECK(sqlite3_exec(other, ("UPDATE reviews SET rating = 5 WHERE id = '" + r4 + "'").c_str(),
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
  }
  CHECK(get(client, path)["trend"]["store"][0]["stars"] == json::array({1, 1, 0, 0, 2}));

  // One product, by month.
  const json only = get(
      client, "/api/v1/admin/analytics?from=2026-05-01&to=2026-06-30&period=month&product=sku-2");
  REQUIRE(only["trend"]["store"].size() == 2);
  CHECK(only["trend"]["store"][0]["period"] == "2026-05");
  CHECK(only["trend"]["store"][0]["count"] == 1);
  CHECK(only["products"].size() == 1);

  // Without a token: 401.
  auto anonymous = client.Get(path.c_str());
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
}

TEST_CASE("analytics API: hostile parameters are a 400 naming the parameter", "[analytics]") {
  TestServer server;
  auto client = server.client();
  const std::string huge(300, 'x');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"from=2026-13-01", "from"},
      {"from=2026-02-30", "from"},
      {"from=26-01-01", "from"},
      {"from=2026-01-01T00:00", "from"},
      {"to=yesterday", "to"},
      {"to=%00", "to"},
      {"from=2026-05-02&to=2026-05-01", "from"},
      {"from=1970-01-01&to=2026-01-01", "to"},
      {"product=" + huge, "product"},
      {"product=a%22b", "product"},
      {"product=", "product"},
      {"period=day", "period"},
  };
  for (const auto& [query, name] : cases) {
    const json body = get(client, "/api/v1/admin/analytics?" + query, 400);
    INFO(query << " -> " << body.dump());
    CHECK(body["error"]["code"] == "invalid_parameter");
    CHECK(body["error"]["message"].get<std::string>().rfind(name + ":", 0) == 0);
  }
  // No parameters: the last 90 days, weekly, of an empty store.
  const json empty = get(client, "/api/v1/admin/analytics");
  CHECK(empty["products"].empty());
  CHECK(empty["responses"]["total"]["reviews"] == 0);
  CHECK(empty["responses"]["total"]["reply_rate"].is_null());
  CHECK(empty["fairness"].size() == 5);
}
