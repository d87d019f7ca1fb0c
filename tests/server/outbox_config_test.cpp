// The "mail" and "webhooks" members of the config (clear errors naming the
// member), the header encoding that keeps a subject or name from adding a
// header, and the backoff schedule.

#include <catch2/catch.hpp>

#include "config.hpp"
#include "outbox/outbox_store.hpp"
#include "outbox/smtp_sender.hpp"
#include "test_server.hpp"

using vouch::server::parse_config;
using namespace vouch_test;

namespace {

std::string error_of(const std::string& json_text, const std::string& dir = "") {
  auto parsed = parse_config(json_text, dir);
  return parsed ? std::string("ok") : parsed.error().to_string();
}

}  // namespace

TEST_CASE("mail settings: valid ones parse, bad ones name the member and say why", "[outbox]") {
  TempDir dir;
  REQUIRE(vouch::server::write_text_file(dir.path() + "/smtp-password.txt", "s3cret\n").ok());
  auto good = parse_config(R"({"mail": {"smtp_url": "smtp://mail.shop.example:587",
      "username": "reviews", "password_file": "smtp-password.txt", "from": "reviews@shop.example",
      "from_name": "Shop", "max_attempts": 5}})",
                           dir.path());
  REQUIRE(good);
  CHECK(good.value().mail.enabled);
  CHECK(good.value().mail.password == "s3cret");
  CHECK(good.value().mail.starttls == vouch::server::outbox::StartTls::Required);
  CHECK(good.value().mail.max_attempts == 5);
  CHECK_FALSE(parse_config("{}", "").value().mail.enabled);

  const std::string base = R"("from": "reviews@shop.example")";
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "http://x", )" + base + "}}"),
             Catch::Contains("mail.smtp_url"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://u:p@x", )" + base + "}}"),
             Catch::Contains("without credentials"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x:25"}})"), Catch::Contains("mail.from"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x", "from": "a@b\r\nBcc: c@d"}})"),
             Catch::Contains("mail.from"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x", "starttls": "maybe", )" + base + "}}"),
             Catch::Contains("mail.starttls"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x", "username": "u", )" + base + "}}"),
             Catch::Contains("mail.password_file"));
  CHECK_THAT(
      error_of(R"({"mail": {"smtp_url": "smtp://x", "password_file": "nope.txt", )" + base + "}}",
               dir.path()),
      Catch::Contains("mail.password_file"));
  // Credentials never travel without TLS.
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x", "starttls": "off", "username": "u",
      "password_file": "smtp-password.txt", )" +
                          base + "}}",
                      dir.path()),
             Catch::Contains("without TLS"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x", "max_attempts": 0, )" + base + "}}"),
             Catch::Contains("mail.max_attempts"));
  CHECK_THAT(error_of(R"({"mail": {"smtp_url": "smtp://x", "relay": "y", )" + base + "}}"),
             Catch::Contains("mail.relay: unknown member"));
  CHECK_THAT(error_of(R"({"mail": "smtp://x"})"), Catch::Contains("mail: expected an object"));
}

TEST_CASE("webhook settings: endpoints need a URL, a long secret and known events", "[outbox]") {
  const std::string secret = R"("secret": "0123456789abcdef0123456789")";
  auto good = parse_config(R"({"webhooks": {"endpoints": [{"url": "https://h.example/x", )" +
                               secret + R"(, "events": ["review.created"]}], "retry_hours": 2}})",
                           "");
  REQUIRE(good);
  CHECK(good.value().webhooks.endpoints.size() == 1);
  CHECK(good.value().webhooks.retry_hours == 2);
  CHECK_THAT(error_of(R"({"webhooks": {"endpoints": [{"url": "ftp://h", )" + secret +
                      R"(, "events": ["review.created"]}]}})"),
             Catch::Contains("webhooks.endpoints[0].url"));
  CHECK_THAT(
      error_of(R"({"webhooks": {"endpoints": [{"url": "https://h.example/", "secret": "short",
      "events": ["review.created"]}]}})"),
      Catch::Contains("at least 24"));
  CHECK_THAT(error_of(R"({"webhooks": {"endpoints": [{"url": "https://h.example/", )" + secret +
                      R"(, "events": ["review.gone"]}]}})"),
             Catch::Contains("unknown event"));
  CHECK_THAT(error_of(R"({"webhooks": {"retry_hours": 0}})"),
             Catch::Contains("webhooks.retry_hours"));
  CHECK_THAT(error_of(R"({"webhooks": {"hooks": []}})"), Catch::Contains("unknown member"));
}

TEST_CASE("header values: line breaks can never add a header; non-ASCII is RFC 2047", "[outbox]") {
  using vouch::server::outbox::encode_header_value;
  CHECK(encode_header_value("Plain subject") == "Plain subject");
  const std::string forged = encode_header_value("Hi\r\nBcc: everyone@example.com");
  CHECK(forged.find('\r') == std::string::npos);
  CHECK(forged.find('\n') == std::string::npos);
  const std::string utf8 = encode_header_value(
      "Über 光 — a long subject that needs more than one "
      "encoded word to be folded properly");
  CHECK(utf8.rfind("=?UTF-8?B?", 0) == 0);
  // Folded between encoded words only: each line is one word.
  std::size_t start = 0;
  while (start < utf8.size()) {
    std::size_t end = utf8.find("\r\n ", start);
    const std::string word =
        utf8.substr(start, end == std::string::npos ? std::string::npos : end - start);
    CHECK(word.rfind("=?UTF-8?B?", 0) == 0);
    CHECK(word.size() <= 75);
    start = end == std::string::npos ? utf8.size() : end + 3;
  }
  CHECK(vouch::server::outbox::rfc5322_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST_CASE("backoff: doubles from the base, capped", "[outbox]") {
  using vouch::server::outbox::backoff_seconds;
  CHECK(backoff_seconds(1, 60, 3600) == 60);
  CHECK(backoff_seconds(2, 60, 3600) == 120);
  CHECK(backoff_seconds(6, 60, 3600) == 1920);
  CHECK(backoff_seconds(7, 60, 3600) == 3600);
  CHECK(backoff_seconds(60, 60, 3600) == 3600);
}
