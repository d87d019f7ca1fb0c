// Pruning (retention.hpp): sent and failed outbox mails and finished webhook
// events (with their deliveries and attempt logs) older than the configured
// retention are deleted; queued, sending, and undelivered rows never are,
// however old. The clock is injected: prune_finished_rows takes `now`, and
// the background pruner reads the server's test clock.
#include "retention.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "app.hpp"
#include "config.hpp"
#include "outbox/outbox.hpp"
#include "outbox/outbox_store.hpp"
#include "test_server.hpp"

using namespace vouch::server;
using namespace vouch_test;

namespace {

std::int64_t count(App &app, const std::string &sql) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  Statement s(app.db->handle(), sql);
  REQUIRE(s.step());
  return s.integer(0);
}

void exec(App &app, const std::string &sql) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  REQUIRE(sqlite3_exec(app.db->handle(), sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
}

std::int64_t queue_mail(App &app, const std::string &to, std::int64_t at) {
  outbox::OutgoingMail mail;
  mail.kind = "test";
  mail.to_address = to;
  mail.subject = "Hello";
  mail.text_body = "Body";
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  auto id = outbox::enqueue_mail(*app.db, mail, at);
  REQUIRE(id);
  return id.value();
}

// An event at `at` with one delivery per given state (and one attempt each).
void add_event(App &app, std::int64_t id, std::int64_t at, std::vector<std::string> states) {
  exec(app,
       "INSERT INTO webhook_events (id, event_id, type, data, created_at) "
       "VALUES (" +
           std::to_string(id) + ", 'evt_" + std::to_string(id) + "', 'review.created', '{}', " +
           std::to_string(at) + ")");
  for (std::size_t i = 0; i < states.size(); ++i) {
    const std::string delivery = std::to_string(id * 10 + static_cast<std::int64_t>(i));
    exec(app,
         "INSERT INTO webhook_deliveries (id, event_id, endpoint_id, "
         "state, next_attempt_at) "
         "VALUES (" +
             delivery + ", " + std::to_string(id) + ", " + std::to_string(i + 1) + ", '" +
             states[i] + "', " + std::to_string(at) + ")");
    exec(app, "INSERT INTO webhook_attempts (delivery_id, time) VALUES (" + delivery + ", " +
                  std::to_string(at) + ")");
  }
}

}  // namespace

