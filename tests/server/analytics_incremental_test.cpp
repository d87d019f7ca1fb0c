// The incremental analytics cache (issue 16) against a from-scratch answer:
// random sequences (fixed seeds) of inserts, updates and deletes of reviews,
// moderation decisions, replies and tag corrections, through SQL on the
// server's connection and through the admin API, with the full JSON of the
// cached answer compared to the JSON a fresh cache computes over the same
// database; across an empty store and a time-zone change too.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "analytics/analytics_report.hpp"
#include "http_util.hpp"
#include "test_server.hpp"

using vouch::server::json;
using vouch::server::Statement;
using namespace vouch_test;

namespace {

const char* const kTexts[] = {
    "The quality is poor and the stitching came loose after a week.",
    "The parcel arrived two weeks late and the box was crushed.",
    "Great quality fabric, it feels soft and looks expensive.",
    "Shipping was fast and the packaging was neat.",
    "物流太慢，等了两个星期。",
    "质量差，穿了一次就开线了。",
    "質量很好，發貨很快。",
    "尺码合适，穿着舒服。",
    "Poor quality, the zipper broke. Poor quality again.",
};
const char* const kTags[] = {"quality", "logistics", "service", "fit", "value"};
const char* const kPaths[] = {
    "/api/v1/admin/analytics?from=2026-05-20&to=2026-07-10&period=week",
    "/api/v1/admin/analytics?from=2026-05-01&to=2026-07-31&period=month&product=sku-1",
};

int send(httplib::Client& client, const std::string& method, const std::string& path,
         const json& body) {
  httplib::Result res =
      method == "DELETE" ? client.Delete(path.c_str(), admin_headers())
      : method == "PATCH"
          ? client.Patch(path.c_str(), admin_headers(), body.dump(), "application/json")
          : client.Post(path.c_str(), admin_headers(), body.dump(), "application/json");
  REQUIRE(res);
  return res->status;
}

std::string answer(httplib::Client& client, const std::string& path) {
  auto res = client.Get(path.c_str(), admin_headers());
  REQUIRE(res);
  INFO(path << " -> " << res->body);
  REQUIRE(res->status == 200);
  return res->body;
}

// The cached answer, then the answer of a cache made afresh (put back after).
void check_same(TestServer& server, httplib::Client& client, int step) {
  for (const char* path : kPaths) {
    const std::string incremental = answer(client, path);
    auto kept = server.app().analytics_cache;
    server.app().analytics_cache.reset();
    const std::string scratch = answer(client, path);
    server.app().analytics_cache = kept;
    INFO("step " << step << " " << path);
    CHECK(json::parse(incremental) == json::parse(scratch));
  }
}

void insert_review(vouch::server::App& app, const std::string& id, const std::string& product,
                   int rating, const std::string& body, std::int64_t created,
                   const std::string& status) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Statement review(app.db->handle(),
                   "INSERT INTO reviews (id, product_id, status, rating, title, body, author, "
                   "created, updated, media) VALUES (?1, ?2, ?3, ?4, 'T', ?5, 'A', ?6, ?6, ?7)");
  review.bind(1, id).bind(2, product).bind(3, status).bind_int(4, rating).bind(5, body);
  review.bind(6, created).bind(7, created % 3 == 0 ? "[\"p.jpg\"]" : "[]");
  REQUIRE(review.run().ok());
  Statement item(app.db->handle(),
                 "INSERT INTO inbox_items (review_id, arrived_at, due_at, rating, status, "
                 "product_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  item.bind(1, id).bind(2, created).bind(3, created + 86400).bind_int(4, rating);
  item.bind(5, status).bind(6, product);
  REQUIRE(item.run().ok());
}

void run_sequence(unsigned seed) {
  TestServer server;
  std::int64_t now = kT0 + 60 * 86400;
  server.app().now = [&now] { return now; };
  auto client = server.client();
  std::mt19937 random(seed);
  const auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  std::vector<std::string> ids;
  int next = 0;

  check_same(server, client, -1);  // the empty store
  for (int step = 0; step < 120; ++step) {
    now += 37;
    const std::size_t op = ids.empty() ? 0 : below(8);
    const std::string id = ids.empty() ? "" : ids[below(ids.size())];
    const std::string base = "/api/v1/admin/reviews/" + id;
    if (op <= 1) {
      const std::string fresh = "r" + std::to_string(seed) + "-" + std::to_string(next++);
      const char* const statuses[] = {"published", "pending", "rejected", "hidden"};
      insert_review(server.app(), fresh, "sku-" + std::to_string(below(3)),
                    static_cast<int>(1 + below(5)), kTexts[below(std::size(kTexts))],
                    kT0 + static_cast<std::int64_t>(below(40 * 86400)),
                    statuses[below(3) == 0 ? below(4) : 0]);
      ids.push_back(fresh);
    } else if (op == 2) {  // an edit: text and stars
      std::lock_guard<std::recursive_mutex> lock(server.app().db->mutex());
      Statement edit(server.app().db->handle(),
                     "UPDATE reviews SET body = ?1, rating = ?2 WHERE id = ?3");
      edit.bind(1, kTexts[below(std::size(kTexts))]).bind_int(2, static_cast<int>(1 + below(5)));
      edit.bind(3, id);
      REQUIRE(edit.run().ok());
    } else if (op == 3) {
      const char* const actions[] = {"approve", "reject", "hide"};
      const std::string action = actions[below(3)];
      send(client, "POST", base + "/" + action,
           action == "approve" ? json::object() : json{{"reason", "spam"}});
    } else if (op == 4) {  // a tag correction (none at all too)
      json tags = json::array();
      for (const char* tag : kTags)
        if (below(3) == 0) tags.push_back(tag);
      CHECK(send(client, "PATCH", "/api/v1/admin/inbox/" + id, {{"tags", tags}}) == 200);
    } else if (op == 5) {
      send(client, "POST", base + "/reply", {{"text", "Thank you for telling us."}});
    } else if (op == 6) {
      CHECK(send(client, "DELETE", base, json::object()) < 300);
      ids.erase(std::find(ids.begin(), ids.end(), id));
    } else {
      check_same(server, client, step);
    }
    if (step == 60) {  // the store moves to Berlin
      vouch::server::Config config = server.app().config;
      config.time_zone = "Europe/Berlin";
      auto settings = vouch::server::inbox::make_inbox_settings(config);
      REQUIRE(settings.ok());
      server.app().inbox = std::move(settings.value());
      server.app().config = config;
    }
    if (step % 10 == 9) check_same(server, client, step);
  }
  // Everything gone again: an empty store after writes.
  for (const std::string& id : ids)
    CHECK(send(client, "DELETE", "/api/v1/admin/reviews/" + id, json::object()) < 300);
  check_same(server, client, 1000);
  CHECK(json::parse(answer(client, kPaths[0]))["products"].empty());
}

}  // namespace

TEST_CASE("analytics cache: incremental answers equal answers from scratch",
          "[analytics][incremental]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    run_sequence(seed);
  }
}
