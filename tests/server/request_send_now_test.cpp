// "Send now" (POST /api/v1/admin/requests/{id}/send-now): a scheduled request
// gets the scheduler's decision at once, with the clock unmoved; every check
// at send time still applies (unsubscribed, reviewed, too old, the cap); a request no
// longer scheduled answers 409 with where it is; unknown and hostile ids 404.
#include <catch2/catch.hpp>

#include "audit_log.hpp"
#include "db.hpp"
#include "http_util.hpp"
#include "requests/request_links.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

// Posts the order; the id of its scheduled request.
std::int64_t scheduled_request(httplib::Client& client, const std::string& id,
                               const std::string& email, std::int64_t fulfilled) {
  auto res = client.Post("/api/v1/admin/orders", admin_headers(),
                         mug_order(id, email, fulfilled).dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  return json::parse(res->body)["request"]["id"].get<std::int64_t>();
}

httplib::Result send_now_call(httplib::Client& client, const std::string& id) {
  return client.Post(("/api/v1/admin/requests/" + id + "/send-now").c_str(), admin_headers(), "",
                     "application/json");
}

vouch::server::Config send_now_config() {
  vouch::server::Config config = test_config("");
  config.upload_dir = "uploads";  // TestServer puts it in its own directory
  config.requests.delay_days = 7;
  config.requests.max_age_days = 5;  // a request due after 7 days is too old by then
  config.requests.cap_per_30_days = 1;
  return config;
}

}  // namespace

TEST_CASE("send now: the request goes out at once; the next reminder follows; twice is 409",
          "[requests][send-now]") {
  TestServer server(send_now_config(), true);
  vouch::server::App& app = server.app();
  auto client = server.client();
  const std::int64_t now = app.now();
  const std::int64_t id = scheduled_request(client, "o-now", "mia@example.com", now);
  CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 0);

  auto res = send_now_call(client, std::to_string(id));
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  const json answer = json::parse(res->body)["request"];
  CHECK(answer["id"] == id);
  CHECK(answer["state"] == "queued");
  CHECK(answer["mail_state"] == "queued");
  REQUIRE(answer["outbox_id"].is_number_integer());
  // The mail is in the outbox for the worker, the clock never moved.
  CHECK(count_rows(app,
                   "SELECT COUNT(*) FROM outbox WHERE kind = 'review_request' AND "
                   "to_address = 'mia@example.com' AND reference = 'request:" +
                       std::to_string(id) + "'") == 1);
  CHECK(count_rows(app, "SELECT COUNT(*) FROM review_requests WHERE id = " + std::to_string(id) +
                            " AND due_at = " + std::to_string(now) +
                            " AND queued_at = " + std::to_string(now)) == 1);
  // The reminder is scheduled from this send, as after a scheduled one.
  CHECK(count_rows(app,
                   "SELECT COUNT(*) FROM review_requests WHERE kind = 'reminder' AND "
                   "state = 'scheduled' AND due_at = " +
                       std::to_string(now + 5 * kDay)) == 1);

  // In the audit log: who sent which request ahead of its schedule.
  auto audit = vouch::server::list_audit(*app.db, "", 10, 0);
  REQUIRE(audit.ok());
  REQUIRE(!audit.value().empty());
  CHECK(audit.value().front().action == "request_send_now");
  CHECK(audit.value().front().detail == "request " + std::to_string(id));
  CHECK(!audit.value().front().actor.empty());

  res = send_now_call(client, std::to_string(id));
  REQUIRE(res);
  CHECK(res->status == 409);
  CHECK(code_of(res) == "not_scheduled");
  CHECK(count_rows(app, "SELECT COUNT(*) FROM audit_log WHERE action = 'request_send_now'") == 1);
  CHECK(json::parse(res->body)["request"]["state"] == "queued");
  CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 1);
}

TEST_CASE("send now never bypasses the checks at send time", "[requests][send-now]") {
  TestServer server(send_now_config(), true);
  vouch::server::App& app = server.app();
  auto client = server.client();
  const std::int64_t now = app.now();

  SECTION("the cap: a second mail to the address within 30 days is skipped") {
    const std::int64_t first = scheduled_request(client, "o-a", "cap@example.com", now);
    const std::int64_t second = scheduled_request(client, "o-b", "CAP@example.com", now);
    auto res = send_now_call(client, std::to_string(first));
    REQUIRE(res);
    CHECK(res->status == 200);
    res = send_now_call(client, std::to_string(second));
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["request"]["state"] == "skipped");
    CHECK(json::parse(res->body)["request"]["skip_reason"] == "cap");
    CHECK(json::parse(res->body)["request"]["outbox_id"].is_null());
    // Skipped is final: asking again is 409 with the reason.
    res = send_now_call(client, std::to_string(second));
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(json::parse(res->body)["request"]["skip_reason"] == "cap");
    CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 1);
  }
  SECTION("unsubscribed") {
    const std::int64_t id = scheduled_request(client, "o-u", "gone@example.com", now);
    const std::string token = vouch::server::requests::sign_unsubscribe(id, kHmacSecret);
    auto res = client.Post(("/api/v1/unsubscribe/" + token).c_str(), "List-Unsubscribe=One-Click",
                           "application/x-www-form-urlencoded");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    res = send_now_call(client, std::to_string(id));
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["request"]["skip_reason"] == "unsubscribed");
    CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 0);
  }
  SECTION("reviewed: the customer's address already reviewed every product of the order") {
    const std::int64_t id = scheduled_request(client, "o-r", "mia@example.com", now);
    submit_review(client, "mug", 4, "A review body that is long enough to pass the checks.");
    auto res = send_now_call(client, std::to_string(id));
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["request"]["skip_reason"] == "reviewed");
    CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 0);
  }
  SECTION("too old: fulfilled longer ago than max_age_days") {
    const std::int64_t id = scheduled_request(client, "o-old", "old@example.com", now);
    app.clock_offset.fetch_add(6 * kDay);  // not due yet (7 days), too old (5 days)
    auto res = send_now_call(client, std::to_string(id));
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(json::parse(res->body)["request"]["skip_reason"] == "too_old");
    CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 0);
  }
}

TEST_CASE("send now: unknown and hostile ids are 404; nothing changes", "[requests][send-now]") {
  TestServer server(send_now_config(), true);
  vouch::server::App& app = server.app();
  auto client = server.client();
  const std::int64_t id = scheduled_request(client, "o-h", "h@example.com", app.now());
  for (const std::string& hostile :
       {std::string("999999"), std::string("0"), std::string("-1"), std::string("abc"),
        std::string("1e3"), std::string("%20") + std::to_string(id), std::to_string(id) + "%00",
        std::string("0x1"), std::string("+") + std::to_string(id),
        std::string("99999999999999999999999"), std::string(300, '9'),
        std::string("%27%20OR%201=1--"), std::string("1.0")}) {
    INFO(hostile);
    auto res = send_now_call(client, hostile);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(code_of(res) == "not_found");
  }
  CHECK(count_rows(app, "SELECT COUNT(*) FROM review_requests WHERE state = 'scheduled'") == 1);
  CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 0);
  // Without a token: 401, nothing sent.
  auto res = client.Post(("/api/v1/admin/requests/" + std::to_string(id) + "/send-now").c_str(), "",
                         "application/json");
  REQUIRE(res);
  CHECK(res->status == 401);
  CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox") == 0);
}
