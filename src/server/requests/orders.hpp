#pragma once
// Orders from the store's backend (POST /api/v1/admin/orders, `orders import`):
// the one validator of an order and the one place an order is stored, with its
// request row scheduled in the same transaction. Idempotent on order_id: the
// same order again changes nothing; a different one under the same id is a
// conflict (never a silent overwrite).

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "app/outcome.hpp"
#include "http_util.hpp"
#include "requests/unsubscribes.hpp"  // is_unsubscribed: the consent check beside the orders

namespace vouch::server::requests {

struct OrderItem {
  std::string product_id;
  std::string name;
  std::string url;    // the product page (http/https)
  std::string image;  // "" or http/https
};

struct OrderInput {
  std::string order_id;
  std::string customer_name;
  std::string email;
  std::string locale = "en";  // resolved to one of the 7 shipped locales
  std::vector<OrderItem> items;
  std::int64_t fulfilled_at = 0;
};

struct OrderIssue {
  std::string field;  // "customer.email", "items[2].url", ...
  std::string code;   // required, wrong_type, invalid, too_long, duplicate, out_of_range
  std::string message;
};

inline constexpr std::size_t kMaxOrderItems = 50;

// The order in `body` (the API's JSON shape), or every problem found.
// `now` bounds fulfilled_at (not more than a day ahead).
std::vector<OrderIssue> parse_order(const json& body, std::int64_t now, OrderInput& out);

struct StoredOrder {
  bool created = false;         // false: the same order was already stored
  std::int64_t request_id = 0;  // 0 = none scheduled (requests disabled)
  std::int64_t request_due = 0;
};

// Stores a parsed order (source "api" or "import") and schedules its request.
// Conflict when the id exists with other content. `dry_run`: the same checks
// and the same answer (created, due), nothing written.
app::Outcome<StoredOrder> store_order(App& app, const OrderInput& order, const std::string& source,
                                      bool dry_run = false);

// The one use case behind POST /api/v1/admin/orders and `orders import`:
// parse_order at app.now(), then store_order. When the order is refused as
// invalid, `issues` holds every problem and the answer is an Invalid problem
// "invalid_order"; nothing is stored then.
app::Outcome<StoredOrder> submit_order(App& app, const json& body, const std::string& source,
                                       std::vector<OrderIssue>& issues, bool dry_run = false);

// The console's list: newest first, with each order's requests; `search`
// ("" = all) keeps orders whose id or address contains it.
app::Outcome<json> list_orders(App& app, std::int64_t limit, std::int64_t offset,
                               const std::string& search = "");

// Lowercased address: caps and unsubscribes match on it.
std::string email_key(std::string_view email);

// GDPR erasure (app::erase_reviewer_data): the orders to this address lose the
// customer's name and address, and their requests not sent yet are skipped
// ("erased"), so no mail is ever built for them; sent requests keep their
// states for the request analytics. Returns how many orders were forgotten.
Result<std::int64_t> forget_orders(Database& db, std::string_view email);

}  // namespace vouch::server::requests
