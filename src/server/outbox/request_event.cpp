#include "outbox/request_event.hpp"

#include "http_util.hpp"
#include "vouch/snapshot.hpp"
#include "webhooks/webhook_events.hpp"

namespace vouch::server::outbox {

Status announce_request_sent(Database& db, const MailRow& row, std::int64_t now) {
  if (row.kind != "review_request" && row.kind != "reminder") return Ok{};
  constexpr std::string_view kPrefix = "request:";
  if (row.reference.compare(0, kPrefix.size(), kPrefix) != 0) return Ok{};
  const std::string id = row.reference.substr(kPrefix.size());
  json request = {{"id", id},
                  {"order_id", nullptr},
                  {"kind", row.kind == "reminder" ? "reminder" : "request"},
                  {"products", json::array()},
                  {"sent", format_utc(now)}};
  // What the enqueuer said about the request (order, products); a row that
  // holds anything else is announced with the id alone, never refused.
  const json extra = json::parse(row.request_data, nullptr, false);
  if (extra.is_object()) {
    if (auto it = extra.find("order_id"); it != extra.end() && it->is_string())
      request["order_id"] = *it;
    if (auto it = extra.find("products"); it != extra.end() && it->is_array()) {
      for (const json& product : *it)
        if (product.is_string()) request["products"].push_back(product);
    }
  }
  const json data = {{"request", request}};
  const json personal = {{"customer", {{"email", row.to_address}}}};
  Result<webhooks::RecordedEvent> recorded =
      webhooks::record_event(db, "request.sent", dump_json(data), now, dump_json(personal));
  if (!recorded) return recorded.error();
  return Ok{};
}

}  // namespace vouch::server::outbox
