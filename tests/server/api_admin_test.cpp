// Admin API, the audit log, verified-buyer links and per-reviewer data (GDPR).

#include <catch2/catch.hpp>

#include "http_util.hpp"
#include "review_link.hpp"
#include "test_server.hpp"
#include "vouch/snapshot.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

json submit(httplib::Client& client, const std::string& product, const std::string& body,
            const std::string& extra = "", const std::string& email = "mia@example.com") {
  json review = parse(review_json(4, body, extra));
  review["email"] = email;
  auto res = client.Post(("/api/v1/products/" + product + "/reviews").c_str(), review.dump(),
                         "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  return parse(res->body);
}

json admin_post(httplib::Client& client, const std::string& path, const json& body,
                int expected = 200, const char* token = kAdminToken) {
  auto res = client.Post(path.c_str(), admin_headers(token), body.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == expected);
  return parse(res->body);
}

json admin_get(httplib::Client& client, const std::string& path) {
  auto res = client.Get(path.c_str(), admin_headers());
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  return parse(res->body);
}

std::size_t published_count(httplib::Client& client, const std::string& product) {
  auto res = client.Get(("/api/v1/products/" + product + "/snapshot").c_str());
  REQUIRE(res);
  return vouch::Snapshot::from_json(res->body).value().size();
}

}  // namespace

TEST_CASE("admin needs a valid bearer token", "[admin]") {
  TestServer server;
  auto client = server.client();
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer wrong-token-0123456789"}},
        httplib::Headers{{"Authorization", std::string("Basic ") + kAdminToken}},
        httplib::Headers{{"Authorization", std::string("Bearer ") + kAdminToken + "x"}}}) {
    auto res = client.Get("/api/v1/admin/reviews", headers);
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(parse(res->body)["error"]["code"] == "unauthorized");
  }
  auto ok = client.Get("/api/v1/admin/reviews", admin_headers());
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(ok->get_header_value("Cache-Control") == "no-store");
}

TEST_CASE(
    "moderation: hold all, list by status with paging, approve / reject / hide / feature / reply / "
    "delete",
    "[admin][audit]") {
  TempDir scratch;
  auto config = test_config(scratch.path());
  config.moderation = vouch::server::ModerationMode::All;
  TestServer server(config);
  auto client = server.client();
  std::vector<std::string> ids;
  const char* bodies[] = {"First review body with enough words to pass.",
                          "Second review, about the zipper and lining.",
                          "Third one talks about delivery times and boxes."};
  for (const char* body : bodies) {
    json created = submit(client, "sku-1", body);
    CHECK(created["status"] == "pending");
    ids.push_back(created["id"]);
  }
  CHECK(published_count(client, "sku-1") == 0);

  json page = admin_get(client, "/api/v1/admin/reviews?status=pending&limit=2&offset=0");
  CHECK(page["total"] == 3);
  CHECK(page["reviews"].size() == 2);
  CHECK(page["reviews"][0]["email"] == "mia@example.com");
  json rest = admin_get(client, "/api/v1/admin/reviews?status=pending&limit=2&offset=2");
  CHECK(rest["reviews"].size() == 1);
  auto bad = client.Get("/api/v1/admin/reviews?status=great", admin_headers());
  CHECK(bad->status == 400);
  auto bad_limit = client.Get("/api/v1/admin/reviews?limit=0", admin_headers());
  CHECK(bad_limit->status == 400);

  const std::string base = "/api/v1/admin/reviews/";
  CHECK(admin_post(client, base + ids[0] + "/approve", json::object())["review"]["status"] ==
        "published");
  CHECK(published_count(client, "sku-1") == 1);

  // Rejection reasons are a fixed, sentiment-neutral list.
  admin_post(client, base + ids[1] + "/reject", {{"reason", "negative"}}, 400);
  admin_post(client, base + ids[1] + "/reject", json::object(), 400);
  json rejected = admin_post(client, base + ids[1] + "/reject", {{"reason", "off_topic"}}, 200,
                             kSecondAdminToken);
  CHECK(rejected["review"]["status"] == "rejected");
  CHECK(rejected["review"]["moderation_reason"] == "off_topic");

  CHECK(admin_post(client, base + ids[0] + "/feature",
                   {{"featured", true}})["review"]["featured"] == true);
  admin_post(client, base + ids[0] + "/feature", {{"featured", "yes"}}, 400);
  CHECK(admin_post(client, base + ids[0] + "/reply",
                   {{"text", "Thank you!"}})["review"]["reply"]["text"] == "Thank you!");
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/sku-1/snapshot")->body);
  REQUIRE(snapshot.ok());
  CHECK(snapshot.value().featured(0));
  CHECK(snapshot.value().reply_text(0) == "Thank you!");

  CHECK(admin_post(client, base + ids[0] + "/hide",
                   {{"reason", "personal_data"}})["review"]["status"] == "hidden");
  CHECK(published_count(client, "sku-1") == 0);

  auto deleted = client.Delete((base + ids[2] + "?note=ticket%2042").c_str(), admin_headers());
  REQUIRE(deleted);
  CHECK(deleted->status == 200);
  auto gone = client.Get((base + ids[2]).c_str(), admin_headers());
  CHECK(gone->status == 404);
  admin_post(client, base + "r-missing/approve", json::object(), 404);

  // The audit log has every action: who, when, what, why.
  json audit = admin_get(client, "/api/v1/admin/audit");
  std::vector<std::string> actions;
  for (const json& entry : audit["entries"]) {
    actions.push_back(entry["action"]);
    CHECK(entry["time"].get<std::string>().size() == 20);
  }
  CHECK(actions ==
        std::vector<std::string>{"delete", "hide", "reply", "feature", "reject", "approve"});
  CHECK(audit["entries"][4]["actor"] == "bob");
  CHECK(audit["entries"][4]["reason"] == "off_topic");
  CHECK(audit["entries"][0]["reason"] == "reviewer_request");
  CHECK(audit["entries"][0]["detail"] == "ticket 42");
  CHECK(audit["entries"][5]["actor"] == "alice");
  json one = admin_get(client, "/api/v1/admin/audit?review=" + ids[1]);
  CHECK(one["entries"].size() == 1);
}

