// Review requests (issue 18): orders in over the admin API, the scheduler's
// decisions with a moved clock (delay, reminders, caps, reviewed products,
// unsubscribes), the mail it queues in the outbox (both parts, links with
// valid tokens, the one-click header, the customer's locale), the star-link
// redirect to a verified review, and hostile orders and tokens.
#include <algorithm>
#include <catch2/catch.hpp>

#include "db.hpp"
#include "http_util.hpp"
#include "requests/request_links.hpp"
#include "requests/request_scheduler.hpp"
#include "review_link.hpp"
#include "test_server.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

json order_json(const std::string& id, const std::string& email, std::int64_t fulfilled,
                const std::string& locale = "en", std::vector<std::string> products = {"mug"}) {
  json items = json::array();
  for (const std::string& p : products)
    items.push_back({{"product", p},
                     {"name", "The <b>" + p + "</b>"},
                     {"url", "https://shop.example/products/" + p + "?ref=x#top"},
                     {"image", "https://shop.example/img/" + p + ".png"}});
  return {{"order_id", id},
          {"customer", {{"name", "Mia"}, {"email", email}, {"locale", locale}}},
          {"items", items},
          {"fulfilled_at", fulfilled}};
}

httplib::Result post_order(httplib::Client& client, const json& order) {
  return client.Post("/api/v1/admin/orders", admin_headers(), order.dump(), "application/json");
}

struct OutboxRow {
  std::string kind, to, subject, text, html, unsubscribe, reference;
};

std::vector<OutboxRow> outbox_rows(vouch::server::App& app) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement rows(app.db->handle(),
                                "SELECT kind, to_address, subject, text_body, html_body, "
                                "list_unsubscribe, reference FROM outbox ORDER BY id");
  std::vector<OutboxRow> out;
  while (rows.step())
    out.push_back({rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4),
                   rows.text(5), rows.text(6)});
  return out;
}

std::vector<std::pair<std::string, std::string>> request_states(vouch::server::App& app) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement rows(app.db->handle(),
                                "SELECT state, skip_reason FROM review_requests ORDER BY id");
  std::vector<std::pair<std::string, std::string>> out;
  while (rows.step()) out.emplace_back(rows.text(0), rows.text(1));
  return out;
}

void advance(TestServer& server, std::int64_t seconds) {
  server.app().clock_offset.fetch_add(seconds);
  auto done = vouch::server::requests::process_due(server.app());
  REQUIRE(done.ok());
}

// The first star link for `stars` in a text part ("... 4 stars: URL", any locale).
std::string star_url(const std::string& text, int stars) {
  const std::size_t at = text.find("&rating=" + std::to_string(stars) + "&token=");
  REQUIRE(at != std::string::npos);
  const std::size_t start = text.rfind("http://", at);
  return text.substr(start, text.find('\n', at) - start);
}

std::string path_of(const std::string& url) {
  const std::string origin = "http://reviews.test";
  REQUIRE(url.rfind(origin, 0) == 0);
  return url.substr(origin.size());
}

