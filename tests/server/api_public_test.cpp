// The public API against a real server: snapshots, summaries, fragment,
// submissions (JSON and multipart), votes, reports, photos, and every error.

#include <catch2/catch.hpp>

#include "exporter.hpp"
#include "http_util.hpp"
#include "review_store.hpp"
#include "shared_data.hpp"
#include "test_images.hpp"
#include "test_server.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"

using vouch::server::json;
using namespace vouch_test;

namespace {

const char* const kBodies[] = {
    "The linen is soft and the stitching feels solid after many washes.",
    "Runs a little small in the shoulders, so consider sizing up next time.",
    "Colour matches the photos exactly and the fabric breathes in summer.",
    "Arrived quickly, packaging was plastic free, and the buttons are sturdy.",
    "I wear it to work every week; it keeps its shape through the day.",
};

std::string post_review(httplib::Client& client, const std::string& product, int rating,
                        const std::string& body, int expected_status = 201) {
  auto res = client.Post(("/api/v1/products/" + product + "/reviews").c_str(),
                         review_json(rating, body), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == expected_status);
  return parse(res->body).value("id", "");
}

std::string error_code(const httplib::Result& res) {
  REQUIRE(res);
  const json body = parse(res->body);
  REQUIRE(body.is_object());
  REQUIRE(body.contains("error"));
  return body["error"].value("code", "");
}

}  // namespace

TEST_CASE("submit, then read the snapshot as JSON and binary with ETags", "[api][snapshot]") {
  TestServer server;
  auto client = server.client();
  const std::string id = post_review(client, "sku-1", 5, kBodies[0]);
  post_review(client, "sku-1", 3, kBodies[1]);

  auto res = client.Get("/api/v1/products/sku-1/snapshot");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
  CHECK(res->get_header_value("Cache-Control").find("max-age=") != std::string::npos);
  CHECK(res->get_header_value("Access-Control-Allow-Origin") == "*");
  auto snapshot = vouch::Snapshot::from_json(res->body);
  REQUIRE(snapshot.ok());
  CHECK(snapshot.value().size() == 2);
  CHECK(snapshot.value().product().id == "sku-1");
  CHECK(res->body.find("mia@example.com") == std::string::npos);  // e-mails never leave the server
  const std::string etag = res->get_header_value("ETag");
  REQUIRE(etag.size() > 2);

  auto cached = client.Get("/api/v1/products/sku-1/snapshot", {{"If-None-Match", etag}});
  REQUIRE(cached);
  CHECK(cached->status == 304);
  CHECK(cached->body.empty());

  auto binary =
      client.Get("/api/v1/products/sku-1/snapshot", {{"Accept", "application/vnd.vouch.snapshot"}});
  REQUIRE(binary);
  CHECK(binary->status == 200);
  CHECK(binary->get_header_value("Content-Type") == "application/vnd.vouch.snapshot");
  CHECK(binary->get_header_value("ETag") != etag);
  auto decoded = vouch::Snapshot::from_binary(binary->body);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().to_json() == snapshot.value().to_json());

  // A write invalidates the cached snapshot: the old ETag no longer matches.
  post_review(client, "sku-1", 4, kBodies[2]);
  auto after = client.Get("/api/v1/products/sku-1/snapshot", {{"If-None-Match", etag}});
  REQUIRE(after);
  CHECK(after->status == 200);
  CHECK(vouch::Snapshot::from_json(after->body).value().size() == 3);

  // Unknown products have an empty snapshot, not an error.
  auto empty = client.Get("/api/v1/products/nothing-here/snapshot");
  REQUIRE(empty);
  CHECK(empty->status == 200);
  CHECK(vouch::Snapshot::from_json(empty->body).value().size() == 0);
}

TEST_CASE("summaries for many products at once", "[api][summaries]") {
  TestServer server;
  auto client = server.client();
  post_review(client, "a", 5, kBodies[0]);
  post_review(client, "a", 4, kBodies[1]);
  post_review(client, "b", 1, kBodies[2]);
  auto res = client.Get("/api/v1/summaries?products=a,b,c");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  const json summaries = parse(res->body)["summaries"];
  CHECK(summaries["a"]["count"] == 2);
  CHECK(summaries["a"]["average"] == "4.5");
  CHECK(summaries["a"]["histogram"] == json::array({0, 0, 0, 1, 1}));
  CHECK(summaries["b"]["average"] == "1.0");
  CHECK(summaries["c"]["count"] == 0);

  // A static store's badges read the exported summaries.json: the same members
  // as the API (average_tenths included), by the one serializer.
  TempDir out;
  REQUIRE(vouch::server::export_static(server.app(), out.path() + "/site").ok());
  const json exported = parse(read_file(out.path() + "/site/summaries.json"))["summaries"];
  CHECK(exported["a"] == summaries["a"]);
  CHECK(exported["b"] == summaries["b"]);
  CHECK(exported["a"]["average_tenths"] == 45);

  CHECK(error_code(client.Get("/api/v1/summaries")) == "invalid_parameter");
  std::string many;
  for (int i = 0; i < 101; ++i) many += "p" + std::to_string(i) + ",";
  CHECK(error_code(client.Get(("/api/v1/summaries?products=" + many).c_str())) ==
        "invalid_parameter");
}

