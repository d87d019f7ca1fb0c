// Questions and answers (issue 17) over real HTTP: ask -> pending -> the
// store answers -> public read, /q/{id} page with QAPage JSON-LD, signed
// answer links (forged, expired, review link, other question/product,
// reused), votes, moderation, invites, the inbox item kind, the static
// export, and the asker's e-mail in no public answer, page or export.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <regex>

#include "exporter.hpp"
#include "http_util.hpp"
#include "questions/answer_link.hpp"
#include "questions/qa_messages.hpp"
#include "review_link.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"

using vouch::server::json;
using namespace vouch_test;
namespace q = vouch::server::questions;

namespace {

constexpr const char* kAskerEmail = "asker.secret@example.com";

std::string ask_body(const std::string& text, const std::string& extra_email = kAskerEmail) {
  json body = {{"text", text}, {"author", "Lena"}, {"consent", true}, {"elapsed_ms", 9000}};
  if (!extra_email.empty()) body["email"] = extra_email;
  return body.dump();
}

std::string ask(httplib::Client& client, const std::string& product, const std::string& text) {
  auto res = client.Post(("/api/v1/products/" + product + "/questions").c_str(), json_headers(),
                         ask_body(text), "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 201);
  const json out = json::parse(res->body);
  CHECK(out["status"] == "pending");
  return out["id"].get<std::string>();
}

json store_answer(httplib::Client& client, const std::string& question, const std::string& text,
                  int status = 201) {
  auto res = client.Post(("/api/v1/admin/questions/" + question + "/answers").c_str(),
                         admin_headers(), json{{"text", text}}.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == status);
  return json::parse(res->body);
}

httplib::Result buyer_answer(httplib::Client& client, const std::string& question,
                             const std::string& token, const std::string& text) {
  json body = {{"text", text}, {"author", "Sam"}, {"consent", true}, {"elapsed_ms", 9000}};
  if (!token.empty()) body["token"] = token;
  return client.Post(("/api/v1/questions/" + question + "/answers").c_str(), json_headers(),
                     body.dump(), "application/json");
}

std::string link(const std::string& question, const std::string& product, const std::string& order,
                 std::int64_t expires) {
  return q::sign_answer_link({question, product, order, expires}, kHmacSecret);
}

}  // namespace

TEST_CASE("ask, answer as the store, read it publicly, never the e-mail", "[questions]") {
  TestServer server;
  auto client = server.client();
  const std::string id = ask(client, "sku-q", "Does this jacket run small in the shoulders?");

  // Pending: not public, no page.
  auto list = client.Get("/api/v1/products/sku-q/questions");
  REQUIRE(list);
  CHECK(list->status == 200);
  CHECK(json::parse(list->body)["count"] == 0);
  CHECK(client.Get(("/q/" + id).c_str())->status == 404);

  // An inbox item of kind question with the 24 h clock.
  auto inbox = client.Get("/api/v1/admin/inbox?kind=question", admin_headers());
  REQUIRE(inbox);
  REQUIRE(inbox->status == 200);
  const json items = json::parse(inbox->body);
  REQUIRE(items["items"].size() == 1);
  CHECK(items["items"][0]["kind"] == "question");
  CHECK(items["items"][0]["clock"]["target_hours"] == 24);
  CHECK(items["counts"]["by_kind"]["question"] == 1);
  CHECK(items["counts"]["needs_response"] == 1);
  CHECK(inbox->body.find(kAskerEmail) == std::string::npos);

  const json answered = store_answer(client, id, "It runs true to size; size up for layering.");
  CHECK(answered["answer"]["badge"] == "store");

  list = client.Get("/api/v1/products/sku-q/questions");
  REQUIRE(list->status == 200);
  CHECK(list->get_header_value("Cache-Control").find("public") != std::string::npos);
  const json body = json::parse(list->body);
  CHECK(body["version"] == 1);
  CHECK(body["count"] == 1);
  CHECK(body["questions"][0]["url"] == "/q/" + id);
  CHECK(body["questions"][0]["answers"][0]["badge"] == "store");
  CHECK(list->body.find(kAskerEmail) == std::string::npos);

  // The clock stopped; the notice is queued; the events are recorded.
  inbox = client.Get("/api/v1/admin/inbox?kind=question&view=needs_response", admin_headers());
  CHECK(json::parse(inbox->body)["total"] == 0);
  CHECK(count_rows(server.app(),
                   "SELECT count(*) FROM outbox WHERE kind = 'answer_notice' AND "
                   "reference = 'question:" +
                       id + "' AND to_address = '" + kAskerEmail + "'") == 1);
  CHECK(count_rows(server.app(),
                   "SELECT count(*) FROM webhook_events WHERE type IN ('question.created', "
                   "'question.answered') AND data NOT LIKE '%asker.secret%'") == 2);
  // A second answer does not mail the asker again.
  store_answer(client, id, "Also: the sleeves are long.");
  CHECK(count_rows(server.app(), "SELECT count(*) FROM outbox WHERE kind = 'answer_notice'") == 1);

  // The static export lists the questions file, without the e-mail.
  TempDir out;
  REQUIRE(vouch::server::export_static(server.app(), out.path()));
  const std::string exported = read_file(out.path() + "/products/sku-q.questions.json");
  CHECK(json::parse(exported)["count"] == 1);
  CHECK(exported.find(kAskerEmail) == std::string::npos);

  // Erasing the asker's data removes the address.
  auto erased =
      client.Post("/api/v1/admin/reviewers/erase", admin_headers(),
                  json{{"email", kAskerEmail}, {"mode", "delete"}}.dump(), "application/json");
  REQUIRE(erased);
  CHECK(erased->status == 200);
  CHECK(json::parse(erased->body)["question_emails_erased"] == 1);
  CHECK(count_rows(server.app(), "SELECT count(*) FROM question_askers") == 0);
}

TEST_CASE("the /q/{id} page: QAPage JSON-LD with Google's required properties", "[questions]") {
  TestServer server;
  auto client = server.client();
  const std::string id = ask(client, "sku-p", "Is the <b>wool</b> itchy & warm?");
  store_answer(client, id, "Not itchy </script><script>alert(1)</script> at all.");
  auto page = client.Get(("/q/" + id + "?locale=de").c_str());
  REQUIRE(page);
  REQUIRE(page->status == 200);
  const std::string& html = page->body;
  CHECK(html.find("<html lang=\"de\">") != std::string::npos);
  CHECK(html.find("Antwort des Shops") != std::string::npos);  // localized badge
  CHECK(html.find("<link rel=\"canonical\" href=\"") != std::string::npos);
  CHECK(html.find("<b>wool</b>") == std::string::npos);  // escaped
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find(kAskerEmail) == std::string::npos);

