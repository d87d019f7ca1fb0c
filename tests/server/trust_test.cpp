// Issue 12 A/B: one set of rules for a stored review on every write, a read
// path no single row can break, typed use-case results, and the bounded
// near-duplicate check — against a real server on loopback and real SQLite.

#include <atomic>
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <thread>

#include "app/moderate.hpp"
#include "app/review_health.hpp"
#include "app/stored_review.hpp"
#include "app/submit.hpp"
#include "http_util.hpp"
#include "importer.hpp"
#include "migrations.hpp"
#include "review_store.hpp"
#include "routes_problem.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"
#include "vouch/review_rules.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::server {
// Defined in fragment.cpp (the crawlable fragment route renders with it).
std::string render_fragment(const App& app, const std::string& product_id,
                            const CachedSnapshot& cached, const std::string& locale_tag);
}  // namespace vouch::server

using vouch::server::json;
using namespace vouch_test;
namespace app = vouch::server::app;

namespace {

httplib::Result post(httplib::Client& client, const std::string& product, const std::string& body,
                     const httplib::Headers& headers = {}) {
  return client.Post(("/api/v1/products/" + product + "/reviews").c_str(), headers, body,
                     "application/json");
}

// Every read a product has: each must answer 200.
void reads_answer(httplib::Client& client, const std::string& product) {
  for (const std::string& path : std::vector<std::string>{
           "/api/v1/products/" + product + "/snapshot", "/api/v1/products/" + product + "/fragment",
           "/api/v1/summaries?products=" + product + ",other"}) {
    auto res = client.Get(path.c_str());
    REQUIRE(res);
    INFO(path << " -> " << res->body.substr(0, 300));
    CHECK(res->status == 200);
  }
}

}  // namespace

TEST_CASE("a review with language en_US is stored as en-US and every read stays 200",
          "[api][trust]") {
  TestServer server;
  auto client = server.client();
  auto res = post(
      client, "p1",
      review_json(5, "Soft fabric, true to size, and it washes well.", R"("language":"en_US")"));
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
  const std::string id = parse(res->body)["id"];
  reads_answer(client, "p1");
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/p1/snapshot")->body);
  REQUIRE(snapshot.ok());
  REQUIRE(snapshot.value().size() == 1);
  CHECK(snapshot.value().language(0) == "en-US");
  auto stored = vouch::server::find_review(*server.app().db, id);
  REQUIRE(stored);
  REQUIRE(stored.value());
  CHECK(stored.value()->review.language == "en-US");

  // Case-folded as RFC 5646 writes it; a tag that is no tag is a field error.
  res = post(client, "p1",
             review_json(4, "The colour is lovely and the seams look very sturdy.",
                         R"("language":"zh_hant_tw")"));
  REQUIRE(res);
  REQUIRE(res->status == 201);
  stored = vouch::server::find_review(*server.app().db, parse(res->body)["id"].get<std::string>());
  CHECK(stored.value()->review.language == "zh-Hant-TW");
  res = post(client, "p1",
             review_json(4, "Nice and warm for the winter months here.", R"("language":"1en")"));
  REQUIRE(res);
  CHECK(res->status == 422);
  CHECK(parse(res->body)["errors"][0]["field"] == "language");
  CHECK(parse(res->body)["errors"][0]["code"] == "invalid_language");
}

TEST_CASE("a hand-edited bad row is left out, counted by the health route, and the batch answers",
          "[api][trust]") {
  TestServer server;
  auto client = server.client();
  REQUIRE(post(client, "p1", review_json(5, "Fits well and the fabric is soft."))->status == 201);
  REQUIRE(post(client, "p2", review_json(3, "Runs small, order a size up."))->status == 201);
  // What an older version or a hand edit can leave behind: a tag the snapshot refuses.
  REQUIRE(server.app()
              .db
              ->exec("INSERT INTO reviews (id, product_id, status, rating, body, author, language, "
                     "created, updated) VALUES ('r-bad', 'p1', 'published', 4, 'hand edited', 'X', "
                     "'en_US', 1700000000, 1700000000)")
              .ok());
  server.app().snapshots.clear();

  reads_answer(client, "p1");
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/p1/snapshot")->body);
  REQUIRE(snapshot.ok());
  CHECK(snapshot.value().size() == 1);  // the good review, not the bad row
  const json batch = parse(client.Get("/api/v1/summaries?products=p1,p2")->body);
  CHECK(batch["summaries"]["p1"]["count"] == 1);
  CHECK(batch["summaries"]["p2"]["count"] == 1);

  auto health = client.Get("/api/v1/admin/health", admin_headers());
  REQUIRE(health);
  REQUIRE(health->status == 200);
  const json report = parse(health->body);
  CHECK(report["ok"] == false);
  CHECK(report["rows"] == 3);
  CHECK(report["violations"] == 1);
  CHECK(report["examples"][0]["id"] == "r-bad");
  CHECK(report["examples"][0]["problem"].get<std::string>().rfind("language:", 0) == 0);
  REQUIRE(report["skipped_on_read"].size() == 1);
  CHECK(report["skipped_on_read"][0]["id"] == "r-bad");
  CHECK(client.Get("/api/v1/admin/health")->status == 401);

  // An admin edit of the bad row is refused (the repository re-checks the row).
  auto approve = client.Post("/api/v1/admin/reviews/r-bad/feature", admin_headers(), "", "");
  REQUIRE(approve);
  CHECK(approve->status == 422);
  CHECK(parse(approve->body)["error"]["code"] == "invalid_review");
}