TEST_CASE("fragment: core-rendered markup plus JSON-LD", "[api][fragment]") {
  TestServer server;
  auto client = server.client();
  post_review(client, "sku-9", 5,
              "Tiny <script>alert(1)</script> test of escaping in a long enough body.");
  auto res = client.Get("/api/v1/products/sku-9/fragment");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("text/html", 0) == 0);
  CHECK(res->body.find("application/ld+json") != std::string::npos);
  CHECK(res->body.find("AggregateRating") != std::string::npos);
  CHECK(res->body.find("<script>alert(1)") == std::string::npos);  // escaped everywhere
  CHECK(res->body.find("Tiny") != std::string::npos);
}

TEST_CASE("submission errors: 422 with the core's localized messages", "[api][submit]") {
  TestServer server;
  auto client = server.client();
  auto res = client.Post("/api/v1/products/sku-1/reviews", R"({"rating": 7, "body": "short"})",
                         "application/json");
  REQUIRE(res);
  CHECK(res->status == 422);
  json body = parse(res->body);
  REQUIRE(body["errors"].is_array());
  bool rating_error = false;
  for (const json& error : body["errors"]) {
    CHECK(error.contains("field"));
    CHECK(error.contains("code"));
    CHECK(error.contains("message"));
    if (error["field"] == "rating") {
      rating_error = true;
      CHECK(error["code"] == "out_of_range");
      CHECK(error["params"]["max"] == 5);
    }
  }
  CHECK(rating_error);

  auto german =
      client.Post("/api/v1/products/sku-1/reviews", {{"Accept-Language", "de-DE,de;q=0.9"}},
                  R"({"rating": 7, "body": "short"})", "application/json");
  REQUIRE(german);
  CHECK(german->status == 422);
  CHECK(parse(german->body)["errors"][0]["message"] != body["errors"][0]["message"]);
}

TEST_CASE("malformed requests get a 4xx JSON error, never a 5xx", "[api][errors]") {
  TestServer server;
  auto client = server.client();
  CHECK(error_code(client.Post("/api/v1/products/sku-1/reviews", "{nope", "application/json")) ==
        "invalid_json");
  CHECK(error_code(client.Post("/api/v1/products/sku-1/reviews", "[1,2]", "application/json")) ==
        "invalid_json");
  CHECK(error_code(client.Post("/api/v1/products/sku-1/reviews",
                               std::string("{\"body\":\"\xff\xfe\"}"), "application/json")) ==
        "invalid_utf8");
  CHECK(error_code(client.Post("/api/v1/products/sku-1/reviews", "rating=5",
                               "application/x-www-form-urlencoded")) == "unsupported_media_type");
  CHECK(error_code(client.Post("/api/v1/products/sku-1/reviews",
                               review_json(5, std::string(70000, 'a')), "application/json")) ==
        "payload_too_large");
  CHECK(error_code(client.Get("/api/v1/no/such/route")) == "not_found");
  CHECK(error_code(client.Get("/api/v1/products/%22quoted%22/snapshot")) == "invalid_id");
  CHECK(error_code(client.Get("/api/v1/products/a%00b/snapshot")) == "invalid_id");

  // Oversized headers are refused by the HTTP layer, still as JSON.
  auto huge = client.Get("/api/v1/health", {{"X-Huge", std::string(20000, 'h')}});
  if (huge) {
    CHECK(huge->status >= 400);
    CHECK(huge->status < 500);
  }
  // And the server is still alive afterwards.
  auto health = client.Get("/api/v1/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(parse(health->body)["ok"] == true);
}

TEST_CASE("idempotency key: a retried submission creates one review", "[api][submit]") {
  TestServer server;
  auto client = server.client();
  httplib::Headers headers = {{"Idempotency-Key", "retry-1234"}};
  auto first = client.Post("/api/v1/products/sku-1/reviews", headers, review_json(4, kBodies[0]),
                           "application/json");
  auto second = client.Post("/api/v1/products/sku-1/reviews", headers, review_json(4, kBodies[0]),
                            "application/json");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 201);
  CHECK(second->status == 201);
  CHECK(parse(first->body)["id"] == parse(second->body)["id"]);
  auto snapshot = client.Get("/api/v1/products/sku-1/snapshot");
  CHECK(vouch::Snapshot::from_json(snapshot->body).value().size() == 1);
}

