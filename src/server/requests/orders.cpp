#include "requests/orders.hpp"

#include <mutex>
#include <set>

#include "import_dates.hpp"
#include "vouch/email.hpp"
#include "vouch/i18n.hpp"
#include "vouch/render.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::requests {

namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxUrlBytes = 2048;
constexpr std::int64_t kEarliest = 946684800;  // 2000-01-01: older is a unit mistake

bool has_control(std::string_view text) {
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

// A string member; records the problem and returns false when it is not one.
bool string_at(const json& object, const char* key, const std::string& path, bool required,
               std::string& out, std::vector<OrderIssue>& issues) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (required) issues.push_back({path, "required", path + " is required"});
    return false;
  }
  if (!it->is_string()) {
    issues.push_back({path, "wrong_type", path + ": expected a string"});
    return false;
  }
  out = it->get<std::string>();
  return true;
}

void check_text(const std::string& path, const std::string& text, std::size_t max, bool required,
                std::vector<OrderIssue>& issues) {
  if (!utf8::is_valid(text)) {
    issues.push_back({path, "invalid", path + " is not valid UTF-8"});
  } else if (text.size() > max) {
    issues.push_back({path, "too_long", path + ": at most " + std::to_string(max) + " bytes"});
  } else if (has_control(text)) {
    issues.push_back({path, "invalid", path + " may not hold control characters or line breaks"});
  } else if (required && text.find_first_not_of(' ') == std::string::npos) {
    issues.push_back({path, "required", path + " is empty"});
  }
}

void check_url(const std::string& path, const std::string& url, std::vector<OrderIssue>& issues) {
  if (url.size() > kMaxUrlBytes)
    issues.push_back({path, "too_long", path + ": at most 2048 bytes"});
  else if (!render::is_safe_url(url) || !utf8::is_valid(url))
    issues.push_back({path, "invalid", path + ": expected an absolute http(s) URL"});
}

std::string items_json(const std::vector<OrderItem>& items) {
  json list = json::array();
  for (const OrderItem& item : items)
    list.push_back({{"product", item.product_id},
                    {"name", item.name},
                    {"url", item.url},
                    {"image", item.image}});
  return dump_json(list);
}

// When the first mail of an order is due (its reminders follow from the send).
std::int64_t due_of_first_request(const OrderInput& order, const RequestSettings& settings) {
  return order.fulfilled_at + static_cast<std::int64_t>(settings.delay_days) * 86400;
}

}  // namespace