TEST_CASE("opening a database of an older version repairs language tags of old rows",
          "[api][trust][migration]") {
  TempDir dir;
  const std::string path = dir.path() + "/old.db";
  {
    auto db = vouch::server::Database::open(path);
    REQUIRE(db);
    REQUIRE(vouch::server::migrate(*db.value(), 2).ok());
    REQUIRE(db.value()
                ->exec("INSERT INTO reviews (id, product_id, status, rating, body, author, "
                       "language, created, updated) VALUES ('r-old', 'p1', 'published', 4, 'old', "
                       "'X', 'pt_br', 1700000000, 1700000000), ('r-broken', 'p1', 'published', 4, "
                       "'x', 'X', '12-34', 1, 1)")
                .ok());
  }
  auto opened = vouch::server::make_app(test_config(dir.path()), path);
  REQUIRE(opened);
  vouch::server::App& app = *opened.value();
  CHECK(vouch::server::find_review(*app.db, "r-old").value()->review.language == "pt-BR");
  auto health = app::review_health(app);
  REQUIRE(health);
  CHECK(health.value().violations == 1);  // "12-34" cannot be repaired: reported, kept
  auto cached = app.snapshots.get(*app.db, "p1");
  REQUIRE(cached);
  CHECK(cached.value()->snapshot.size() == 1);
}

TEST_CASE("a submission without consent is refused with a field error", "[api][trust][consent]") {
  TestServer server;
  auto client = server.client();
  json review = parse(review_json(5, "Lovely soft cotton, fits as expected."));
  review.erase("consent");
  auto res = post(client, "p1", review.dump());
  REQUIRE(res);
  CHECK(res->status == 422);
  const json body = parse(res->body);
  REQUIRE(body["errors"].is_array());
  CHECK(body["errors"][0]["field"] == "consent");
  CHECK(body["errors"][0]["code"] == "required");
  review["consent"] = false;
  CHECK(post(client, "p1", review.dump())->status == 422);
  review["consent"] = "yes";
  res = post(client, "p1", review.dump());
  CHECK(res->status == 422);
  CHECK(parse(res->body)["errors"][0]["code"] == "wrong_type");
  review["consent"] = true;
  CHECK(post(client, "p1", review.dump())->status == 201);
}

TEST_CASE("photo limits come from the policy", "[api][trust][photos]") {
  TempDir dir;
  vouch::server::Config config = test_config(dir.path());
  config.policy_json = R"({"photos":{"max_count":1,"max_bytes":1000}})";
  auto made = vouch::server::make_app(config, dir.path() + "/p.db");
  REQUIRE(made);
  CHECK(made.value()->config.limits.max_photos == 1);
  CHECK(made.value()->config.limits.max_photo_bytes == 1000);
  app::SubmitRequest request;
  request.product_id = "p1";
  request.review_json = review_json(5, "Photos of the dress in daylight, as promised.");
  request.photos = {std::string("\x89PNG\r\n\x1a\n") + std::string(2000, '\0')};
  request.ip = "192.0.2.1";
  auto out = app::submit_review(*made.value(), request);
  REQUIRE_FALSE(out);
  CHECK(out.problem().kind == app::Failure::Invalid);
  REQUIRE(out.problem().fields.size() >= 1);
  bool too_large = false;
  for (const auto& field : out.problem().fields) too_large |= field.code == "photo_too_large";
  CHECK(too_large);
}