  std::smatch m;
  REQUIRE(std::regex_search(html, m,
                            std::regex(R"(<script type="application/ld\+json">([^<]*)</script>)")));
  const json ld = json::parse(m[1].str());
  CHECK(ld["@context"] == "https://schema.org");
  CHECK(ld["@type"] == "QAPage");
  const json& question = ld["mainEntity"];
  // https://developers.google.com/search/docs/appearance/structured-data/qapage
  CHECK(question["@type"] == "Question");
  CHECK(question["name"].is_string());
  CHECK_FALSE(question["name"].get<std::string>().empty());
  CHECK(question["answerCount"] == 1);
  CHECK(question["text"].is_string());
  CHECK(question["datePublished"].is_string());
  CHECK(question["author"]["name"] == "Lena");
  REQUIRE((question.contains("acceptedAnswer") || question.contains("suggestedAnswer")));
  const json& accepted = question["acceptedAnswer"];
  CHECK(accepted["@type"] == "Answer");
  CHECK(accepted["text"].get<std::string>().find("Not itchy") == 0);
  CHECK(accepted["author"]["name"].is_string());
  CHECK(accepted["datePublished"].is_string());
  CHECK(accepted["url"].is_string());

  // The fragment links the page; it has no Q&A markup of its own.
  auto fragment = client.Get("/api/v1/products/sku-p/fragment");
  REQUIRE(fragment);
  CHECK(fragment->body.find("/q/" + id) != std::string::npos);
  CHECK(fragment->body.find("QAPage") == std::string::npos);
  CHECK(client.Get("/q/qnope")->status == 404);
}