std::string query_value(const std::string& url, const std::string& name) {
  const std::size_t at = url.find(name + "=");
  REQUIRE(at != std::string::npos);
  const std::size_t start = at + name.size() + 1;
  const std::size_t end = url.find_first_of("&#", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("an order schedules one request after the delay; the mail has both parts and valid links",
          "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  const std::int64_t now = server.app().now();
  auto res =
      post_order(client, order_json("o-1", "Mia@Example.com", now, "de-CH", {"mug", "scarf"}));
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  const json created = parse(res->body);
  CHECK(created["created"] == true);
  CHECK(created["request"]["due"] == vouch::format_utc(now + 7 * kDay));

  // The same order again: nothing new; other content under the same id: 409.
  res = post_order(client, order_json("o-1", "Mia@Example.com", now, "de-CH", {"mug", "scarf"}));
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(parse(res->body)["created"] == false);
  res = post_order(client, order_json("o-1", "other@example.com", now, "de-CH", {"mug", "scarf"}));
  REQUIRE(res);
  CHECK(res->status == 409);

  advance(server, 7 * kDay - 60);
  CHECK(outbox_rows(server.app()).empty());
  advance(server, 120);
  const std::vector<OutboxRow> rows = outbox_rows(server.app());
  REQUIRE(rows.size() == 1);
  const OutboxRow& mail = rows[0];
  CHECK(mail.kind == "review_request");
  CHECK(mail.to == "Mia@Example.com");
  CHECK(mail.reference.rfind("request:", 0) == 0);
  // The customer's locale (de-CH -> de) picks the catalogue.
  CHECK(mail.subject == "Wie war Ihre Bestellung bei Test Store?");
  CHECK(mail.text.find("Hallo Mia,") != std::string::npos);
  // One row per product, escaped once in HTML, five star links each.
  CHECK(mail.html.find("The &lt;b&gt;mug&lt;/b&gt;") != std::string::npos);
  CHECK(mail.html.find("The &lt;b&gt;scarf&lt;/b&gt;") != std::string::npos);
  CHECK(mail.html.find("<b>") == std::string::npos);
  std::size_t links = 0;
  for (std::size_t at = mail.html.find("data-vouch-rating="); at != std::string::npos;
       at = mail.html.find("data-vouch-rating=", at + 1))
    ++links;
  CHECK(links == 10);
  CHECK(mail.unsubscribe.rfind("http://reviews.test/api/v1/unsubscribe/", 0) == 0);
  CHECK(mail.html.find(vouch::render::escape(mail.unsubscribe)) != std::string::npos);

  // The 4-star link of the first product carries a valid review token for it.
  const std::string link = star_url(mail.text, 4);
  const std::string token = query_value(link, "token");
  auto verified = vouch::server::verify_review_link(token, kHmacSecret, server.app().now());
  REQUIRE(verified.ok());
  CHECK(verified.value().product_id == "mug");
  CHECK(verified.value().order_id == "o-1");
}

TEST_CASE("a star link counts the click, lands on the product page and makes a verified review",
          "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  REQUIRE(post_order(client, order_json("o-2", "ann@example.com", server.app().now()))->status ==
          201);
  advance(server, 7 * kDay + 1);
  const std::vector<OutboxRow> rows = outbox_rows(server.app());
  REQUIRE(rows.size() == 1);
  const std::string link = star_url(rows[0].text, 5);
  auto res = client.Get(path_of(link).c_str());
  REQUIRE(res);
  REQUIRE(res->status == 303);
  const std::string location = res->get_header_value("Location");
  CHECK(location.rfind("https://shop.example/products/mug?ref=x&review_token=", 0) == 0);
  CHECK(location.find("&vouch_rating=5#top") != std::string::npos);
  {
    std::lock_guard<std::recursive_mutex> lock(server.app().db->mutex());
    vouch::server::Statement clicks(server.app().db->handle(),
                                    "SELECT COUNT(*), MAX(rating) FROM request_clicks");
    REQUIRE(clicks.step());
    CHECK(clicks.integer(0) == 1);
    CHECK(clicks.integer(1) == 5);
  }
  // A tampered token, another product, a rating out of range: the problem page, no redirect.
  for (const std::string& bad :
       {link + "x",
        link.substr(0, link.find("product=")) +
            "product=scarf&rating=5&token=" + query_value(link, "token"),
        link.substr(0, link.find("rating=")) + "rating=9&token=" + query_value(link, "token")}) {
    auto refused = client.Get(path_of(bad).c_str());
    REQUIRE(refused);
    CHECK(refused->status == 404);
    CHECK(refused->get_header_value("Location").empty());
  }
  // The token from the landing URL makes the shopper's review verified.
  const std::string token = query_value(location, "review_token");
  json review = parse(review_json(5, "Lovely mug, keeps the tea warm for a long time."));
  review["token"] = token;
  review["email"] = "ann@example.com";
  res = client.Post("/api/v1/products/mug/reviews", review.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  CHECK(parse(res->body)["verified"] == true);

  // The reminder finds nothing left to review: skipped, no second mail.
  advance(server, 5 * kDay + 1);
  CHECK(outbox_rows(server.app()).size() == 1);
  const auto states = request_states(server.app());
  REQUIRE(states.size() == 2);
  CHECK(states[1] == std::make_pair(std::string("skipped"), std::string("reviewed")));
}

TEST_CASE("a reminder asks only about the products not reviewed yet", "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  REQUIRE(post_order(client, order_json("o-3", "bo@example.com", server.app().now(), "en",
                                        {"mug", "scarf"}))
              ->status == 201);
  advance(server, 7 * kDay + 1);
  // The customer reviews the mug without the link (same address): it counts.
  json review = parse(review_json(3, "The mug is fine, the handle is a bit small for me."));
  review["email"] = "BO@example.com";
  REQUIRE(client.Post("/api/v1/products/mug/reviews", review.dump(), "application/json")->status ==
          201);
  advance(server, 5 * kDay + 1);
  const std::vector<OutboxRow> rows = outbox_rows(server.app());
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].kind == "reminder");
  CHECK(rows[1].subject == "A quick reminder: your review for Test Store");
  CHECK(rows[1].html.find("&lt;b&gt;scarf") != std::string::npos);
  CHECK(rows[1].html.find("&lt;b&gt;mug") == std::string::npos);
  // Only one reminder by default.
  advance(server, 30 * kDay);
  CHECK(outbox_rows(server.app()).size() == 2);
}

