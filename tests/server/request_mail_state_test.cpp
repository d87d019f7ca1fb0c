// A review request's mail_state (GET /api/v1/admin/orders) after retention
// pruned its outbox row: the final state (sent / failed) is kept on the
// request in the pruner's transaction (migration 10), and a later mail that
// reuses the pruned row's id is never reported as the request's. The same when
// an erasure forgets the address's mails.
#include <catch2/catch.hpp>
#include <map>

#include "db.hpp"
#include "http_util.hpp"
#include "outbox/outbox.hpp"
#include "outbox/outbox_store.hpp"
#include "requests/request_scheduler.hpp"
#include "retention.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;

namespace {

// order id -> the mail_state of its first request, from the orders list.
std::map<std::string, std::string> mail_states(httplib::Client& client) {
  auto res = client.Get("/api/v1/admin/orders", admin_headers());
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  std::map<std::string, std::string> out;
  const json listed = json::parse(res->body);
  for (const json& order : listed["orders"])
    out[order["order_id"].get<std::string>()] =
        order["requests"].at(0)["mail_state"].get<std::string>();
  return out;
}

// The outbox worker's own steps for one due mail (no SMTP relay here).
void finish_next_mail(vouch::server::App& app, bool sent) {
  auto claimed = vouch::server::outbox::claim_due_mail(*app.db, app.now());
  REQUIRE(claimed);
  REQUIRE(claimed.value());
  const vouch::server::outbox::MailRow& row = *claimed.value();
  if (sent)
    REQUIRE(vouch::server::outbox::mark_sent(*app.db, row, app.now()));
  else
    REQUIRE(vouch::server::outbox::mark_failed(*app.db, row.id, "550 no such mailbox"));
}

std::int64_t outbox_count(vouch::server::App& app) {
  return count_rows(app, "SELECT COUNT(*) FROM outbox");
}

}  // namespace

TEST_CASE("mail_state survives the pruning of the outbox row; a reused outbox id is not taken",
          "[requests][retention]") {
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  auto client = server.client();
  const std::int64_t now = app.now();
  for (const auto& [id, email] :
       std::vector<std::pair<std::string, std::string>>{{"sent-1", "sent@example.com"},
                                                        {"failed-1", "failed@example.com"},
                                                        {"waiting-1", "waiting@example.com"}}) {
    auto res = client.Post("/api/v1/admin/orders", admin_headers(),
                           mug_order(id, email, now).dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
  }
  app.clock_offset.fetch_add(7 * kDay);
  REQUIRE(vouch::server::requests::process_due(app));
  REQUIRE(outbox_count(app) == 3);
  // Oldest first: sent-1, failed-1; waiting-1's mail stays queued.
  finish_next_mail(app, true);
  finish_next_mail(app, false);
  auto before = mail_states(client);
  CHECK(before["sent-1"] == "sent");
  CHECK(before["failed-1"] == "failed");
  CHECK(before["waiting-1"] == "queued");

  // Past retention (90 days): the finished rows go, the queued one stays.
  app.clock_offset.fetch_add(91 * kDay);
  REQUIRE(vouch::server::prune_finished_rows(*app.db, app.config.retention, app.now()));
  CHECK(outbox_count(app) == 1);
  auto after = mail_states(client);
  CHECK(after["sent-1"] == "sent");
  CHECK(after["failed-1"] == "failed");
  CHECK(after["waiting-1"] == "queued");

  // Outbox ids are rowids: with the highest rows gone, new mails take their
  // ids again. The pruned requests still report their own final state.
  vouch::server::outbox::OutgoingMail mail;
  mail.kind = "test";
  mail.to_address = "owner@example.com";
  mail.subject = "Hello";
  mail.text_body = "Body";
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    vouch::server::Statement clear(app.db->handle(), "DELETE FROM outbox");
    REQUIRE(clear.run());
    for (int i = 0; i < 3; ++i)
      REQUIRE(vouch::server::outbox::enqueue_mail(*app.db, mail, app.now()));
  }
  auto reused = mail_states(client);
  CHECK(reused["sent-1"] == "sent");
  CHECK(reused["failed-1"] == "failed");
}

TEST_CASE("an erasure of the address keeps the requests' mail states, not the outbox ids",
          "[requests][retention][erase]") {
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  auto client = server.client();
  for (const auto& [id, email] :
       std::vector<std::pair<std::string, std::string>>{{"gone-sent", "Gone@Example.com"},
                                                        {"gone-queued", "gone@example.com"},
                                                        {"kept-1", "kept@example.com"}}) {
    auto res = client.Post("/api/v1/admin/orders", admin_headers(),
                           mug_order(id, email, app.now()).dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
  }
  app.clock_offset.fetch_add(7 * kDay);
  REQUIRE(vouch::server::requests::process_due(app));
  finish_next_mail(app, true);  // gone-sent's mail went out; the others wait
  auto erase =
      client.Post("/api/v1/admin/reviewers/erase", admin_headers(),
                  R"({"email": "gone@example.com", "mode": "delete"})", "application/json");
  REQUIRE(erase);
  INFO(erase->body);
  REQUIRE(erase->status == 200);
  CHECK(count_rows(app, "SELECT COUNT(*) FROM outbox WHERE to_address LIKE 'gone@%'") == 0);
  CHECK(count_rows(app, "SELECT COUNT(*) FROM review_requests WHERE outbox_id IS NOT NULL") == 1);
  // New mails take the freed ids; the erased address's requests do not follow them.
  vouch::server::outbox::OutgoingMail mail;
  mail.kind = "test";
  mail.to_address = "owner@example.com";
  mail.subject = "Hello";
  mail.text_body = "Body";
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    for (int i = 0; i < 3; ++i)
      REQUIRE(vouch::server::outbox::enqueue_mail(*app.db, mail, app.now()));
  }
  auto states = mail_states(client);
  CHECK(states["gone-sent"] == "sent");
  CHECK(states["gone-queued"] == "");
  CHECK(states["kept-1"] == "queued");
}