TEST_CASE("signed answer links: valid, forged, expired, review link, other question, reused",
          "[questions][links]") {
  TestServer server;
  auto client = server.client();
  const std::string id = ask(client, "sku-l", "How warm is this coat below zero?");
  const std::string other = ask(client, "sku-l", "Does the hood come off easily?");
  // A buyer cannot answer a question that is not published yet.
  const std::int64_t later = server.app().now() + 3600;
  auto res = buyer_answer(client, id, link(id, "sku-l", "o-1", later), "Warm enough at -10.");
  REQUIRE(res);
  CHECK(res->status == 404);
  for (const std::string& qid : {id, other}) {
    auto approved = client.Post(("/api/v1/admin/questions/" + qid + "/approve").c_str(),
                                admin_headers(), "", "application/json");
    REQUIRE(approved);
    REQUIRE(approved->status == 200);
  }

  std::string forged = link(id, "sku-l", "o-1", later);
  forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
  const std::string review_token =
      vouch::server::sign_review_link({"sku-l", "o-1", later}, kHmacSecret);
  for (const std::string& bad :
       {std::string(), forged, link(id, "sku-l", "o-1", server.app().now() - 1), review_token,
        link(other, "sku-l", "o-1", later), link(id, "sku-other", "o-1", later),
        std::string("not.a.token"), std::string(3000, 'x')}) {
    res = buyer_answer(client, id, bad, "Warm enough at minus ten, honestly.");
    REQUIRE(res);
    INFO(bad);
    CHECK(res->status == 403);
    CHECK(json::parse(res->body)["error"]["code"] == "verified_buyer_required");
  }
  // An answer token is no review token either.
  CHECK_FALSE(vouch::server::verify_review_link(link(id, "sku-l", "o-1", later), kHmacSecret,
                                                server.app().now()));

  const std::string good = link(id, "sku-l", "o-1", later);
  res = buyer_answer(client, id, good, "Warm enough at minus ten, honestly.");
  REQUIRE(res);
  REQUIRE(res->status == 201);
  const json answered = json::parse(res->body);
  CHECK(answered["badge"] == "verified_buyer");
  CHECK(answered["status"] == "published");  // moderation "flagged", no flags
  // Reused: the same order answers once.
  res = buyer_answer(client, id, good, "And again, a second answer from me.");
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(count_rows(server.app(), "SELECT count(*) FROM answers") == 1);

  auto list = client.Get("/api/v1/products/sku-l/questions");
  const json body = json::parse(list->body);
  REQUIRE(body["count"] == 1);
  CHECK(body["questions"][0]["answers"][0]["badge"] == "verified_buyer");

  // Votes on the answer.
  const std::string answer = answered["id"];
  auto vote = client.Post(("/api/v1/answers/" + answer + "/votes").c_str(), json_headers(),
                          R"({"visitor":"visitor-123","vote":"up"})", "application/json");
  REQUIRE(vote);
  CHECK(vote->status == 200);
  CHECK(json::parse(vote->body)["helpful_up"] == 1);
  CHECK(json::parse(client.Get("/api/v1/products/sku-l/questions")
                        ->body)["questions"][0]["answers"][0]["helpful"] == 1);
  vote = client.Post("/api/v1/answers/anope/votes", json_headers(),
                     R"({"visitor":"visitor-123","vote":"up"})", "application/json");
  CHECK(vote->status == 404);
  vote = client.Post(("/api/v1/answers/" + answer + "/votes").c_str(), json_headers(),
                     R"({"visitor":"v","vote":"sideways"})", "application/json");
  CHECK(vote->status == 400);
}