TEST_CASE("unsubscribe: GET asks, one-click POST records it for good; hostile tokens refused",
          "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  REQUIRE(
      post_order(client, order_json("o-4", "cy@example.com", server.app().now(), "fr"))->status ==
      201);
  advance(server, 7 * kDay + 1);
  const std::vector<OutboxRow> rows = outbox_rows(server.app());
  REQUIRE(rows.size() == 1);
  const std::string path = path_of(rows[0].unsubscribe);
  auto page = client.Get(path.c_str());
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<form method=\"post\"") != std::string::npos);
  CHECK(page->body.find("Se désabonner") != std::string::npos);
  // GET changes nothing (link scanners fetch it).
  REQUIRE(
      post_order(client, order_json("o-5", "CY@example.com", server.app().now(), "fr"))->status ==
      201);
  auto done =
      client.Post(path.c_str(), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
  REQUIRE(done);
  CHECK(done->status == 200);
  advance(server, 7 * kDay + 1);
  CHECK(outbox_rows(server.app()).size() == 1);
  const auto states = request_states(server.app());
  CHECK(std::count(states.begin(), states.end(),
                   std::make_pair(std::string("skipped"), std::string("unsubscribed"))) == 2);

  // Tampered, truncated, a review token in its place, a signed id of nothing.
  const std::string token = path.substr(path.rfind('/') + 1);
  const std::string review_token =
      vouch::server::sign_review_link({"mug", "o-4", server.app().now() + kDay}, kHmacSecret);
  for (const std::string& bad :
       {token + "A", token.substr(0, token.size() - 2), review_token,
        vouch::server::requests::sign_unsubscribe(999999, kHmacSecret), std::string("a.b")}) {
    const std::string target =
        "/api/v1/unsubscribe/" + vouch::server::requests::percent_encode(bad);
    auto refused = client.Post(target.c_str(), "List-Unsubscribe=One-Click",
                               "application/x-www-form-urlencoded");
    REQUIRE(refused);
    CHECK(refused->status == 404);
  }
}

TEST_CASE("caps hold across orders; old orders get no mail", "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  const std::int64_t now = server.app().now();
  for (const char* id : {"c-1", "c-2", "c-3"})
    REQUIRE(
        post_order(client, order_json(id, "dee@example.com", now, "en", {std::string("p-") + id}))
            ->status == 201);
  REQUIRE(post_order(client, order_json("old", "eve@example.com", now - 90 * kDay))->status == 201);
  advance(server, 7 * kDay + 1);
  // Default cap: 2 mails per address in 30 days.
  CHECK(outbox_rows(server.app()).size() == 2);
  const auto states = request_states(server.app());
  CHECK(std::count(states.begin(), states.end(),
                   std::make_pair(std::string("skipped"), std::string("cap"))) == 1);
  CHECK(std::count(states.begin(), states.end(),
                   std::make_pair(std::string("skipped"), std::string("too_old"))) == 1);
}