TEST_CASE(
    "pruning deletes finished rows past retention, never a queued or "
    "unsent one",
    "[retention]") {
  TempDir dir;
  auto made = make_app(test_config(dir.path()), dir.path() + "/prune.db");
  REQUIRE(made);
  App &app = *made.value();
  const std::int64_t t0 = 1'800'000'000;
  // Mails at t0: one sent, one failed, one still queued, one left 'sending'.
  const std::int64_t sent = queue_mail(app, "sent@example.com", t0);
  const std::int64_t failed = queue_mail(app, "failed@example.com", t0);
  const std::int64_t queued = queue_mail(app, "queued@example.com", t0);
  const std::int64_t sending = queue_mail(app, "sending@example.com", t0);
  exec(app, "UPDATE outbox SET state = 'sent', sent_at = " + std::to_string(t0) +
                ", last_attempt_at = " + std::to_string(t0) +
                " WHERE id = " + std::to_string(sent));
  exec(app, "UPDATE outbox SET state = 'failed', last_attempt_at = " +
                std::to_string(t0 + 5 * kDay) + " WHERE id = " + std::to_string(failed));
  exec(app, "UPDATE outbox SET state = 'sending' WHERE id = " + std::to_string(sending));
  for (int e = 1; e <= 3; ++e)
    exec(app,
         "INSERT INTO webhook_endpoints (id, url, secret, events, "
         "created_at) VALUES (" +
             std::to_string(e) + ", 'https://hooks.example/" + std::to_string(e) +
             "', 's', ',review.created,', 0)");
  add_event(app, 1, t0, {"delivered", "failed"});    // finished
  add_event(app, 2, t0, {"delivered", "queued"});    // one still to go
  add_event(app, 3, t0, {"delivering"});             // in flight
  add_event(app, 4, t0, {});                         // nobody subscribed
  add_event(app, 5, t0 + 60 * kDay, {"delivered"});  // recent

  RetentionSettings settings;  // 90 days each
  // Not yet 90 days: nothing goes.
  auto none = prune_finished_rows(*app.db, settings, t0 + 90 * kDay);
  REQUIRE(none);
  CHECK(none.value().mails == 0);
  CHECK(none.value().events == 0);

  auto pruned = prune_finished_rows(*app.db, settings, t0 + 90 * kDay + 1);
  REQUIRE(pruned);
  CHECK(pruned.value().mails == 1);  // the sent one; the failed one's last attempt is later
  CHECK(pruned.value().events == 2);
  CHECK(pruned.value().deliveries == 2);
  CHECK(count(app, "SELECT COUNT(*) FROM outbox WHERE id = " + std::to_string(sent)) == 0);
  CHECK(count(app, "SELECT COUNT(*) FROM outbox WHERE id = " + std::to_string(failed)) == 1);
  CHECK(count(app, "SELECT COUNT(*) FROM webhook_events WHERE id IN (1, 4)") == 0);
  CHECK(count(app, "SELECT COUNT(*) FROM webhook_events WHERE id IN (2, 3, 5)") == 3);
  CHECK(count(app, "SELECT COUNT(*) FROM webhook_deliveries WHERE event_id = 1") == 0);
  CHECK(count(app,
              "SELECT COUNT(*) FROM webhook_attempts WHERE delivery_id IN "
              "(10, 11)") == 0);
  CHECK(count(app, "SELECT COUNT(*) FROM webhook_deliveries") == 4);

  // Years later: every finished row is gone; the queued and in-flight ones
  // stay.
  auto later = prune_finished_rows(*app.db, settings, t0 + 3650 * kDay);
  REQUIRE(later);
  CHECK(count(app, "SELECT COUNT(*) FROM outbox") == 2);
  CHECK(count(app, "SELECT COUNT(*) FROM outbox WHERE id IN (" + std::to_string(queued) + ", " +
                       std::to_string(sending) + ")") == 2);
  CHECK(count(app, "SELECT COUNT(*) FROM webhook_events") == 2);  // 2 and 3
  CHECK(count(app,
              "SELECT COUNT(*) FROM webhook_deliveries WHERE state IN ('queued', "
              "'delivering')") == 2);

  // A shorter retention is honoured.
  const std::int64_t recent = queue_mail(app, "recent@example.com", t0 + 3650 * kDay);
  exec(app, "UPDATE outbox SET state = 'sent', sent_at = " + std::to_string(t0 + 3650 * kDay) +
                " WHERE id = " + std::to_string(recent));
  settings.outbox_days = 1;
  auto short_run = prune_finished_rows(*app.db, settings, t0 + 3651 * kDay + 1);
  REQUIRE(short_run);
  CHECK(short_run.value().mails == 1);
}

TEST_CASE("the background pruner follows the server's clock", "[retention]") {
  TestServer server(Config{}, true);
  App &app = server.app();
  const std::int64_t id = queue_mail(app, "old@example.com", app.now());
  exec(app, "UPDATE outbox SET state = 'sent', sent_at = " + std::to_string(app.now()) +
                " WHERE id = " + std::to_string(id));
  const std::string still = "SELECT COUNT(*) FROM outbox WHERE id = " + std::to_string(id);
  CHECK(count(app, still) == 1);
  app.clock_offset.fetch_add(91 * kDay);
  // Bounded wait for the thread (polls every second); not a timing assertion.
  for (int i = 0; i < 300 && count(app, still) == 1; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(count(app, still) == 0);
}

TEST_CASE(
    "the retention config: ranges and unknown members are errors naming "
    "the member",
    "[retention][config]") {
  auto parsed = parse_config(R"({"retention": {"outbox_days": 30, "webhook_days": 3650}})", ".");
  REQUIRE(parsed);
  CHECK(parsed.value().retention.outbox_days == 30);
  CHECK(parsed.value().retention.webhook_days == 3650);
  auto defaults = parse_config("{}", ".");
  REQUIRE(defaults);
  CHECK(defaults.value().retention.outbox_days == 90);
  CHECK(defaults.value().retention.webhook_days == 90);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"retention": {"outbox_days": 0}})", "retention.outbox_days"},
      {R"({"retention": {"outbox_days": 3651}})", "retention.outbox_days"},
      {R"({"retention": {"webhook_days": "90"}})", "retention.webhook_days"},
      {R"({"retention": {"webhook_days": 1.5}})", "retention.webhook_days"},
      {R"({"retention": {"outbox_dayz": 9}})", "retention.outbox_dayz"},
      {R"({"retention": 90})", "retention"},
  };
  for (const auto &[text, path] : bad) {
    INFO(text);
    auto refused = parse_config(text, ".");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().path == path);
  }
}