std::string email_key(std::string_view email) {
  std::string key(email);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

Result<std::int64_t> forget_orders(Database& db, std::string_view email) {
  const std::string key = email_key(email);
  Statement skip(db.handle(),
                 "UPDATE review_requests SET state = 'skipped', skip_reason = 'erased' WHERE "
                 "state = 'scheduled' AND order_id IN (SELECT order_id FROM orders WHERE "
                 "email_key = ?1)");
  skip.bind(1, key);
  if (Status s = skip.run(); !s) return s.error();
  Statement blank(db.handle(),
                  "UPDATE orders SET customer_name = '', email = '', email_key = '' WHERE "
                  "email_key = ?1");
  blank.bind(1, key);
  if (Status s = blank.run(); !s) return s.error();
  return static_cast<std::int64_t>(sqlite3_changes(db.handle()));
}

std::vector<OrderIssue> parse_order(const json& body, std::int64_t now, OrderInput& out) {
  std::vector<OrderIssue> issues;
  if (!body.is_object()) return {{"", "wrong_type", "an order is a JSON object"}};
  static const std::set<std::string> kKnown = {"order_id", "customer", "items", "fulfilled_at"};
  for (const auto& item : body.items())
    if (!kKnown.count(item.key()))
      issues.push_back({item.key(), "unknown",
                        item.key() + ": unknown member (expected order_id, "
                                     "customer, items, fulfilled_at)"});
  if (string_at(body, "order_id", "order_id", true, out.order_id, issues) &&
      !is_valid_id(out.order_id))
    issues.push_back({"order_id", "invalid",
                      "order_id: 1..200 bytes of UTF-8 without control characters, quotes, angle "
                      "brackets or backslashes"});

  const auto customer = body.find("customer");
  if (customer == body.end() || !customer->is_object()) {
    issues.push_back({"customer", customer == body.end() ? "required" : "wrong_type",
                      "customer: expected an object {name, email, locale}"});
  } else {
    if (string_at(*customer, "email", "customer.email", true, out.email, issues) &&
        !is_valid_email(out.email))
      issues.push_back(
          {"customer.email", "invalid", "customer.email: not an address mail can go to"});
    if (string_at(*customer, "name", "customer.name", false, out.customer_name, issues))
      check_text("customer.name", out.customer_name, kMaxNameBytes, false, issues);
    std::string locale;
    if (string_at(*customer, "locale", "customer.locale", false, locale, issues)) {
      if (locale.size() > 35 || has_control(locale))
        issues.push_back(
            {"customer.locale", "invalid", "customer.locale: a BCP 47 tag like \"de-CH\""});
      else
        out.locale = std::string(i18n::locale_tag(i18n::resolve_locale(locale)));
    }
  }

  const auto items = body.find("items");
  if (items == body.end() || !items->is_array() || items->empty()) {
    issues.push_back({"items", items == body.end() ? "required" : "invalid",
                      "items: expected a non-empty array of {product, name, url, image}"});
  } else if (items->size() > kMaxOrderItems) {
    issues.push_back({"items", "too_long", "items: at most 50 products per order"});
  } else {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const json& entry = (*items)[i];
      const std::string path = "items[" + std::to_string(i) + "]";
      if (!entry.is_object()) {
        issues.push_back({path, "wrong_type", path + ": expected an object"});
        continue;
      }
      OrderItem item;
      if (string_at(entry, "product", path + ".product", true, item.product_id, issues)) {
        if (!is_valid_id(item.product_id))
          issues.push_back(
              {path + ".product", "invalid", path + ".product: not a valid product id"});
        else if (!seen.insert(item.product_id).second)
          issues.push_back({path + ".product", "duplicate",
                            path + ".product: the product is listed twice in this order"});
      }
      if (string_at(entry, "name", path + ".name", true, item.name, issues))
        check_text(path + ".name", item.name, kMaxNameBytes, true, issues);
      if (string_at(entry, "url", path + ".url", true, item.url, issues))
        check_url(path + ".url", item.url, issues);
      if (string_at(entry, "image", path + ".image", false, item.image, issues) &&
          !item.image.empty())
        check_url(path + ".image", item.image, issues);
      out.items.push_back(std::move(item));
    }
  }

  const auto fulfilled = body.find("fulfilled_at");
  std::optional<std::int64_t> when;
  if (fulfilled == body.end()) {
    issues.push_back({"fulfilled_at", "required", "fulfilled_at is required"});
  } else if (fulfilled->is_number_integer()) {
    when = fulfilled->get<std::int64_t>();
  } else if (fulfilled->is_string()) {
    when = parse_import_date(fulfilled->get_ref<const std::string&>(), SlashOrder::MonthFirst);
    if (!when)
      issues.push_back({"fulfilled_at", "invalid",
                        "fulfilled_at: expected an ISO 8601 time like 2026-12-01T10:00:00Z or "
                        "Unix seconds"});
  } else {
    issues.push_back({"fulfilled_at", "wrong_type", "fulfilled_at: a time string or Unix seconds"});
  }
  if (when) {
    if (*when < kEarliest || *when > now + 86400)
      issues.push_back({"fulfilled_at", "out_of_range",
                        "fulfilled_at: between 2000-01-01 and one day from now"});
    else
      out.fulfilled_at = *when;
  }
  return issues;
}