TEST_CASE("votes: up/down, one per visitor, changeable", "[api][votes]") {
  TestServer server;
  auto client = server.client();
  const std::string id = post_review(client, "sku-1", 5, kBodies[0]);
  const std::string path = "/api/v1/reviews/" + id + "/votes";
  auto vote = [&](const std::string& visitor, const std::string& direction) {
    auto res = client.Post(path.c_str(), json({{"visitor", visitor}, {"vote", direction}}).dump(),
                           "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return parse(res->body);
  };
  CHECK(vote("visitor-aaaa", "up")["helpful_up"] == 1);
  CHECK(vote("visitor-aaaa", "up")["helpful_up"] == 1);  // same visitor again: still one
  json changed = vote("visitor-aaaa", "down");
  CHECK(changed["helpful_up"] == 0);
  CHECK(changed["helpful_down"] == 1);
  CHECK(vote("visitor-bbbb", "up")["helpful_up"] == 1);
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/sku-1/snapshot")->body);
  REQUIRE(snapshot.ok());
  CHECK(snapshot.value().helpful_up(0) == 1);
  CHECK(snapshot.value().helpful_down(0) == 1);

  CHECK(error_code(client.Post(path.c_str(), R"({"visitor":"visitor-aaaa","vote":"sideways"})",
                               "application/json")) == "invalid_vote");
  CHECK(error_code(client.Post(path.c_str(), R"({"visitor":"x","vote":"up"})",
                               "application/json")) == "invalid_visitor");
  CHECK(error_code(client.Post("/api/v1/reviews/r-missing/votes",
                               R"({"visitor":"visitor-aaaa","vote":"up"})", "application/json")) ==
        "not_found");
}

TEST_CASE("reports: reason from a fixed list", "[api][reports]") {
  TestServer server;
  auto client = server.client();
  const std::string id = post_review(client, "sku-1", 2, kBodies[3]);
  const std::string path = "/api/v1/reviews/" + id + "/reports";
  auto res = client.Post(path.c_str(), R"({"reason":"spam","visitor":"visitor-cccc"})",
                         "application/json");
  REQUIRE(res);
  CHECK(res->status == 201);
  CHECK(error_code(client.Post(path.c_str(), R"({"reason":"i do not like it"})",
                               "application/json")) == "invalid_reason");
  auto admin = client.Get(("/api/v1/admin/reviews/" + id).c_str(), admin_headers());
  REQUIRE(admin);
  CHECK(parse(admin->body)["review"]["report_count"] == 1);
}

TEST_CASE("photos: sniffed by content, stored under random names, served with nosniff",
          "[api][photos]") {
  TestServer server;
  auto client = server.client();
  const std::string png = png_image(2, 3);
  httplib::MultipartFormDataItems items = {
      {"review", review_json(5, kBodies[4]), "", "application/json"},
      {"photos", png, "holiday.gif", "image/gif"},  // declared type is ignored
  };
  auto res = client.Post("/api/v1/products/sku-p/reviews", items);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/sku-p/snapshot")->body);
  REQUIRE(snapshot.ok());
  const vouch::Review review = snapshot.value().review_at(0);
  REQUIRE(review.media.size() == 1);
  CHECK(review.media[0].width == 2);
  CHECK(review.media[0].height == 3);
  const std::string url = review.media[0].url;
  CHECK(url.rfind("http://reviews.test/api/v1/photos/", 0) == 0);
  CHECK(url.find("holiday") == std::string::npos);
  auto photo = client.Get(url.substr(std::string("http://reviews.test").size()).c_str());
  REQUIRE(photo);
  CHECK(photo->status == 200);
  CHECK(photo->get_header_value("Content-Type") == "image/png");
  CHECK(photo->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(photo->body == png);

  // An HTML file claiming to be a JPEG is refused by content.
  httplib::MultipartFormDataItems fake = {
      {"review", review_json(5, kBodies[3]), "", "application/json"},
      {"photos", "<html><script>alert(1)</script></html>", "x.jpg", "image/jpeg"},
  };
  auto refused = client.Post("/api/v1/products/sku-p/reviews", fake);
  REQUIRE(refused);
  CHECK(refused->status == 422);
  CHECK(refused->body.find("photo_type") != std::string::npos);

  CHECK(error_code(client.Get("/api/v1/photos/..%2F..%2Fetc%2Fpasswd")) == "not_found");
  CHECK(error_code(client.Get("/api/v1/photos/0123456789abcdef0123456789abcdef.png")) ==
        "not_found");

  httplib::MultipartFormDataItems no_review = {{"photos", png, "a.png", "image/png"}};
  CHECK(error_code(client.Post("/api/v1/products/sku-p/reviews", no_review)) == "missing_part");

  // Erasing the reviewer's data removes the photo file too.
  auto erased =
      client.Post("/api/v1/admin/reviewers/erase", admin_headers(),
                  R"({"email":"mia@example.com","mode":"anonymise"})", "application/json");
  REQUIRE(erased);
  CHECK(parse(erased->body)["photos_removed"] == 1);
  CHECK(error_code(client.Get(url.substr(std::string("http://reviews.test").size()).c_str())) ==
        "not_found");
}

TEST_CASE("CORS: reads from anywhere, writes from store origins, admin never cross-origin",
          "[api][cors]") {
  TestServer server;
  auto client = server.client();
  auto read = client.Get("/api/v1/summaries?products=a", {{"Origin", "https://elsewhere.example"}});
  REQUIRE(read);
  CHECK(read->status == 200);
  CHECK(read->get_header_value("Access-Control-Allow-Origin") == "*");

  auto allowed = client.Post("/api/v1/products/sku-1/reviews", {{"Origin", kStoreOrigin}},
                             review_json(5, kBodies[0]), "application/json");
  REQUIRE(allowed);
  CHECK(allowed->status == 201);
  CHECK(allowed->get_header_value("Access-Control-Allow-Origin") == kStoreOrigin);

  auto foreign = client.Post("/api/v1/products/sku-1/reviews", {{"Origin", "https://evil.example"}},
                             review_json(5, kBodies[1]), "application/json");
  CHECK(error_code(foreign) == "cross_origin_forbidden");
  CHECK(foreign->status == 403);

  auto preflight_ok =
      client.Options("/api/v1/products/sku-1/reviews",
                     {{"Origin", kStoreOrigin}, {"Access-Control-Request-Method", "POST"}});
  REQUIRE(preflight_ok);
  CHECK(preflight_ok->status == 204);
  CHECK(preflight_ok->get_header_value("Access-Control-Allow-Origin") == kStoreOrigin);
  auto preflight_bad = client.Options(
      "/api/v1/products/sku-1/reviews",
      {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  REQUIRE(preflight_bad);
  CHECK(preflight_bad->status == 403);
  CHECK(preflight_bad->get_header_value("Access-Control-Allow-Origin").empty());

  httplib::Headers cross_admin = admin_headers();
  cross_admin.emplace("Origin", kStoreOrigin);  // even the store's own origin
  auto admin = client.Get("/api/v1/admin/reviews", cross_admin);
  CHECK(error_code(admin) == "cross_origin_forbidden");
  CHECK(admin->get_header_value("Access-Control-Allow-Origin").empty());
  auto admin_preflight =
      client.Options("/api/v1/admin/reviews",
                     {{"Origin", kStoreOrigin}, {"Access-Control-Request-Method", "GET"}});
  REQUIRE(admin_preflight);
  CHECK(admin_preflight->status == 403);
}

TEST_CASE("rate limits: 429 with Retry-After per IP and per product", "[api][limits]") {
  vouch_test::TempDir scratch;
  auto config = test_config(scratch.path());
  config.limits.submissions_per_ip = 2;
  config.limits.submissions_per_product = 100;
  {
    TestServer server(config);
    auto client = server.client();
    post_review(client, "sku-1", 5, kBodies[0]);
    post_review(client, "sku-2", 5, kBodies[1]);
    auto limited = client.Post("/api/v1/products/sku-3/reviews", review_json(5, kBodies[2]),
                               "application/json");
    CHECK(error_code(limited) == "rate_limited");
    CHECK(limited->status == 429);
    const std::string retry = limited->get_header_value("Retry-After");
    REQUIRE_FALSE(retry.empty());
    CHECK(std::stoi(retry) > 0);
  }
  config.limits.submissions_per_ip = 100;
  config.limits.submissions_per_product = 1;
  {
    TestServer server(config);
    auto client = server.client();
    post_review(client, "sku-1", 5, kBodies[0]);
    auto limited = client.Post("/api/v1/products/sku-1/reviews", review_json(5, kBodies[1]),
                               "application/json");
    CHECK(error_code(limited) == "rate_limited");
    CHECK_FALSE(limited->get_header_value("Retry-After").empty());
    post_review(client, "sku-2", 5, kBodies[2]);  // another product is fine
  }
}

TEST_CASE("the widget's report picker offers exactly the reasons the server accepts",
          "[api][reports]") {
  std::vector<std::string_view> picker(std::begin(vouch::render::kReportReasons),
                                       std::end(vouch::render::kReportReasons));
  std::vector<std::string_view> server(std::begin(vouch::server::kReportReasons),
                                       std::end(vouch::server::kReportReasons));
  CHECK(picker == server);
  for (std::string_view reason : picker) CHECK(vouch::server::is_report_reason(reason));
}
