// Answer invitations by e-mail (issue 17, questions/invite_mail.hpp) over real
// HTTP and SQLite: one outbox mail per distinct buyer address of the product
// (posted orders, verified review links with an address), each with an answer
// link signed for that question, product and order; never the asker, an
// unsubscribed address, an address invited already or within the cooldown,
// nor more than the cap; the 409s; invite_on_publish; erasure.
#include <catch2/catch.hpp>
#include <functional>

#include "db.hpp"
#include "questions/answer_link.hpp"
#include "requests/request_links.hpp"
#include "review_link.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

constexpr const char* kAsker = "asker@example.com";

vouch::server::Config invite_config(const std::string& dir) {
  vouch::server::Config config = test_config(dir);
  config.questions.product_url = "https://shop.example/p/{product}";
  config.mail.enabled = true;
  config.mail.smtp_url = "smtp://127.0.0.1:9";  // nothing listens: rows stay queued
  config.mail.starttls = vouch::server::outbox::StartTls::Off;
  config.mail.from = "reviews@shop.example";
  return config;
}

httplib::Result post_json(httplib::Client& client, const std::string& path, const json& body) {
  return client.Post(path.c_str(), admin_headers(), body.dump(), "application/json");
}

void add_order(httplib::Client& client, const std::string& id, const std::string& email,
               std::int64_t fulfilled, const std::string& product = "sku-q",
               const std::string& locale = "en") {
  const json order = {{"order_id", id},
                      {"customer", {{"name", "Buyer " + id}, {"email", email}, {"locale", locale}}},
                      {"items",
                       {{{"product", product},
                         {"name", "Linen <dress>"},
                         {"url", "https://shop.example/p/" + product}}}},
                      {"fulfilled_at", fulfilled}};
  auto res = post_json(client, "/api/v1/admin/orders", order);
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
}

// A verified review (signed review link for `order`) with this address.
void verified_review(TestServer& server, const std::string& order, const std::string& email,
                     const std::string& product = "sku-q") {
  auto client = server.client();
  const std::string token =
      vouch::server::sign_review_link({product, order, server.app().now() + 3600}, kHmacSecret);
  json body = {{"rating", 4},     {"title", "Fine"},
               {"author", "Rae"}, {"consent", true},
               {"token", token},  {"body", "Soft fabric, true to size, and it washes well."}};
  body["email"] = email;
  auto res = client.Post(("/api/v1/products/" + product + "/reviews").c_str(), json_headers(),
                         body.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 201);
}

std::string published_question(httplib::Client& client, const std::string& product = "sku-q",
                               const std::string& text = "Does the linen shrink in the wash?") {
  const json body = {{"text", text},
                     {"author", "Lena"},
                     {"consent", true},
                     {"elapsed_ms", 9000},
                     {"email", kAsker}};
  auto res = client.Post(("/api/v1/products/" + product + "/questions").c_str(), json_headers(),
                         body.dump(), "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 201);
  const std::string id = json::parse(res->body)["id"];
  auto approved = client.Post(("/api/v1/admin/questions/" + id + "/approve").c_str(),
                              admin_headers(), "", "application/json");
  REQUIRE(approved);
  REQUIRE(approved->status == 200);
  return id;
}

json mail_buyers(httplib::Client& client, const std::string& question, int status = 200) {
  auto res = client.Post(("/api/v1/admin/questions/" + question + "/invites/mail").c_str(),
                         admin_headers(), "", "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == status);
  return json::parse(res->body);
}

struct InviteMail {
  std::string to, subject, text, html, unsubscribe, reference;
};

std::vector<InviteMail> invite_mails(vouch::server::App& app) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement rows(app.db->handle(),
                                "SELECT to_address, subject, text_body, html_body, "
                                "list_unsubscribe, reference FROM outbox WHERE kind = "
                                "'question_invite' ORDER BY id");
  std::vector<InviteMail> out;
  while (rows.step())
    out.push_back(
        {rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5)});
  return out;
}

std::int64_t invite_rows(vouch::server::App& app, const std::string& key) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement count(app.db->handle(),
                                 "SELECT COUNT(*) FROM question_invites WHERE address_key = ?1");
  count.bind(1, key);
  return count.step() ? count.integer(0) : -1;
}

// The answer token of a text part ("...?vouch_answer=TOKEN#vouch-answer=...").
std::string answer_token(const std::string& text) {
  const std::size_t at = text.find("vouch_answer=");
  REQUIRE(at != std::string::npos);
  const std::size_t start = at + 13;
  return text.substr(start, text.find('#', start) - start);
}