TEST_CASE("use cases return typed kinds and routes map kinds to statuses", "[api][trust][kinds]") {
  TestServer server;
  vouch::server::App& a = server.app();
  app::SubmitRequest request;
  request.product_id = "p1";
  request.ip = "192.0.2.7";
  request.review_json = "{not json";
  CHECK(app::submit_review(a, request).problem().kind == app::Failure::Malformed);
  request.review_json = R"({"rating": 9, "consent": true})";
  auto invalid = app::submit_review(a, request);
  CHECK(invalid.problem().kind == app::Failure::Invalid);
  CHECK(invalid.problem().code == "validation_failed");
  CHECK_FALSE(invalid.problem().fields.empty());
  request.review_json = review_json(5, "Warm, soft and the sleeves are long enough.");
  auto done = app::submit_review(a, request);
  REQUIRE(done);
  CHECK(done.value().status == "published");

  app::ModerationRequest missing;
  missing.review_id = "r-nope";
  missing.actor = "test";
  CHECK(app::moderate_review(a, missing).problem().kind == app::Failure::NotFound);
  app::ModerationRequest reject;
  reject.review_id = done.value().id;
  reject.action = app::ModerationAction::Reject;
  reject.reason = "negative";
  CHECK(app::moderate_review(a, reject).problem().kind == app::Failure::Malformed);
  app::ModerationRequest reply;
  reply.review_id = done.value().id;
  reply.action = app::ModerationAction::Reply;
  reply.text = "\xff\xfe not UTF-8";
  auto refused = app::moderate_review(a, reply);
  REQUIRE_FALSE(refused);
  CHECK(refused.problem().kind == app::Failure::Invalid);  // the stored-review rules
  CHECK(vouch::server::find_review(*a.db, done.value().id).value()->review.reply.text.empty());

  using F = app::Failure;
  CHECK(vouch::server::http_status(F::Malformed) == 400);
  CHECK(vouch::server::http_status(F::Invalid) == 422);
  CHECK(vouch::server::http_status(F::NotFound) == 404);
  CHECK(vouch::server::http_status(F::Conflict) == 409);
  CHECK(vouch::server::http_status(F::RateLimited) == 429);
  CHECK(vouch::server::http_status(F::TooLarge) == 413);
  CHECK(vouch::server::http_status(F::Storage) == 500);
  auto client = server.client();
  CHECK(client.Post("/api/v1/admin/reviews/r-nope/approve", admin_headers(), "", "")->status ==
        404);
  CHECK(post(client, "p1", "{not json")->status == 400);
  // The core's Error carries a kind too: a snapshot that is not JSON is Syntax.
  CHECK(vouch::Snapshot::from_json("{oops").error().kind == vouch::ErrorKind::Syntax);
  CHECK(vouch::Snapshot::from_json(R"({"version":2})").error().kind == vouch::ErrorKind::Invalid);
}

TEST_CASE("the near-duplicate check catches a copy through the API and through import",
          "[api][trust][duplicate]") {
  TestServer server;
  auto client = server.client();
  const std::string body =
      "I bought this jacket for autumn walks and it keeps the wind out really well.";
  auto first = post(client, "p1", review_json(5, body));
  REQUIRE(first->status == 201);
  CHECK(parse(first->body)["status"] == "published");
  auto copy = post(client, "p1", review_json(5, body));
  REQUIRE(copy->status == 201);
  CHECK(parse(copy->body)["status"] == "pending");
  auto stored =
      vouch::server::find_review(*server.app().db, parse(copy->body)["id"].get<std::string>());
  CHECK(stored.value()->flags.find("near_duplicate") != std::string::npos);

  const std::string csv =
      "title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,"
      "product_handle,reply,reply_date,picture_urls,ip_address,location\n"
      "Wind,\"" +
      body + "\",5,02/01/2024,web,ok,Ann,ann@example.com,p1,p1,,,,,\n";
  auto report = vouch::server::import_reviews(server.app(), csv, {});
  REQUIRE(report);
  CHECK(report.value().imported == 1);
  CHECK(report.value().held == 1);
  CHECK(report.value().held_by_flag.at("near_duplicate") == 1);
}