TEST_CASE("hostile orders are refused with the field and why; nothing is stored", "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  const std::int64_t now = server.app().now();
  struct Case {
    json order;
    std::string field;
  };
  json too_many = order_json("m", "a@example.com", now);
  for (int i = 0; i < 60; ++i) too_many["items"].push_back(too_many["items"][0]);
  std::vector<Case> cases = {
      {order_json("x", "not-an-address", now), "customer.email"},
      {order_json("x\"<", "a@example.com", now), "order_id"},
      {order_json("x", "a@example.com", now + 30 * kDay), "fulfilled_at"},
      {order_json("x", "a@example.com", now), "items[0].url"},
      {order_json("x", "a@example.com", now), "customer.name"},
      {order_json("x", "a@example.com", now), "items[1].product"},
      {too_many, "items"},
      {json::array(), ""},
  };
  cases[3].order["items"][0]["url"] = "javascript:alert(1)";
  cases[4].order["customer"]["name"] = "Mia\r\nBcc: victim@example.com";
  cases[5].order["items"].push_back(cases[5].order["items"][0]);
  for (const Case& c : cases) {
    auto res = post_order(client, c.order);
    REQUIRE(res);
    INFO(res->body);
    if (c.order.is_array()) {  // not an object: refused before the validator
      CHECK(res->status == 400);
      continue;
    }
    REQUIRE(res->status == 422);
    const json answer = parse(res->body);
    bool named = false;
    for (const json& e : answer["errors"]) named = named || e["field"] == c.field;
    CHECK(named);
  }
  auto listed = client.Get("/api/v1/admin/orders", admin_headers());
  REQUIRE(listed);
  CHECK(parse(listed->body)["total"] == 0);
}

TEST_CASE("request templates: edited per locale, checked, previewed, used by the next mail",
          "[requests]") {
  TestServer server(vouch::server::Config{}, true);
  auto client = server.client();
  auto bad = client.Put("/api/v1/admin/request-templates/request/en", admin_headers(),
                        json{{"subject", "Hi {first_name}\nBcc: x"}}.dump(), "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 422);
  auto good = client.Put("/api/v1/admin/request-templates/request/en", admin_headers(),
                         json{{"subject", "{customer_name}, a word on {store_name}?"}}.dump(),
                         "application/json");
  REQUIRE(good);
  INFO(good->body);
  CHECK(good->status == 200);
  auto preview =
      client.Post("/api/v1/admin/request-templates/preview", admin_headers(),
                  json{{"kind", "request"}, {"locale", "en"}}.dump(), "application/json");
  REQUIRE(preview);
  CHECK(parse(preview->body)["subject"] == "Alex, a word on Test Store?");
  auto send = client.Post("/api/v1/admin/request-templates/test-send", admin_headers(),
                          json{{"kind", "request"}, {"locale", "en"}}.dump(), "application/json");
  REQUIRE(send);
  CHECK(send->status == 409);  // no requests.owner_email configured
  REQUIRE(post_order(client, order_json("t-1", "fay@example.com", server.app().now()))->status ==
          201);
  advance(server, 7 * kDay + 1);
  const std::vector<OutboxRow> rows = outbox_rows(server.app());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].subject == "Mia, a word on Test Store?");
}

TEST_CASE("the requests member of the config file is read (ranges, unknown members)",
          "[requests][config]") {
  auto parsed = vouch::server::parse_config(
      R"({"requests": {"enabled": false, "delay_days": 0, "reminders": 3, "reminder_after_days": 2,
          "cap_per_30_days": 5, "max_age_days": 10, "link_days": 30,
          "owner_email": "owner@shop.example"}})",
      ".");
  REQUIRE(parsed);
  const auto& r = parsed.value().requests;
  CHECK_FALSE(r.enabled);
  CHECK(r.delay_days == 0);
  CHECK(r.reminders == 3);
  CHECK(r.reminder_after_days == 2);
  CHECK(r.cap_per_30_days == 5);
  CHECK(r.max_age_days == 10);
  CHECK(r.link_days == 30);
  CHECK(r.owner_email == "owner@shop.example");
  for (const auto& [text, path] : std::vector<std::pair<std::string, std::string>>{
           {R"({"requests": {"delay_dayz": 1}})", "requests.delay_dayz"},
           {R"({"requests": {"reminders": 4}})", "requests.reminders"},
           {R"({"requests": []})", "requests"}}) {
    INFO(text);
    auto refused = vouch::server::parse_config(text, ".");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().path == path);
  }
}