std::string invite_path_of(const std::string& url) { return url.substr(url.find("/api/")); }

}  // namespace

TEST_CASE("invitations: one mail per buyer address, answer links signed for that question",
          "[questions][invites]") {
  TempDir dir;
  TestServer server(invite_config(dir.path()));
  auto client = server.client();
  const std::int64_t now = server.app().now();
  add_order(client, "o-old", "Old@Example.com", now - 20 * kDay);
  add_order(client, "o-new", "new@example.com", now - 2 * kDay, "sku-q", "de");
  add_order(client, "o-again", "old@example.COM", now - 10 * kDay);  // the same address
  add_order(client, "o-other", "other@example.com", now - kDay, "sku-other");
  verified_review(server, "web-1", "rae@example.com");
  verified_review(server, "web-2", "gone@example.com");
  {
    // A verified buyer whose address is unknown (an imported review, an erased one).
    std::lock_guard<std::recursive_mutex> lock(server.app().db->mutex());
    REQUIRE(
        server.app().db->exec("UPDATE reviews SET email = '' WHERE email = 'gone@example.com'"));
  }
  const std::string id = published_question(client);
  const std::string other = published_question(client, "sku-other", "Is the other one warm?");

  const json report = mail_buyers(client, id);
  CHECK(report["queued"] == 3);
  CHECK(report["without_address"] == 1);
  CHECK(
      report["skipped"] ==
      json{{"unsubscribed", 0}, {"already_invited", 0}, {"cooldown", 0}, {"asker", 0}, {"cap", 0}});
  const std::vector<InviteMail> mails = invite_mails(server.app());
  REQUIRE(mails.size() == 3);
  // Newest order first, one mail per folded address (its newest order).
  CHECK(mails[0].to == "new@example.com");
  CHECK(mails[1].to == "old@example.COM");
  CHECK(mails[2].to == "rae@example.com");
  CHECK(mails[0].subject == "Ein Kunde hat eine Frage zu Linen <dress>");  // the order's locale
  CHECK(mails[1].subject == "A shopper has a question about Linen <dress>");
  CHECK(mails[2].subject == "A shopper has a question about Linen <dress>");
  const std::vector<std::string> orders = {"o-new", "o-again", "web-1"};
  for (std::size_t i = 0; i < mails.size(); ++i) {
    const InviteMail& mail = mails[i];
    CHECK(mail.reference == "question:" + id);
    CHECK(mail.text.find("> Does the linen shrink in the wash?") != std::string::npos);
    CHECK(mail.html.find("Linen &lt;dress&gt;") != std::string::npos);
    CHECK(mail.html.find("https://shop.example/p/sku-q?vouch_answer=") != std::string::npos);
    CHECK(mail.unsubscribe.rfind("http://reviews.test/api/v1/unsubscribe/", 0) == 0);
    CHECK(mail.text.find(mail.unsubscribe) != std::string::npos);
    auto link = vouch::server::questions::verify_answer_link(answer_token(mail.text), kHmacSecret,
                                                             server.app().now());
    REQUIRE(link.ok());
    CHECK(link.value().question_id == id);
    CHECK(link.value().product_id == "sku-q");
    CHECK(link.value().order_id == orders[i]);
  }
  // The link works: a verified-buyer answer; on the other question it is refused.
  const std::string token = answer_token(mails[0].text);
  json answer = {{"text", "No, it kept its size after many washes."},
                 {"author", "Sam"},
                 {"consent", true},
                 {"elapsed_ms", 9000},
                 {"token", token}};
  auto wrong = client.Post(("/api/v1/questions/" + other + "/answers").c_str(), json_headers(),
                           answer.dump(), "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 403);
  auto res = client.Post(("/api/v1/questions/" + id + "/answers").c_str(), json_headers(),
                         answer.dump(), "application/json");
  REQUIRE(res);
  CHECK(res->status == 201);
  CHECK(json::parse(res->body)["badge"] == "verified_buyer");

  // Pressing twice mails nobody twice.
  const json again = mail_buyers(client, id);
  CHECK(again["queued"] == 0);
  CHECK(again["skipped"]["already_invited"] == 3);
  CHECK(invite_mails(server.app()).size() == 3);
}

TEST_CASE("invitations skip the asker, unsubscribed addresses, the cooldown and the cap",
          "[questions][invites]") {
  TempDir dir;
  vouch::server::Config config = invite_config(dir.path());
  config.questions.invites_per_question = 2;
  TestServer server(config, true);  // the test clock: the cooldown passes
  auto client = server.client();
  const std::int64_t now = server.app().now();
  add_order(client, "o-asker", "ASKER@example.com", now - kDay);
  add_order(client, "o-1", "one@example.com", now - 2 * kDay);
  add_order(client, "o-2", "two@example.com", now - 3 * kDay);
  add_order(client, "o-3", "three@example.com", now - 4 * kDay);
  const std::string first = published_question(client);
  json report = mail_buyers(client, first);
  CHECK(report["queued"] == 2);
  CHECK(report["skipped"]["asker"] == 1);
  CHECK(report["skipped"]["cap"] == 1);
  std::vector<InviteMail> mails = invite_mails(server.app());
  REQUIRE(mails.size() == 2);
  CHECK(mails[0].to == "one@example.com");
  CHECK(mails[1].to == "two@example.com");
  // Over the cap on a second press too.
  report = mail_buyers(client, first);
  CHECK(report["queued"] == 0);
  CHECK(report["skipped"]["already_invited"] == 2);
  CHECK(report["skipped"]["cap"] == 1);

  // The one-click unsubscribe of an invitation (RFC 8058) puts the address out.
  auto out = client.Post(invite_path_of(mails[0].unsubscribe).c_str(), "List-Unsubscribe=One-Click",
                         "application/x-www-form-urlencoded");
  REQUIRE(out);
  CHECK(out->status == 200);
  auto page = client.Get(invite_path_of(mails[1].unsubscribe).c_str());
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("List-Unsubscribe") != std::string::npos);

  // Another question soon after: one is unsubscribed, two within the cooldown,
  // three is free.
  const std::string second = published_question(client, "sku-q", "Is there a lining inside?");
  report = mail_buyers(client, second);
  CHECK(report["skipped"]["unsubscribed"] == 1);
  CHECK(report["skipped"]["cooldown"] == 1);
  CHECK(report["queued"] == 1);
  CHECK(invite_mails(server.app()).back().to == "three@example.com");

  // Past the cooldown: two and three again; one stays unsubscribed.
  server.app().clock_offset.fetch_add(31 * kDay);
  const std::string third = published_question(client, "sku-q", "Does it come in a longer cut?");
  report = mail_buyers(client, third);
  CHECK(report["queued"] == 2);
  CHECK(report["skipped"]["unsubscribed"] == 1);
  CHECK(report["skipped"]["cooldown"] == 0);
}