TEST_CASE(
    "property: every submission the validator accepts builds a snapshot, a summary and a "
    "fragment",
    "[trust][property]") {
  // Pieces: the shared fixture's texts, hostile strings, and (when present)
  // the naughty-strings corpus; language tags good, odd and broken.
  std::vector<std::string> texts = {"Great fit and soft fabric, would buy again.",
                                    "质量很好，尺码标准，穿着舒服。",
                                    "サイズはぴったりで、生地も柔らかいです。",
                                    "Très belle robe, taille normalement.",
                                    "A\u202Eevil\u202C name with bidi",
                                    "zero\u200Bwidth and \u0007 control",
                                    "<script>alert(1)</script> & \"quotes\"",
                                    std::string("nul\0inside", 10),
                                    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD emoji with skin tone",
                                    "http://spam.example buy now",
                                    "x"};
  const json fixture = parse(read_file(source_path("tests/fixtures/submissions.json")));
  for (const json& c : fixture["cases"]) {
    if (!c.contains("submission") || !c["submission"].is_object()) continue;
    for (const char* key : {"title", "body", "author"}) {
      if (c["submission"].contains(key) && c["submission"][key].is_string())
        texts.push_back(c["submission"][key].get<std::string>());
    }
  }
  const std::string naughty = shared_data("conformance/naughty_strings/blns.json");
  if (!naughty.empty()) {
    for (const json& s : parse(read_file(naughty)))
      if (s.is_string()) texts.push_back(s.get<std::string>());
  }
  const std::vector<std::string> languages = {
      "",           "en",        "en_US", "EN-us",  "zh_hant_tw", "es-419",          "x-private",
      "sr-Latn-RS", "en-",       "-en",   "en--US", "1en",        "toolongsubtag-x", "en US",
      "ja\u200B",   "i-klingon", " de "};

  TestServer server;
  vouch::server::App& a = server.app();
  std::mt19937 random(20261201);  // fixed seed: the same cases every run
  const auto pick = [&](const auto& list) { return list[random() % list.size()]; };
  std::size_t accepted = 0;
  for (int i = 0; i < 1500; ++i) {
    json submission = {{"rating", static_cast<int>(random() % 7)},
                       {"title", pick(texts).substr(0, 100)},
                       {"body", pick(texts) + " " + pick(texts)},
                       {"author", pick(texts).substr(0, 40)},
                       {"language", pick(languages)},
                       {"consent", true}};
    if (random() % 2) submission["aspects"] = {{"fit", static_cast<int>(random() % 6)}};
    if (random() % 3 == 0) submission["recommends"] = random() % 2 == 0;
    const std::string text = submission.dump(-1, ' ', false, json::error_handler_t::replace);
    std::vector<vouch::FieldError> type_errors;
    auto parsed = vouch::parse_submission(text, a.policy, &type_errors);
    if (!parsed || !type_errors.empty()) continue;
    vouch::ValidationContext context;
    context.mode = random() % 4 == 0 ? vouch::ValidationMode::Import : vouch::ValidationMode::Form;
    const vouch::ValidationResult verdict =
        vouch::validate_submission(parsed.value(), a.policy, context);
    if (!verdict.ok) continue;
    ++accepted;
    app::ReviewOrigin origin;
    origin.product_id = "prop";
    origin.created = 1700000000 + i;
    origin.source = "web";
    vouch::server::StoredReview stored =
        app::stored_review_from(verdict.normalized, verdict.flags, origin);
    stored.status = "published";
    INFO(text);
    auto broken = vouch::server::check_stored_review(stored);
    CHECK_FALSE(broken.has_value());
    auto alone = vouch::Snapshot::build(vouch::Product{"prop", "", "", ""}, {stored.review});
    CHECK(alone.ok());
    REQUIRE(vouch::server::insert_review(*a.db, stored).ok());
  }
  CHECK(accepted > 200);  // the generator must reach the interesting part
  auto cached = a.snapshots.get(*a.db, "prop");
  REQUIRE(cached);
  CHECK(cached.value()->snapshot.size() == accepted);
  CHECK(a.snapshots.skipped_rows().empty());
  CHECK(cached.value()->summary.count == accepted);
  const std::string fragment = vouch::server::render_fragment(a, "prop", *cached.value(), "en");
  CHECK(fragment.find("application/ld+json") != std::string::npos);
  reads_answer(*std::make_unique<httplib::Client>(server.client()), "prop");
}