TEST_CASE("verified buyers: valid, expired, tampered, reused, other product", "[admin][hmac]") {
  TestServer server;
  auto client = server.client();
  const std::int64_t now = server.app().now();
  const auto token_for = [&](const std::string& product, const std::string& order,
                             std::int64_t expires) {
    return vouch::server::sign_review_link({product, order, expires}, kHmacSecret);
  };
  const auto with_token = [](const std::string& token) {
    return "\"token\":" + json(token).dump();
  };

  const std::string valid = token_for("sku-1", "order-1", now + 3600);
  json first = submit(client, "sku-1", "Bought it last month, fits like a glove and looks sharp.",
                      with_token(valid));
  CHECK(first["verified"] == true);
  // Reused: the same order and product cannot verify a second review.
  json reused = submit(client, "sku-1", "Trying the same link again with a different body text.",
                       with_token(valid));
  CHECK(reused["verified"] == false);
  // Expired.
  json expired = submit(client, "sku-1", "An expired link should leave this review unverified.",
                        with_token(token_for("sku-1", "order-2", now - 1)));
  CHECK(expired["verified"] == false);
  // Tampered: the payload changed, the signature kept.
  std::string tampered = token_for("sku-1", "order-3", now + 3600);
  tampered[5] = tampered[5] == 'x' ? 'y' : 'x';
  json forged = submit(client, "sku-1", "A tampered token must not verify anything at all here.",
                       with_token(tampered));
  CHECK(forged["verified"] == false);
  // A link for another product.
  json other = submit(client, "sku-1", "Link for a different product is not valid for this one.",
                      with_token(token_for("sku-2", "order-4", now + 3600)));
  CHECK(other["verified"] == false);
  // Garbage: no error leaks, the review is simply unverified.
  json garbage = submit(client, "sku-1", "Complete garbage in the token field changes nothing.",
                        with_token("%%%"));
  CHECK(garbage["verified"] == false);
  CHECK(garbage.contains("error") == false);

  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/sku-1/snapshot")->body);
  REQUIRE(snapshot.ok());
  std::size_t verified = 0;
  for (std::size_t i = 0; i < snapshot.value().size(); ++i)
    verified += snapshot.value().verified(i) ? 1 : 0;
  CHECK(verified == 1);
  json admin = admin_get(client, "/api/v1/admin/reviews/" + first["id"].get<std::string>());
  CHECK(admin["review"]["verification"] == "verified_purchase");
  CHECK(admin["review"]["source"] == "invited");
}

TEST_CASE("per-reviewer data: export everything, erase by delete or anonymise, logged",
          "[admin][gdpr]") {
  TestServer server;
  auto client = server.client();
  submit(client, "sku-1", "Mia's first review talks about the collar.", "", "Mia@Example.com");
  submit(client, "sku-2", "Mia's second review is about the trousers.", "", "mia@example.com");
  submit(client, "sku-1", "Noah writes about something else entirely here.", "",
         "noah@example.com");

  json exported = admin_get(client, "/api/v1/admin/reviewers?email=mia@example.com");
  REQUIRE(exported["reviews"].size() == 2);
  CHECK(exported["reviews"][0]["ip"] == "127.0.0.1");
  CHECK(exported["reviews"][0].contains("body"));

  admin_post(client, "/api/v1/admin/reviewers/erase",
             {{"email", "mia@example.com"}, {"mode", "shred"}}, 400);
  json anonymised = admin_post(client, "/api/v1/admin/reviewers/erase",
                               {{"email", "mia@example.com"}, {"mode", "anonymise"}});
  CHECK(anonymised["reviews"].size() == 2);
  CHECK(admin_get(client, "/api/v1/admin/reviewers?email=mia@example.com")["reviews"].empty());
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/sku-2/snapshot")->body);
  REQUIRE(snapshot.value().size() == 1);
  CHECK(snapshot.value().author(0) == "Anonymous");

  json deleted = admin_post(client, "/api/v1/admin/reviewers/erase",
                            {{"email", "noah@example.com"}, {"mode", "delete"}});
  CHECK(deleted["reviews"].size() == 1);
  CHECK(published_count(client, "sku-1") == 1);

  json audit = admin_get(client, "/api/v1/admin/audit");
  std::vector<std::string> actions;
  for (const json& entry : audit["entries"]) actions.push_back(entry["action"]);
  CHECK(actions == std::vector<std::string>{"erase_reviewer", "export_reviewer", "erase_reviewer",
                                            "export_reviewer"});
  CHECK(audit.dump().find("mia@example.com") ==
        std::string::npos);  // the log does not keep the address
}
