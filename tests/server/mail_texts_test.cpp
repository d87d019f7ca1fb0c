// The mails the server writes itself (outbox/mail_texts.hpp) in the
// recipient's language: the outbox's test mail (the locale the console sends)
// and the subject of a private message (the language the review was written
// in); English when unknown. All 7 locales in the catalogue.
#include "outbox/mail_texts.hpp"

#include <catch2/catch.hpp>

#include "db.hpp"
#include "http_util.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

vouch::server::Config mail_config(const std::string& dir) {
  vouch::server::Config config = test_config(dir);
  // A relay nobody listens on: rows are queued (and retried), which is all
  // these tests read.
  config.mail.enabled = true;
  config.mail.smtp_url = "smtp://127.0.0.1:9";
  config.mail.starttls = vouch::server::outbox::StartTls::Off;
  config.mail.from = "reviews@shop.example";
  return config;
}

std::string subject_of(vouch::server::App& app, std::int64_t id) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement row(app.db->handle(),
                               "SELECT subject, text_body FROM outbox WHERE id = ?1");
  row.bind(1, id);
  return row.step() ? row.text(0) + "\n" + row.text(1) : "";
}

}  // namespace

TEST_CASE("the server's own mail texts exist in all 7 locales", "[outbox][i18n]") {
  for (const std::string& key : vouch::server::outbox::mail_text_keys()) {
    INFO(key);
    CHECK(vouch::server::outbox::mail_text_complete(key));
  }
}

TEST_CASE("the test mail is written in the locale the console asks for", "[outbox][i18n]") {
  TempDir dir;
  TestServer server(mail_config(dir.path()));
  auto client = server.client();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "Test mail from Test Store\nThis is a test mail"},
      {"de-CH", "Testmail von Test Store\nDies ist eine Testmail"},
      {"zh-HK", "來自 Test Store 的測試郵件\n這是 Test Store"},
      {"ja", "Test Store からのテストメール\nこれは Test Store"},
      {"es-MX", "Correo de prueba de Test Store\nEste es un correo"},
      {"fr", "E-mail de test de Test Store\nCeci est un e-mail"},
      {"zh", "来自 Test Store 的测试邮件\n这是 Test Store"},
      {"xx-unknown", "Test mail from Test Store\n"},
  };
  for (const auto& [locale, expected] : cases) {
    INFO(locale);
    json body = {{"to", "owner@shop.example"}};
    if (!locale.empty()) body["locale"] = locale;
    auto res =
        client.Post("/api/v1/admin/outbox/test", admin_headers(), body.dump(), "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 201);
    const std::int64_t id = json::parse(res->body)["mail"]["id"].get<std::int64_t>();
    CHECK(subject_of(server.app(), id).rfind(expected, 0) == 0);
  }
  // Hostile locales: refused, nothing queued.
  for (const json& bad : {json(5), json("de\r\nBcc: x@evil.example"), json(std::string(80, 'a')),
                          json("de\"<>"), json(nullptr)}) {
    INFO(bad.dump());
    auto res =
        client.Post("/api/v1/admin/outbox/test", admin_headers(),
                    json{{"to", "owner@shop.example"}, {"locale", bad}}.dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
  }
  std::lock_guard<std::recursive_mutex> lock(server.app().db->mutex());
  vouch::server::Statement count(server.app().db->handle(), "SELECT COUNT(*) FROM outbox");
  REQUIRE(count.step());
  CHECK(count.integer(0) == static_cast<std::int64_t>(cases.size()));
}

TEST_CASE("a private message's subject is in the language of the review", "[outbox][i18n]") {
  TempDir dir;
  TestServer server(mail_config(dir.path()));
  auto client = server.client();
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"de-AT", "Deckel klappert", "Zu Ihrer Bewertung „Deckel klappert“"},
      {"fr", "", "À propos de votre avis sur Test Store"},
      {"zh-CN", "盖子响", "关于您的评价“盖子响”"},
      {"", "Lid rattles", "About your review \"Lid rattles\""},
  };
  int n = 0;
  for (const auto& [language, title, subject] : cases) {
    INFO(language);
    json review = {{"rating", 2},
                   {"title", title},
                   {"body", "The lid rattles when the water boils, otherwise fine."},
                   {"author", "Inès"},
                   {"email", "ines@example.com"},
                   {"consent", true}};
    if (!language.empty()) review["language"] = language;
    auto res = client.Post(("/api/v1/products/kettle-" + std::to_string(++n) + "/reviews").c_str(),
                           review.dump(), "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 201);
    const std::string id = json::parse(res->body)["id"].get<std::string>();
    res = client.Post(("/api/v1/admin/inbox/" + id + "/messages").c_str(), admin_headers(),
                      json{{"text", "Sorry about the lid!"}}.dump(), "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 201);
    const std::int64_t outbox_id = json::parse(res->body)["outbox_id"].get<std::int64_t>();
    CHECK(subject_of(server.app(), outbox_id).rfind(subject + "\n", 0) == 0);
  }
}