TEST_CASE("invitations: 409s name what is missing, hostile ids are refused",
          "[questions][invites]") {
  TempDir dir;
  {
    TestServer server(invite_config(dir.path()));
    auto client = server.client();
    add_order(client, "o-1", "one@example.com", server.app().now() - kDay);
    const json body = {{"text", "Is it lined inside the sleeves?"},
                       {"author", "Lena"},
                       {"consent", true},
                       {"elapsed_ms", 9000}};
    auto asked = client.Post("/api/v1/products/sku-q/questions", json_headers(), body.dump(),
                             "application/json");
    REQUIRE(asked);
    const std::string pending = json::parse(asked->body)["id"];
    CHECK(mail_buyers(client, pending, 409)["error"]["code"] == "question_not_published");
    client.Post(("/api/v1/admin/questions/" + pending + "/reject").c_str(), admin_headers(),
                R"({"reason":"off_topic"})", "application/json");
    CHECK(mail_buyers(client, pending, 409)["error"]["code"] == "question_not_published");
    CHECK(mail_buyers(client, "q000000000000000000000000", 404)["error"]["code"] == "not_found");
    for (const std::string& hostile : {std::string("%00"), std::string("%22%3E%3Cscript%3E"),
                                       std::string(300, 'q'), std::string("%FF%FE")}) {
      auto res = client.Post(("/api/v1/admin/questions/" + hostile + "/invites/mail").c_str(),
                             admin_headers(), "", "application/json");
      REQUIRE(res);
      INFO(hostile);
      CHECK(res->status >= 400);
      CHECK(res->status < 500);
    }
    auto anonymous = client.Post(("/api/v1/admin/questions/" + pending + "/invites/mail").c_str(),
                                 "", "application/json");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    CHECK(invite_mails(server.app()).empty());
  }
  const auto refused = [&](const std::function<void(vouch::server::Config&)>& change,
                           const std::string& code) {
    TempDir other;
    vouch::server::Config config = invite_config(other.path());
    change(config);
    TestServer server(config);
    auto client = server.client();
    const std::string id = published_question(client);
    INFO(code);
    CHECK(mail_buyers(client, id, 409)["error"]["code"] == code);
  };
  refused([](vouch::server::Config& c) { c.hmac_secret.clear(); }, "no_hmac_secret");
  refused([](vouch::server::Config& c) { c.mail.enabled = false; }, "mail_not_configured");
  refused([](vouch::server::Config& c) { c.public_url.clear(); }, "no_public_url");
  refused([](vouch::server::Config& c) { c.questions.product_url.clear(); }, "no_product_url");
}