TEST_CASE("20 concurrent POSTs with one Idempotency-Key create exactly one review",
          "[api][trust][idempotency]") {
  TestServer server;
  std::vector<std::thread> threads;
  std::vector<int> statuses(20, 0);
  std::vector<std::string> ids(20);
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      // A refused connection (today's listen backlog is small) is retried, as a
      // real client with an Idempotency-Key would: bounded attempts.
      for (int attempt = 0; attempt < 5 && statuses[i] == 0; ++attempt) {
        auto client = server.client();
        auto res = post(client, "p1", review_json(4, "Same request, retried by a flaky network."),
                        {{"Idempotency-Key", "key-1"}});
        if (!res) continue;
        statuses[i] = res->status;
        ids[i] = parse(res->body).value("id", "");
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::set<std::string> distinct(ids.begin(), ids.end());
  for (int status : statuses) CHECK(status == 201);
  CHECK(distinct.size() == 1);
  auto count = vouch::server::count_reviews(*server.app().db, "");
  REQUIRE(count);
  CHECK(count.value() == 1);
}

TEST_CASE("20 threads submitting with one Idempotency-Key at once create one review",
          "[trust][idempotency]") {
  TestServer server;
  vouch::server::App& a = server.app();
  // A product with history, as in the demo: each submission compares itself
  // with the newest reviews, so requests overlap for real.
  for (int i = 0; i < 400; ++i) {
    vouch::server::StoredReview old;
    old.review.id = "old" + std::to_string(i);
    old.review.product_id = "p1";
    old.review.rating = 4;
    old.review.body = "Earlier review number " + std::to_string(i) +
                      " about the fit, the colour and the fabric of this shirt.";
    old.review.author = "A";
    old.review.created = old.review.updated = 1700000000 + i;
    old.status = "published";
    REQUIRE(vouch::server::insert_review(*a.db, old).ok());
  }
  std::string long_body;
  for (int i = 0; i < 60; ++i)
    long_body += "The shirt number " + std::to_string(i) + " fits well. ";
  std::atomic<int> waiting{20};
  std::vector<std::string> ids(20);
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      app::SubmitRequest request;
      request.product_id = "p1";
      request.ip = "192.0.2.9";
      request.idempotency_key = "same-key";
      request.review_json = review_json(4, long_body);
      // Start together: the race needs requests in flight at the same time.
      --waiting;
      while (waiting.load() > 0) std::this_thread::yield();
      auto out = app::submit_review(a, request);
      if (out) ids[i] = out.value().id;
    });
  }
  for (std::thread& t : threads) t.join();
  std::set<std::string> distinct(ids.begin(), ids.end());
  CHECK(distinct.size() == 1);
  CHECK_FALSE(distinct.begin()->empty());
  CHECK(vouch::server::count_reviews(*a.db, "").value() == 401);
}

TEST_CASE("helpful votes are limited per IP per review and per IP per hour", "[api][votes]") {
  TempDir scratch;
  vouch::server::Config config = test_config(scratch.path());
  config.limits.votes_per_ip_per_review = 3;
  config.limits.votes_per_ip_per_hour = 5;
  TestServer server(config);
  auto client = server.client();
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto res = post(client, "p1",
                    review_json(4, "Review number " + std::to_string(i) +
                                       " with a distinct text about sleeves and buttons."));
    REQUIRE(res->status == 201);
    ids.push_back(parse(res->body)["id"]);
  }
  const auto vote = [&](const std::string& id, int visitor) {
    const json body = {{"vote", "up"}, {"visitor", "visitor-" + std::to_string(visitor)}};
    auto res =
        client.Post(("/api/v1/reviews/" + id + "/votes").c_str(), body.dump(), "application/json");
    REQUIRE(res);
    return res;
  };
  // 500 made-up visitor ids from one address no longer steer "most helpful".
  for (int v = 0; v < 3; ++v) CHECK(vote(ids[0], v)->status == 200);
  auto blocked = vote(ids[0], 3);
  CHECK(blocked->status == 429);
  CHECK(parse(blocked->body)["error"]["code"] == "rate_limited");
  CHECK_FALSE(blocked->get_header_value("Retry-After").empty());
  CHECK(vote(ids[1], 10)->status == 200);
  CHECK(vote(ids[1], 11)->status == 200);
  CHECK(vote(ids[2], 12)->status == 429);  // the hour's 5 are used up (3 + 2)
  auto snapshot = vouch::Snapshot::from_json(client.Get("/api/v1/products/p1/snapshot")->body);
  REQUIRE(snapshot.ok());
  std::uint32_t up = 0;
  for (std::size_t i = 0; i < snapshot.value().size(); ++i) up += snapshot.value().helpful_up(i);
  CHECK(up == 5);
  CHECK(vouch::server::parse_config(R"({"limits":{"votes_per_ip_per_hour":7}})", ".")
            .value()
            .limits.votes_per_ip_per_hour == 7);
}