app::Outcome<StoredOrder> store_order(App& app, const OrderInput& order, const std::string& source,
                                      bool dry_run) {
  Database& db = *app.db;
  const std::int64_t now = app.now();
  const RequestSettings& settings = app.config.requests;
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  {
    Statement existing(db.handle(),
                       "SELECT customer_name, email, locale, fulfilled_at FROM orders WHERE "
                       "order_id = ?1");
    existing.bind(1, order.order_id);
    if (existing.step()) {
      std::vector<OrderItem> items;
      Statement rows(db.handle(),
                     "SELECT product_id, name, url, image FROM order_items WHERE order_id = ?1 "
                     "ORDER BY position");
      rows.bind(1, order.order_id);
      while (rows.step()) items.push_back({rows.text(0), rows.text(1), rows.text(2), rows.text(3)});
      const bool same = existing.text(0) == order.customer_name &&
                        existing.text(1) == order.email && existing.text(2) == order.locale &&
                        existing.integer(3) == order.fulfilled_at &&
                        items_json(items) == items_json(order.items);
      if (!same)
        return app::problem(app::Failure::Conflict, "order_conflict",
                            "order " + order.order_id +
                                " is already stored with other content; an order is never "
                                "overwritten");
      StoredOrder replay;
      Statement request(
          db.handle(),
          "SELECT id, due_at FROM review_requests WHERE order_id = ?1 AND sequence = 0");
      request.bind(1, order.order_id);
      if (request.step()) {
        replay.request_id = request.integer(0);
        replay.request_due = request.integer(1);
      }
      return replay;
    }
  }
  if (dry_run) {
    StoredOrder would;
    would.created = true;
    if (settings.enabled) would.request_due = due_of_first_request(order, settings);
    return would;
  }
  Transaction transaction(db);
  Statement insert(db.handle(),
                   "INSERT INTO orders (order_id, customer_name, email, email_key, locale, "
                   "fulfilled_at, source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, order.order_id)
      .bind(2, order.customer_name)
      .bind(3, order.email)
      .bind(4, email_key(order.email))
      .bind(5, order.locale)
      .bind(6, order.fulfilled_at)
      .bind(7, source)
      .bind(8, now);
  Status ran = insert.run();
  for (std::size_t i = 0; ran && i < order.items.size(); ++i) {
    const OrderItem& item = order.items[i];
    Statement row(db.handle(),
                  "INSERT INTO order_items (order_id, position, product_id, name, url, image) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    row.bind(1, order.order_id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, item.product_id)
        .bind(4, item.name)
        .bind(5, item.url)
        .bind(6, item.image);
    ran = row.run();
  }
  StoredOrder stored;
  stored.created = true;
  if (ran && settings.enabled) {
    stored.request_due = due_of_first_request(order, settings);
    Statement request(db.handle(),
                      "INSERT INTO review_requests (order_id, sequence, kind, due_at, created_at) "
                      "VALUES (?1, 0, 'request', ?2, ?3)");
    request.bind(1, order.order_id).bind(2, stored.request_due).bind(3, now);
    ran = request.run();
    if (ran) stored.request_id = static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
  }
  if (ran) ran = transaction.commit();
  if (!ran) return app::problem_from(ran.error(), "internal");
  return stored;
}

app::Outcome<StoredOrder> submit_order(App& app, const json& body, const std::string& source,
                                       std::vector<OrderIssue>& issues, bool dry_run) {
  OrderInput order;
  issues = parse_order(body, app.now(), order);
  if (!issues.empty())
    return app::problem(app::Failure::Invalid, "invalid_order",
                        "the order was not stored; see errors");
  return store_order(app, order, source, dry_run);
}

// `search` ("" = all): part of the order id, or part of the address (case-folded
// like email_key). The same condition filters the page and counts the total.
constexpr const char* kOrderSearch =
    "(?3 = '' OR instr(o.order_id, ?3) > 0 OR instr(o.email_key, ?4) > 0)";

app::Outcome<json> list_orders(App& app, std::int64_t limit, std::int64_t offset,
                               const std::string& search) {
  Database& db = *app.db;
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  json orders = json::array();
  // verified_reviews: the order's products reviewed through its own links;
  // unsubscribed: the address opted out (no more request mails, any order).
  Statement rows(db.handle(),
                 std::string("SELECT o.order_id, o.customer_name, o.email, o.locale, "
                             "o.fulfilled_at, o.source, o.created_at, (SELECT COUNT(*) FROM "
                             "verified_orders v WHERE v.order_id = o.order_id), EXISTS (SELECT 1 "
                             "FROM unsubscribes u WHERE u.email_key = o.email_key) FROM orders o "
                             "WHERE ") +
                     kOrderSearch + " ORDER BY o.created_at DESC, o.order_id LIMIT ?1 OFFSET ?2");
  rows.bind(1, limit).bind(2, offset).bind(3, search).bind(4, email_key(search));
  while (rows.step()) {
    json order = {
        {"order_id", rows.text(0)},
        {"customer", {{"name", rows.text(1)}, {"email", rows.text(2)}, {"locale", rows.text(3)}}},
        {"fulfilled_at", format_utc(rows.integer(4))},
        {"source", rows.text(5)},
        {"created", format_utc(rows.integer(6))},
        {"verified_reviews", rows.integer(7)},
        {"unsubscribed", rows.integer(8) != 0}};
    json items = json::array();
    Statement item(db.handle(),
                   "SELECT product_id, name, url, image FROM order_items WHERE order_id = ?1 ORDER "
                   "BY position");
    item.bind(1, rows.text(0));
    while (item.step())
      items.push_back({{"product", item.text(0)},
                       {"name", item.text(1)},
                       {"url", item.text(2)},
                       {"image", item.text(3)}});
    order["items"] = items;
    json requests = json::array();
    Statement request(
        db.handle(),
        "SELECT r.id, r.kind, r.state, r.skip_reason, r.due_at, r.queued_at, "
        "(SELECT COUNT(*) FROM request_clicks c WHERE c.request_id = r.id), "
        "COALESCE((SELECT state FROM outbox o WHERE o.id = r.outbox_id), r.pruned_mail_state) "
        "FROM review_requests r WHERE r.order_id = ?1 ORDER BY r.sequence");
    request.bind(1, rows.text(0));
    while (request.step()) {
      requests.push_back(
          {{"id", request.integer(0)},
           {"kind", request.text(1)},
           {"state", request.text(2)},
           {"skip_reason", request.text(3)},
           {"due", format_utc(request.integer(4))},
           {"queued", request.is_null(5) ? json(nullptr) : json(format_utc(request.integer(5)))},
           {"clicks", request.integer(6)},
           {"mail_state", request.text(7)}});
    }
    order["requests"] = requests;
    orders.push_back(order);
  }
  if (rows.failed()) return app::problem(app::Failure::Storage, "internal", "database error");
  Statement total(db.handle(), std::string("SELECT COUNT(*) FROM orders o WHERE ") + kOrderSearch);
  total.bind(3, search).bind(4, email_key(search));
  const std::int64_t count = total.step() ? total.integer(0) : 0;
  return json{{"total", count}, {"orders", orders}};
}

}  // namespace vouch::server::requests
