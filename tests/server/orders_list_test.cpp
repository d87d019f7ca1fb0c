// The console's orders list (GET /api/v1/admin/orders): search by part of the
// order id or of the address (case-folded), the total counts what the search
// kept, and the read-only facts the Review requests page shows per order
// (reviews through the order's own links, the address unsubscribed).
#include <catch2/catch.hpp>

#include "db.hpp"
#include "http_util.hpp"
#include "requests/request_links.hpp"
#include "requests/unsubscribes.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

json list(httplib::Client& client, const std::string& query) {
  auto res = client.Get(("/api/v1/admin/orders" + query).c_str(), admin_headers());
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return json::parse(res->body);
}

std::vector<std::string> ids(const json& listed) {
  std::vector<std::string> out;
  for (const json& order : listed["orders"]) out.push_back(order["order_id"].get<std::string>());
  return out;
}

void exec(vouch::server::App& app, const std::string& sql) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement statement(app.db->handle(), sql);
  REQUIRE(statement.run());
}

}  // namespace

TEST_CASE("orders list: search by order id or address, total of what matched, hostile q",
          "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  const std::int64_t now = server.app().now();
  for (const auto& [id, email] :
       std::vector<std::pair<std::string, std::string>>{{"A-1001", "mia@example.com"},
                                                        {"A-1002", "Ben.Smith@Example.org"},
                                                        {"B-2001", "cy@example.net"}}) {
    auto res = client.Post("/api/v1/admin/orders", admin_headers(),
                           mug_order(id, email, now).dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
  }
  CHECK(list(client, "")["total"] == 3);
  json found = list(client, "?q=A-100");
  CHECK(found["total"] == 2);
  CHECK(ids(found).size() == 2);
  // The address matches case-folded, either way round.
  CHECK(ids(list(client, "?q=ben.smith%40EXAMPLE")) == std::vector<std::string>{"A-1002"});
  CHECK(ids(list(client, "?q=B-2001")) == std::vector<std::string>{"B-2001"});
  // The order id is matched as written (ids are case-sensitive).
  CHECK(list(client, "?q=a-1001")["total"] == 0);
  // Paging keeps the search: the total is the search's, not the page's.
  json page = list(client, "?q=A-&limit=1&offset=1");
  CHECK(page["total"] == 2);
  CHECK(page["orders"].size() == 1);
  // Hostile searches match nothing and break nothing; LIKE wildcards are plain text.
  for (const char* q : {"%25", "_", "%27%20OR%201%3D1%20--", "%00", "%FF%FE", "%5C"})
    CHECK(list(client, std::string("?q=") + q)["total"] == 0);
  auto too_long =
      client.Get(("/api/v1/admin/orders?q=" + std::string(201, 'a')).c_str(), admin_headers());
  REQUIRE(too_long);
  CHECK(too_long->status == 400);
  CHECK(json::parse(too_long->body)["error"]["code"] == "invalid_parameter");
}

TEST_CASE("orders list: reviews through the order's links and unsubscribed addresses",
          "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  const std::int64_t now = server.app().now();
  for (const std::string id : {"o-1", "o-2"}) {
    REQUIRE(client
                .Post("/api/v1/admin/orders", admin_headers(),
                      mug_order(id, id + "@example.com", now).dump(), "application/json")
                ->status == 201);
  }
  json before = list(client, "?q=o-1");
  REQUIRE(before["orders"].size() == 1);
  CHECK(before["orders"][0]["verified_reviews"] == 0);
  CHECK(before["orders"][0]["unsubscribed"] == false);
  exec(server.app(),
       "INSERT INTO verified_orders (product_id, order_id, review_id, used) VALUES ('mug', 'o-1', "
       "'r1', 1)");
  exec(server.app(),
       "INSERT INTO unsubscribes (email_key, created_at, how) VALUES ('o-2@example.com', 1, "
       "'page')");
  json after = list(client, "");
  REQUIRE(after["orders"].size() == 2);
  for (const json& order : after["orders"]) {
    const bool first = order["order_id"] == "o-1";
    CHECK(order["verified_reviews"] == (first ? 1 : 0));
    CHECK(order["unsubscribed"] == !first);
  }
}

TEST_CASE("erasing an address forgets its orders: no name, no address, no mail not yet sent",
          "[requests][erase]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  const std::int64_t now = server.app().now();
  for (const auto& [id, email] : std::vector<std::pair<std::string, std::string>>{
           {"E-1", "Mia@Example.com"}, {"E-2", "mia@example.com"}, {"E-3", "cy@example.net"}}) {
    auto res = client.Post("/api/v1/admin/orders", admin_headers(),
                           mug_order(id, email, now).dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
  }
  REQUIRE(ids(list(client, "?q=mia")).size() == 2);
  auto erased = client.Post("/api/v1/admin/reviewers/erase", admin_headers(),
                            json{{"email", "MIA@example.com"}, {"mode", "delete"}}.dump(),
                            "application/json");
  REQUIRE(erased);
  INFO(erased->body);
  REQUIRE(erased->status == 200);
  CHECK(json::parse(erased->body)["orders_forgotten"] == 2);
  // Nothing finds the address any more; the other customer's order is as it was.
  CHECK(list(client, "?q=mia")["total"] == 0);
  CHECK(ids(list(client, "?q=cy%40example")) == std::vector<std::string>{"E-3"});
  vouch::server::App& app = server.app();
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    vouch::server::Statement rows(
        app.db->handle(),
        "SELECT COUNT(*) FROM orders WHERE email LIKE '%mia%' OR customer_name <> '' AND "
        "order_id IN ('E-1', 'E-2')");
    REQUIRE(rows.step());
    CHECK(rows.integer(0) == 0);
    // Their scheduled requests are skipped as erased; the other order's still scheduled.
    vouch::server::Statement states(
        app.db->handle(),
        "SELECT order_id, state, skip_reason FROM review_requests ORDER BY order_id, sequence");
    int erased_rows = 0;
    while (states.step()) {
      if (states.text(0) == "E-3") {
        CHECK(states.text(1) == "scheduled");
      } else {
        CHECK(states.text(1) == "skipped");
        CHECK(states.text(2) == "erased");
        ++erased_rows;
      }
    }
    CHECK(erased_rows >= 2);
    // The audit row counts the orders, and never holds the address.
    vouch::server::Statement audit(
        app.db->handle(),
        "SELECT detail FROM audit_log WHERE action = 'erase_reviewer' ORDER BY id DESC LIMIT 1");
    REQUIRE(audit.step());
    CHECK(audit.text(0).find("2 orders") != std::string::npos);
    CHECK(audit.text(0).find("mia") == std::string::npos);
  }
  // The unsubscribe link of an erased order's request names nobody now.
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    vouch::server::Statement request(
        app.db->handle(), "SELECT id FROM review_requests WHERE order_id = 'E-1' LIMIT 1");
    REQUIRE(request.step());
    const std::string token =
        vouch::server::requests::sign_unsubscribe(request.integer(0), app.config.hmac_secret);
    CHECK_FALSE(
        vouch::server::requests::unsubscribe_target(*app.db, token, app.config.hmac_secret));
  }
  // The same order posted again is a conflict, not a way back in.
  auto again = client.Post("/api/v1/admin/orders", admin_headers(),
                           mug_order("E-1", "Mia@Example.com", now).dump(), "application/json");
  REQUIRE(again);
  CHECK(again->status == 409);
}