TEST_CASE("invite_on_publish mails the buyers when a question is approved, never failing it",
          "[questions][invites]") {
  TempDir dir;
  vouch::server::Config config = invite_config(dir.path());
  config.questions.invite_on_publish = true;
  {
    TestServer server(config);
    auto client = server.client();
    add_order(client, "o-1", "one@example.com", server.app().now() - kDay);
    const std::string id = published_question(client);
    REQUIRE(invite_mails(server.app()).size() == 1);
    CHECK(invite_mails(server.app())[0].reference == "question:" + id);
    // Publishing again (hide, approve) mails nobody twice.
    client.Post(("/api/v1/admin/questions/" + id + "/hide").c_str(), admin_headers(),
                R"({"reason":"off_topic"})", "application/json");
    client.Post(("/api/v1/admin/questions/" + id + "/approve").c_str(), admin_headers(), "",
                "application/json");
    CHECK(invite_mails(server.app()).size() == 1);
  }
  TempDir second;
  config = invite_config(second.path());
  config.questions.invite_on_publish = true;
  config.mail.enabled = false;  // cannot mail: the publish still succeeds
  TestServer server(config);
  auto client = server.client();
  add_order(client, "o-1", "one@example.com", server.app().now() - kDay);
  const std::string id = published_question(client);
  CHECK(invite_mails(server.app()).empty());
  CHECK(json::parse(client.Get(("/api/v1/admin/questions/" + id).c_str(), admin_headers())->body)
            .dump()
            .find("\"published\"") != std::string::npos);
}

TEST_CASE("erasing an address erases its invitation rows", "[questions][invites][erase]") {
  TempDir dir;
  TestServer server(invite_config(dir.path()));
  auto client = server.client();
  const std::int64_t placed = server.app().now() - kDay;  // one clock read: no tie broken by a tick
  add_order(client, "o-1", "One@example.com", placed);
  add_order(client, "o-2", "two@example.com", placed);
  const std::string id = published_question(client);
  REQUIRE(mail_buyers(client, id)["queued"] == 2);
  // The mail to One@ whichever place the outbox gives it.
  std::string unsubscribe;
  for (const InviteMail& mail : invite_mails(server.app()))
    if (mail.to == "One@example.com") unsubscribe = mail.unsubscribe;
  REQUIRE_FALSE(unsubscribe.empty());
  CHECK(invite_rows(server.app(), "one@example.com") == 1);
  auto erased = post_json(client, "/api/v1/admin/reviewers/erase",
                          {{"email", "one@EXAMPLE.com"}, {"mode", "delete"}});
  REQUIRE(erased);
  INFO(erased->body);
  REQUIRE(erased->status == 200);
  CHECK(invite_rows(server.app(), "one@example.com") == 0);
  CHECK(invite_rows(server.app(), "two@example.com") == 1);
  // Its mail is gone from the outbox, and its unsubscribe link names nobody now.
  for (const InviteMail& mail : invite_mails(server.app())) CHECK(mail.to != "One@example.com");
  auto page = client.Get(invite_path_of(unsubscribe).c_str());
  REQUIRE(page);
  CHECK(page->status == 404);
}

TEST_CASE("an invitation's unsubscribe token is not a request's, nor forged",
          "[questions][invites][links]") {
  namespace rq = vouch::server::requests;
  const std::string invite = rq::sign_invite_unsubscribe(7, kHmacSecret);
  CHECK(rq::verify_invite_unsubscribe(invite, kHmacSecret) == std::optional<std::int64_t>(7));
  CHECK_FALSE(rq::verify_unsubscribe(invite, kHmacSecret).has_value());
  CHECK_FALSE(
      rq::verify_invite_unsubscribe(rq::sign_unsubscribe(7, kHmacSecret), kHmacSecret).has_value());
  CHECK_FALSE(rq::verify_invite_unsubscribe(invite, "another-secret-0123456789abcdef").has_value());
  CHECK_FALSE(
      rq::verify_invite_unsubscribe(rq::sign_invite_unsubscribe(-3, kHmacSecret), kHmacSecret)
          .has_value());
}
