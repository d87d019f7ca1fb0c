// The outbox rows' state machine on a real SQLite file (no SMTP here: the
// sending is tests/http/outbox.test.mjs): claim takes the oldest due row,
// a crash's 'sending' rows are queued again with their Message-ID, and a
// review request marked sent announces request.sent once, in that
// transaction, the address only in the private part.

#include "outbox/outbox_store.hpp"

#include <catch2/catch.hpp>

#include "app.hpp"
#include "http_util.hpp"
#include "outbox/outbox.hpp"
#include "test_server.hpp"
#include "webhooks/endpoint_store.hpp"

using namespace vouch::server;
using namespace vouch_test;

namespace {

std::unique_ptr<App> open_app(const TempDir& dir) {
  auto app = make_app(test_config(dir.path()), dir.path() + "/outbox.db");
  REQUIRE(app);
  return std::move(app.value());
}

outbox::OutgoingMail mail_to(const std::string& address, const std::string& kind = "test") {
  outbox::OutgoingMail mail;
  mail.kind = kind;
  mail.to_address = address;
  mail.subject = "Hello";
  mail.text_body = "Body";
  return mail;
}

std::int64_t count(App& app, const std::string& sql) {
  Statement s(app.db->handle(), sql);
  REQUIRE(s.step());
  return s.integer(0);
}

}  // namespace

TEST_CASE("outbox rows: due order, crash recovery with the same Message-ID, outcomes", "[outbox]") {
  TempDir dir;
  auto app = open_app(dir);
  Database& db = *app->db;
  auto later = mail_to("later@example.com");
  later.not_before = 2000;
  const auto a = outbox::enqueue_mail(db, mail_to("a@example.com"), 1000);
  const auto b = outbox::enqueue_mail(db, later, 1000);
  REQUIRE(a);
  REQUIRE(b);
  CHECK_FALSE(outbox::enqueue_mail(db, mail_to(""), 1000));

  auto first = outbox::claim_due_mail(db, 1500);
  REQUIRE(first);
  REQUIRE(first.value());
  CHECK(first.value()->id == a.value());
  CHECK(first.value()->attempts == 1);
  // b is not due before 2000; a is 'sending' now.
  auto none = outbox::claim_due_mail(db, 1500);
  REQUIRE(none);
  CHECK_FALSE(none.value());

  // A crash now: the row is queued again, due at once, same Message-ID.
  auto requeued = outbox::requeue_interrupted(db, 1600);
  REQUIRE(requeued);
  CHECK(requeued.value() == 1);
  auto again = outbox::claim_due_mail(db, 1600);
  REQUIRE(again.value());
  CHECK(again.value()->id == a.value());
  CHECK(again.value()->message_id == first.value()->message_id);
  CHECK(again.value()->attempts == 2);
  CHECK_THAT(again.value()->last_error, Catch::Contains("same Message-ID"));

  REQUIRE(outbox::mark_retry(db, a.value(), 1700, "timeout").ok());
  CHECK_FALSE(outbox::claim_due_mail(db, 1650).value());
  auto third = outbox::claim_due_mail(db, 1700);
  REQUIRE(third.value());
  REQUIRE(outbox::mark_failed(db, a.value(), "refused: 550").ok());
  auto failed = outbox::find_mail(db, a.value());
  CHECK(failed.value()->state == "failed");
  CHECK(failed.value()->last_error == "refused: 550");
  // Only a failed row can be retried; then attempts start again.
  CHECK(outbox::retry_mail(db, b.value(), 1800).error().kind == vouch::ErrorKind::Conflict);
  CHECK(outbox::retry_mail(db, 999, 1800).error().kind == vouch::ErrorKind::NotFound);
  REQUIRE(outbox::retry_mail(db, a.value(), 1800).ok());
  CHECK(outbox::find_mail(db, a.value()).value()->attempts == 0);
  auto counts = outbox::count_mails(db);
  CHECK(counts.value().queued == 2);
}

TEST_CASE("request.sent: announced once when a review request is marked sent", "[outbox]") {
  TempDir dir;
  auto app = open_app(dir);
  Database& db = *app->db;
  webhooks::EndpointInput hook;
  hook.url = "https://hooks.example/a";
  hook.events = {"request.sent"};
  REQUIRE(webhooks::create_endpoint(db, hook, "test", 100));
  hook.url = "https://hooks.example/b";
  hook.personal_data = true;
  REQUIRE(webhooks::create_endpoint(db, hook, "test", 100));

  auto request = mail_to("buyer@example.com", "review_request");
  request.reference = "request:17";
  request.request_json = R"({"order_id": "A-1001", "products": ["sku-1", "sku-2", 7]})";
  REQUIRE(outbox::enqueue_mail(db, request, 1000));
  auto other = mail_to("owner@example.com", "private_reply");
  other.reference = "review:r1";
  REQUIRE(outbox::enqueue_mail(db, other, 1000));

  for (int i = 0; i < 2; ++i) {
    auto row = outbox::claim_due_mail(db, 1100);
    REQUIRE(row.value());
    REQUIRE(outbox::mark_sent(db, *row.value(), 1200).ok());
    // Marking the same row sent twice announces nothing more.
    REQUIRE(outbox::mark_sent(db, *row.value(), 1300).ok());
  }
  CHECK(count(*app, "SELECT count(*) FROM webhook_events") == 1);
  CHECK(count(*app, "SELECT count(*) FROM webhook_deliveries") == 2);
  Statement event(db.handle(), "SELECT type, data, private_data FROM webhook_events");
  REQUIRE(event.step());
  CHECK(event.text(0) == "request.sent");
  const json data = json::parse(event.text(1));
  CHECK(data["request"]["id"] == "17");
  CHECK(data["request"]["kind"] == "request");
  CHECK(data["request"]["order_id"] == "A-1001");
  CHECK(data["request"]["products"] == json::array({"sku-1", "sku-2"}));
  CHECK(data["request"]["sent"] == "1970-01-01T00:20:00Z");
  CHECK(event.text(1).find('@') == std::string::npos);
  CHECK(json::parse(event.text(2))["customer"]["email"] == "buyer@example.com");
}