TEST_CASE("unverified answers when the config allows them; moderation with neutral reasons",
          "[questions]") {
  TempDir dir;
  vouch::server::Config config = test_config(dir.path());
  config.questions.unverified_answers = true;
  config.moderation = vouch::server::ModerationMode::All;
  TestServer server(config);
  auto client = server.client();
  const std::string id = ask(client, "sku-u", "Can this be machine washed at 40 degrees?");
  client.Post(("/api/v1/admin/questions/" + id + "/approve").c_str(), admin_headers(), "",
              "application/json");
  auto res = buyer_answer(client, id, "", "Yes, mine survived many washes.");
  REQUIRE(res);
  REQUIRE(res->status == 201);
  const json answered = json::parse(res->body);
  CHECK(answered["badge"] == "none");
  CHECK(answered["status"] == "pending");
  const std::string answer = answered["id"];
  CHECK(json::parse(client.Get("/api/v1/products/sku-u/questions")->body)["count"] == 0);

  auto bad = client.Post(("/api/v1/admin/answers/" + answer + "/reject").c_str(), admin_headers(),
                         R"({"reason":"negative"})", "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(json::parse(bad->body)["error"]["code"] == "invalid_reason");
  auto ok = client.Post(("/api/v1/admin/answers/" + answer + "/approve").c_str(), admin_headers(),
                        "", "application/json");
  REQUIRE(ok);
  REQUIRE(ok->status == 200);
  CHECK(json::parse(client.Get("/api/v1/products/sku-u/questions")->body)["count"] == 1);
  CHECK(count_rows(server.app(), "SELECT count(*) FROM audit_log WHERE review_id = '" + answer +
                                     "' AND action = 'approve'") == 1);
  ok = client.Post(("/api/v1/admin/questions/" + id + "/hide").c_str(), admin_headers(),
                   R"({"reason":"off_topic"})", "application/json");
  REQUIRE(ok->status == 200);
  CHECK(json::parse(client.Get("/api/v1/products/sku-u/questions")->body)["count"] == 0);
  CHECK(client.Get(("/q/" + id).c_str())->status == 404);
}

TEST_CASE("invites list signed answer links of verified buyers", "[questions][links]") {
  TempDir dir;
  vouch::server::Config config = test_config(dir.path());
  config.questions.product_url = "https://shop.example/p/{product}";
  TestServer server(config);
  auto client = server.client();
  // A verified review for sku-i: its order becomes an invitable buyer.
  const std::string token =
      vouch::server::sign_review_link({"sku-i", "order-7", server.app().now() + 3600}, kHmacSecret);
  auto review = client.Post("/api/v1/products/sku-i/reviews", json_headers(),
                            review_json(5, "Lovely soft knit, warm and well made overall.",
                                        "\"token\":\"" + token + "\""),
                            "application/json");
  REQUIRE(review);
  REQUIRE(review->status == 201);
  const std::string id = ask(client, "sku-i", "Does the knit pill after a few wears?");
  auto invites =
      client.Get(("/api/v1/admin/questions/" + id + "/invites").c_str(), admin_headers());
  REQUIRE(invites);
  CHECK(invites->status == 409);  // not published yet
  client.Post(("/api/v1/admin/questions/" + id + "/approve").c_str(), admin_headers(), "",
              "application/json");
  invites = client.Get(("/api/v1/admin/questions/" + id + "/invites").c_str(), admin_headers());
  REQUIRE(invites->status == 200);
  const json list = json::parse(invites->body)["invites"];
  REQUIRE(list.size() == 1);
  CHECK(list[0]["order_id"] == "order-7");
  const std::string url = list[0]["url"];
  CHECK(url.rfind("https://shop.example/p/sku-i?vouch_answer=", 0) == 0);
  CHECK(url.find("#vouch-answer=" + id) != std::string::npos);
  auto res = buyer_answer(client, id, list[0]["token"], "No pilling after a whole winter.");
  REQUIRE(res);
  CHECK(res->status == 201);
  CHECK(json::parse(res->body)["badge"] == "verified_buyer");
}

TEST_CASE("hostile question bodies: 4xx with the error shape, nothing stored", "[questions]") {
  TestServer server;
  auto client = server.client();
  const std::vector<std::string> bodies = {
      "",
      "{",
      "[]",
      "null",
      "\"text\"",
      R"({"text": 5})",
      R"({"text":"short"})",
      json{{"text", std::string(5000, 'a')}, {"author", "A"}, {"consent", true}}.dump(),
      std::string(70 * 1024, ' '),
      "{\"text\":\"\xff\xfe\"}",
      std::string(200, '[') + std::string(200, ']'),
      json{{"text", "Is this a real question here?"},
           {"author", "A"},
           {"consent", true},
           {"email", "not-an-address"}}
          .dump()};
  for (const std::string& body : bodies) {
    auto res =
        client.Post("/api/v1/products/sku-h/questions", json_headers(), body, "application/json");
    REQUIRE(res);
    INFO(body.substr(0, 80));
    CHECK(res->status >= 400);
    CHECK(res->status < 500);
    CHECK(json::parse(res->body, nullptr, false).contains("error"));
  }
  auto wrong_type = client.Post("/api/v1/products/sku-h/questions", json_headers(), "x=1",
                                "application/x-www-form-urlencoded");
  CHECK(wrong_type->status == 415);
  CHECK(client.Get("/api/v1/products/%22bad%22/questions")->status == 400);
  const std::string naughty_file = shared_data("conformance/naughty_strings/blns.json");
  const json naughty =
      naughty_file.empty() ? json() : json::parse(read_file(naughty_file), nullptr, false);
  if (naughty.is_array()) {
    for (const json& text : naughty) {
      if (!text.is_string()) continue;
      auto res = client.Post(
          "/api/v1/products/sku-n/questions", json_headers(),
          json{
              {"text", text.get<std::string>() + " question?"}, {"author", text}, {"consent", true}}
              .dump(-1, ' ', false, json::error_handler_t::replace),
          "application/json");
      REQUIRE(res);
      CHECK(res->status != 500);
    }
  } else {
    WARN("naughty strings not found: " << naughty_file);
  }
  CHECK(count_rows(server.app(), "SELECT count(*) FROM questions WHERE product_id = 'sku-h'") == 0);
}

TEST_CASE("the server's Q&A strings exist in all 7 locales", "[questions][i18n]") {
  for (const std::string& key : q::qa_message_keys()) {
    INFO(key);
    CHECK(q::qa_message_complete(key));
  }
}
