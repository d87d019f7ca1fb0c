// `vouch-server orders import` (issue 18): past orders from a CSV file go
// through the same use case as POST /api/v1/admin/orders. Hostile files
// (naughty strings, formulas, huge fields, bad dates and addresses, wrong
// column counts, CRLF, quotes) give per-row errors with line and column; an
// order is stored whole or not at all; --strict and --dry-run write nothing.
#include "requests/order_import.hpp"

#include <catch2/catch.hpp>

#include "db.hpp"
#include "http_util.hpp"
#include "requests/request_scheduler.hpp"
#include "shared_data.hpp"
#include "test_server.hpp"

using namespace vouch_test;
using vouch::server::json;
namespace rq = vouch::server::requests;

namespace {

const std::string kHeader =
    "order_id,fulfilled_at,customer_name,customer_email,customer_locale,product,product_name,"
    "product_url,product_image";

// One CSV record, every field quoted (RFC 4180: quotes doubled).
std::string record(const std::vector<std::string>& fields, const std::string& eol = "\n") {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : fields[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out + eol;
}

std::string item_row(const std::string& order, const std::string& when, const std::string& email,
                     const std::string& product, const std::string& name = "A mug",
                     const std::string& locale = "en") {
  return record({order, when, "Mia", email, locale, product, name,
                 "https://shop.example/products/" + product,
                 "https://shop.example/img/" + product + ".png"});
}

std::int64_t count(vouch::server::App& app, const std::string& sql) {
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  vouch::server::Statement statement(app.db->handle(), sql);
  return statement.step() ? statement.integer(0) : -1;
}

rq::OrderImportReport run(vouch::server::App& app, const std::string& csv,
                          rq::OrderImportOptions options = {}) {
  vouch::Result<rq::OrderImportReport> report = rq::import_orders(app, csv, options);
  INFO((report ? std::string() : report.error().to_string()));
  REQUIRE(report.ok());
  return report.value();
}

const rq::OrderImportIssue* issue_at(const rq::OrderImportReport& report, std::size_t line,
                                     const std::string& column, const std::string& code) {
  for (const rq::OrderImportIssue& issue : report.issues)
    if (issue.line == line && issue.column == column && issue.code == code) return &issue;
  return nullptr;
}

std::string issues_text(const rq::OrderImportReport& report) {
  std::string out;
  for (const rq::OrderImportIssue& issue : report.issues)
    out += "line " + std::to_string(issue.line) + " [" + issue.column + "] " + issue.code + ": " +
           issue.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("orders import: rows grouped per order, the same use case as the API, idempotent",
          "[requests][import]") {
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  const std::string today = vouch::format_utc(app.now() - kDay);
  // A BOM, CRLF line ends, a quoted name with a comma, a quote and a line break.
  std::string csv = "\xEF\xBB\xBF" + kHeader + "\r\n";
  csv += item_row("1001", today, "mia@example.com", "mug", "Mug, \"big\" blue", "de-CH");
  csv.replace(csv.size() - 1, 1, "\r\n");
  csv += record({"1002", std::to_string(app.now() - 2 * kDay), "", "li@example.com", "zh-HK",
                 "scarf", "围巾", "https://shop.example/products/scarf", ""},
                "\r\n");
  csv += item_row("1001", today, "mia@example.com", "plate", "Plate", "de-CH");
  const rq::OrderImportReport report = run(app, csv);
  INFO(issues_text(report));
  CHECK(report.issues.empty());
  CHECK(report.rows == 3);
  CHECK(report.orders == 2);
  CHECK(report.imported == 2);
  CHECK(report.scheduled == 2);
  CHECK(report.written);
  CHECK(count(app, "SELECT COUNT(*) FROM order_items WHERE order_id = '1001'") == 2);
  CHECK(count(app, "SELECT COUNT(*) FROM orders WHERE source = 'import'") == 2);
  CHECK(count(app, "SELECT COUNT(*) FROM order_items WHERE name = 'Mug, \"big\" blue'") == 1);
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    vouch::server::Statement locale(app.db->handle(),
                                    "SELECT locale FROM orders ORDER BY order_id");
    REQUIRE(locale.step());
    CHECK(locale.text(0) == "de");
    REQUIRE(locale.step());
    CHECK(locale.text(0) == "zh-TW");
  }

  // Again: every order already known, nothing new.
  const rq::OrderImportReport again = run(app, csv);
  CHECK(again.imported == 0);
  CHECK(again.known == 2);
  CHECK(count(app, "SELECT COUNT(*) FROM review_requests") == 2);
  // The API sees the imported order as its own (one idempotency rule).
  auto client = server.client();
  json order = {
      {"order_id", "1002"},
      {"customer", {{"name", ""}, {"email", "li@example.com"}, {"locale", "zh-HK"}}},
      {"items",
       {{{"product", "scarf"}, {"name", "围巾"}, {"url", "https://shop.example/products/scarf"}}}},
      {"fulfilled_at", app.now() - 2 * kDay}};
  auto res = client.Post("/api/v1/admin/orders", admin_headers(), order.dump(), "application/json");
  REQUIRE(res);
  INFO(res->body);
  CHECK(res->status == 200);
  order["customer"]["email"] = "other@example.com";
  res = client.Post("/api/v1/admin/orders", admin_headers(), order.dump(), "application/json");
  REQUIRE(res);
  CHECK(res->status == 409);
}

TEST_CASE("orders import: an order older than max_age_days is stored, never mailed",
          "[requests][import]") {
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  const std::string csv =
      kHeader + "\n" +
      item_row("old-1", vouch::format_utc(app.now() - 100 * kDay), "old@example.com", "mug") +
      item_row("new-1", vouch::format_utc(app.now()), "new@example.com", "mug");
  const rq::OrderImportReport report = run(app, csv);
  CHECK(report.imported == 2);
  app.clock_offset.fetch_add(8 * kDay);
  REQUIRE(rq::process_due(app).ok());
  // The old one was due long ago: skipped as too old (the scheduler's rule).
  CHECK(count(app,
              "SELECT COUNT(*) FROM review_requests WHERE order_id = 'old-1' AND state = "
              "'skipped' AND skip_reason = 'too_old'") == 1);
  CHECK(count(app, "SELECT COUNT(*) FROM outbox WHERE to_address = 'old@example.com'") == 0);
  CHECK(count(app, "SELECT COUNT(*) FROM outbox WHERE to_address = 'new@example.com'") == 1);
}

TEST_CASE("orders import: hostile rows are refused with line, column and why; good ones stay",
          "[requests][import]") {
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  const std::string now = vouch::format_utc(app.now());
  std::string csv = kHeader + "\n";                                             // line 1
  csv += item_row("good-1", now, "a@example.com", "mug");                       // 2
  csv += item_row("bad-date", "2026-13-45T99:00:00Z", "b@example.com", "mug");  // 3
  csv += item_row("bad-mail", now, "not an address", "mug");                    // 4
  csv += item_row("formula", now, "c@example.com", "mug",                       // 5
                  "=HYPERLINK(\"https://evil.example\",\"click\")");
  csv += record({"js-url", now, "Mia", "d@example.com", "en", "mug", "Mug",  // 6
                 "javascript:alert(1)", ""});
  csv += item_row("huge", now, "e@example.com", "mug", std::string(1 << 20, 'x'));  // 7
  csv += "short-row,2026-01-01\n";                                                  // 8
  csv += item_row("two-rows", now, "f@example.com", "mug");                         // 9
  csv += item_row("two-rows", now, "other@example.com", "plate");                   // 10
  csv += item_row("ctrl", now, "g@example.com", "mug", std::string("tab\there"));   // 11
  csv += item_row("future", "2999-01-01T00:00:00Z", "h@example.com", "mug");        // 12
  csv += item_row("good-2", std::to_string(app.now()), "i@example.com", "mug");     // 13
  csv += item_row("dup-item", now, "j@example.com", "mug");                         // 14
  csv += item_row("dup-item", now, "j@example.com", "mug");                         // 15
  csv += item_row("bad\"id<>", now, "k@example.com", "mug");                        // 16
  csv += item_row("half", now, "l@example.com", "mug");                             // 17
  csv += "half,x\n";                                                                // 18
  const rq::OrderImportReport report = run(app, csv);
  INFO(issues_text(report));
  CHECK(report.rows == 17);
  // good-1, formula (a name is text: stored as given, never evaluated), good-2.
  CHECK(report.imported == 3);
  CHECK(report.refused == 11);
  CHECK(issue_at(report, 3, "fulfilled_at", "invalid"));
  CHECK(issue_at(report, 4, "customer_email", "invalid"));
  CHECK(issue_at(report, 6, "product_url", "invalid"));
  CHECK(issue_at(report, 7, "product_name", "too_long"));
  CHECK(issue_at(report, 8, "", "field_count"));
  CHECK(issue_at(report, 10, "customer_email", "inconsistent"));
  CHECK(issue_at(report, 11, "product_name", "invalid"));
  CHECK(issue_at(report, 12, "fulfilled_at", "out_of_range"));
  CHECK(issue_at(report, 15, "product", "duplicate"));
  CHECK(issue_at(report, 16, "order_id", "invalid"));
  CHECK(issue_at(report, 18, "", "field_count"));
  CHECK(issue_at(report, 17, "order_id", "incomplete"));
  CHECK(count(app,
              "SELECT COUNT(*) FROM order_items WHERE name = "
              "'=HYPERLINK(\"https://evil.example\",\"click\")'") == 1);
  // Nothing of a refused order is stored: no order, no item, no request.
  CHECK(count(app, "SELECT COUNT(*) FROM orders") == 3);
  CHECK(count(app, "SELECT COUNT(*) FROM order_items") == 3);
  CHECK(count(app, "SELECT COUNT(*) FROM review_requests") == 3);
  CHECK(count(app, "SELECT COUNT(*) FROM orders WHERE order_id IN ('two-rows', 'half')") == 0);

  // A line break inside a quoted field: the next record's line is still right.
  const std::string multi = kHeader + "\n" +
                            item_row("m-1", now, "m@example.com", "mug", "two\nlines") +
                            item_row("m-2", now, "bad", "mug");
  const rq::OrderImportReport lines = run(app, multi);
  INFO(issues_text(lines));
  CHECK(issue_at(lines, 2, "product_name", "invalid"));  // a name is one line
  CHECK(issue_at(lines, 4, "customer_email", "invalid"));
}

TEST_CASE("orders import: --strict and --dry-run write nothing; a broken file writes nothing",
          "[requests][import]") {
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  const std::string now = vouch::format_utc(app.now());
  const std::string csv = kHeader + "\n" + item_row("s-1", now, "a@example.com", "mug") +
                          item_row("s-2", now, "a@example.com", "mug") +
                          item_row("s-2", now, "a@example.com", "plate", "\x01");
  rq::OrderImportOptions strict;
  strict.strict = true;
  const rq::OrderImportReport refused = run(app, csv, strict);
  CHECK_FALSE(refused.written);
  CHECK(refused.refused == 1);
  CHECK(refused.imported == 1);  // would have been
  CHECK(count(app, "SELECT COUNT(*) FROM orders") == 0);
  CHECK(count(app, "SELECT COUNT(*) FROM order_items") == 0);

  rq::OrderImportOptions dry;
  dry.dry_run = true;
  const std::string good = kHeader + "\n" + item_row("d-1", now, "a@example.com", "mug");
  const rq::OrderImportReport checked = run(app, good, dry);
  CHECK_FALSE(checked.written);
  CHECK(checked.imported == 1);
  CHECK(count(app, "SELECT COUNT(*) FROM orders") == 0);

  // Whole-file errors: an Error naming the line, nothing written.
  const std::vector<std::pair<std::string, std::string>> broken = {
      {"", "empty"},
      {"\n\n", "empty"},
      {"order_id,fulfilled_at,customer_email,product,product_name\n1,2,3,4,5\n", "product_url"},
      {kHeader + ",coupon\n", "unknown column"},
      {kHeader + ",product\n", "twice"},
      {kHeader + "\n" + item_row("q-1", now, "a@example.com", "mug") + "q-2,\"open\n",
       "never closed"},
      {kHeader + "\n" + "q-3,x\"y,a,b,c,d,e,f,g\n", "quote inside"},
  };
  for (const auto& [text, why] : broken) {
    INFO(text.substr(0, 200));
    vouch::Result<rq::OrderImportReport> report = rq::import_orders(app, text, {});
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().to_string().find(why) != std::string::npos);
  }
  CHECK(count(app, "SELECT COUNT(*) FROM orders") == 0);
}

TEST_CASE("orders import: naughty strings in every column never break the import or the store",
          "[requests][import]") {
  VOUCH_SHARED_DATA_OR_SKIP(naughty, "conformance/naughty_strings/blns.json");
  const json strings = json::parse(read_file(naughty), nullptr, false);
  REQUIRE(strings.is_array());
  TestServer server(vouch::server::Config{}, true);
  vouch::server::App& app = server.app();
  const std::string now = vouch::format_utc(app.now());
  for (std::size_t column = 0; column < 9; ++column) {
    std::string csv = kHeader + "\n";
    std::size_t n = 0;
    for (const json& s : strings) {
      if (!s.is_string()) continue;
      std::vector<std::string> fields = {"n" + std::to_string(column) + "-" + std::to_string(n++),
                                         now,
                                         "Mia",
                                         "mia@example.com",
                                         "en",
                                         "mug",
                                         "Mug",
                                         "https://shop.example/products/mug",
                                         ""};
      fields[column] = s.get<std::string>();
      csv += record(fields);
    }
    const rq::OrderImportReport report = run(app, csv);
    INFO("column " << column << "\n" << issues_text(report));
    CHECK(report.imported + report.known + report.refused == report.orders);
    for (const rq::OrderImportIssue& issue : report.issues) CHECK(issue.line >= 2);
  }
  // Every stored order is whole: each has its item and its request.
  CHECK(count(app,
              "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i "
              "WHERE i.order_id = o.order_id)") == 0);
  CHECK(count(app, "SELECT COUNT(*) FROM orders") == count(app,
                                                           "SELECT COUNT(*) FROM "
                                                           "review_requests"));
}
