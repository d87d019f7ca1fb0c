// The `requests` member of the owner's analytics (issues 16 and 18): the
// review-request funnel per period against a brute-force count over random
// orders, requests, reminders, star-link clicks and reviews (fixed seeds),
// in UTC and in Europe/Berlin; an empty range, one request, the product
// filter, rating-blindness and the cache dropping answers on writes.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "analytics/analytics_report.hpp"
#include "http_util.hpp"
#include "test_server.hpp"
#include "vouch/civil_date.hpp"

using vouch::server::json;
using vouch::server::Statement;
using namespace vouch_test;

namespace {

// 2026-06-01 00:00 UTC, a Monday; June and July are summer time in Berlin (UTC+2).
constexpr std::int64_t kJune1 = 1'780'272'000;
const char* const kRange = "from=2026-06-01&to=2026-07-31&period=week";

struct Db {
  vouch::server::App& app;
  void order(const std::string& id) {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    Statement s(app.db->handle(),
                "INSERT INTO orders (order_id, email, email_key, fulfilled_at, created_at) "
                "VALUES (?1, 'a@example.com', 'a@example.com', ?2, ?2)");
    s.bind(1, id).bind(2, kJune1 - 30 * kDay);
    REQUIRE(s.run().ok());
  }
  std::int64_t request(const std::string& order, int sequence, const std::string& state,
                       const std::string& products, std::int64_t queued_at) {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    Statement s(app.db->handle(),
                "INSERT INTO review_requests (order_id, sequence, kind, due_at, state, products, "
                "queued_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4)");
    s.bind(1, order).bind(2, static_cast<std::int64_t>(sequence));
    s.bind(3, sequence == 0 ? "request" : "reminder").bind(4, queued_at - 60).bind(5, state);
    s.bind(6, products);
    if (state == "queued")
      s.bind(7, queued_at);
    else
      s.bind(7, std::int64_t{0});  // overwritten to NULL below
    REQUIRE(s.run().ok());
    const std::int64_t id = sqlite3_last_insert_rowid(app.db->handle());
    if (state != "queued") {
      Statement n(app.db->handle(), "UPDATE review_requests SET queued_at = NULL WHERE id = ?1");
      n.bind(1, id);
      REQUIRE(n.run().ok());
    }
    return id;
  }
  void click(std::int64_t request, const std::string& product, int rating, std::int64_t at) {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    Statement s(app.db->handle(),
                "INSERT INTO request_clicks (request_id, product_id, rating, created_at) "
                "VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, request).bind(2, product).bind(3, static_cast<std::int64_t>(rating)).bind(4, at);
    REQUIRE(s.run().ok());
  }
  void review(const std::string& id, const std::string& product, const std::string& status,
              int rating, std::int64_t created) {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    Statement s(app.db->handle(),
                "INSERT INTO reviews (id, product_id, status, rating, title, body, author, "
                "created, updated, media) VALUES (?1, ?2, ?3, ?4, 'T', 'Body text', 'A', ?5, ?5, "
                "'[]')");
    s.bind(1, id).bind(2, product).bind(3, status).bind(4, static_cast<std::int64_t>(rating));
    s.bind(5, created);
    REQUIRE(s.run().ok());
  }
  // false when the order already verified a review of this product (one per order and product)
  bool verify(const std::string& product, const std::string& order, const std::string& review) {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    Statement s(app.db->handle(),
                "INSERT OR IGNORE INTO verified_orders (product_id, order_id, review_id, used) "
                "VALUES (?1, ?2, ?3, 1)");
    s.bind(1, product).bind(2, order).bind(3, review);
    REQUIRE(s.run().ok());
    return sqlite3_changes(app.db->handle()) == 1;
  }
};

json requests_of(httplib::Client& client, const std::string& query) {
  const std::string path = "/api/v1/admin/analytics?" + query;
  auto res = client.Get(path.c_str(), admin_headers());
  REQUIRE(res);
  INFO(path << " -> " << res->body);
  REQUIRE(res->status == 200);
  return json::parse(res->body).at("requests");
}

struct Counts {
  std::int64_t sent = 0, opened = 0, from_requests = 0, reviews = 0, verified = 0;
};

std::int64_t day_of(const std::string& date) {
  return vouch::days_from_civil(std::stoll(date.substr(0, 4)),
                                static_cast<unsigned>(std::stoul(date.substr(5, 2))),
                                static_cast<unsigned>(std::stoul(date.substr(8, 2))));
}

void check_figures(const json& got, const Counts& want, bool period = true) {
  CHECK(got.at("sent") == want.sent);
  CHECK(got.at("opened") == want.opened);
  CHECK(got.at("reviews_from_requests") == want.from_requests);
  CHECK(got.at("reviews") == want.reviews);
  CHECK(got.at("verified_reviews") == want.verified);
  if (want.sent == 0)
    CHECK(got.at("open_rate").is_null());
  else
    CHECK(got.at("open_rate").get<double>() == Approx(double(want.opened) / double(want.sent)));
  if (want.reviews == 0)
    CHECK(got.at("verified_share").is_null());
  else
    CHECK(got.at("verified_share").get<double>() ==
          Approx(double(want.verified) / double(want.reviews)));
  // Rating-blind: exactly these figures, nothing by stars.
  CHECK(got.size() == (period ? 9u : 7u));  // 7 figures (+ period, start in a period row)
}

// Random data, then the member against a brute-force count by hand-made
// periods (ISO weeks from Monday 2026-06-01; `offset` = the zone's offset).
void run(unsigned seed, bool berlin) {
  TestServer server;
  server.app().now = [] { return kJune1 + 70 * kDay; };
  if (berlin) {
    vouch::server::Config config = server.app().config;
    config.time_zone = "Europe/Berlin";
    auto settings = vouch::server::inbox::make_inbox_settings(config);
    REQUIRE(settings.ok());
    server.app().inbox = std::move(settings.value());
    server.app().config = config;
  }
  const std::int64_t offset = berlin ? 7200 : 0;
  auto client = server.client();
  Db db{server.app()};
  std::mt19937 random(seed);
  const auto below = [&](std::int64_t n) { return static_cast<std::int64_t>(random() % n); };
  // Instants from 3 days before the range to 3 days after (edges included).
  const auto instant = [&] { return kJune1 - 3 * kDay + below(67 * kDay); };
  const char* const products[] = {"sku-0", "sku-1", "sku-2"};
  const int first = static_cast<int>(vouch::days_from_civil(2026, 6, 1));
  const int last = static_cast<int>(vouch::days_from_civil(2026, 7, 31));
  const auto week = [&](std::int64_t t) -> std::optional<std::int64_t> {
    const std::int64_t day = (t + offset) / kDay;  // instants are after 1970: no floor issue
    if (day < first || day > last) return std::nullopt;
    return day - (day + 3) % 7;  // Monday
  };
  std::map<std::string, std::map<std::int64_t, Counts>> want;  // by filter, by week
  std::map<std::string, Counts> total;
  const auto count = [&](const std::string& filter, std::optional<std::int64_t> w,
                         const auto& add) {
    if (!w) return;
    add(want[filter][*w]);
    add(total[filter]);
  };

  const int orders = 40;
  std::vector<bool> asked(orders, false);  // the order has a queued request
  for (int o = 0; o < orders; ++o) {
    const std::string order = "o" + std::to_string(o);
    db.order(order);
    const int rows = static_cast<int>(below(4));  // 0: no request at all
    for (int seq = 0; seq < rows; ++seq) {
      std::vector<std::string> asked_about;
      json list = json::array();
      for (const char* p : products)
        if (below(2) == 0) {
          asked_about.push_back(p);
          list.push_back(p);
        }
      const char* const states[] = {"queued", "queued", "skipped", "scheduled"};
      const std::string state = states[below(4)];
      const std::string stored = below(10) == 0 ? "not json" : list.dump();
      if (stored == "not json") asked_about.clear();
      const std::int64_t at = instant();
      const std::int64_t id = db.request(order, seq, state, stored, at);
      const int clicks = below(3) == 0 ? 0 : static_cast<int>(below(3));
      for (int c = 0; c < clicks; ++c)
        db.click(id, products[below(3)], static_cast<int>(1 + below(5)), at + below(kDay));
      if (state != "queued") continue;
      asked[static_cast<std::size_t>(o)] = true;
      const auto add = [&](Counts& c) {
        ++c.sent;
        if (clicks > 0) ++c.opened;
      };
      count("*", week(at), add);
      for (const std::string& p : asked_about) count(p, week(at), add);
    }
  }
  for (int r = 0; r < 120; ++r) {
    const std::string id = "r" + std::to_string(r);
    const std::string product = products[below(3)];
    const char* const statuses[] = {"published", "published", "pending", "hidden", "rejected"};
    const std::string status = statuses[below(5)];
    const std::int64_t created = instant();
    db.review(id, product, status, static_cast<int>(1 + below(5)), created);
    const std::int64_t order = below(orders);
    const bool verified = below(2) == 0 && db.verify(product, "o" + std::to_string(order), id);
    if (status == "rejected") continue;
    const bool from_request = verified && asked[static_cast<std::size_t>(order)];
    const auto add = [&](Counts& c) {
      ++c.reviews;
      if (verified) ++c.verified;
      if (from_request) ++c.from_requests;
    };
    count("*", week(created), add);
    count(product, week(created), add);
  }

  for (const std::string filter : {"*", "sku-0", "sku-1", "sku-2"}) {
    INFO("seed " << seed << (berlin ? " Berlin" : " UTC") << " product " << filter);
    const json got =
        requests_of(client, std::string(kRange) + (filter == "*" ? "" : "&product=" + filter));
    check_figures(got.at("total"), total[filter], false);
    // Every ISO week touching the range, in order, empty ones too.
    REQUIRE(got.at("periods").size() == 9);  // the weeks of June 1 .. July 27
    std::int64_t expected_start = first;
    for (const json& period : got.at("periods")) {
      const std::int64_t start = day_of(period.at("start").get<std::string>());
      CHECK(start == expected_start);
      expected_start += 7;
      check_figures(period, want[filter][start]);
    }
  }
}

}  // namespace

TEST_CASE("analytics requests: funnel equals a brute-force count (UTC, Berlin)", "[analytics]") {
  for (unsigned seed : {1u, 2u, 3u}) run(seed, false);
  for (unsigned seed : {4u, 5u}) run(seed, true);
}

TEST_CASE("analytics requests: empty range, one request, answers dropped on writes",
          "[analytics]") {
  TestServer server;
  server.app().now = [] { return kJune1 + 70 * kDay; };
  auto client = server.client();
  Db db{server.app()};

  json empty = requests_of(client, kRange);
  check_figures(empty.at("total"), {}, false);
  CHECK(empty.at("periods").size() == 9);
  for (const json& p : empty.at("periods")) check_figures(p, {});

  db.order("o1");
  const std::int64_t id = db.request("o1", 0, "queued", R"(["sku-1"])", kJune1 + 2 * kDay);
  json one = requests_of(client, kRange);
  check_figures(one.at("total"), {1, 0, 0, 0, 0}, false);
  check_figures(one.at("periods")[0], {1, 0, 0, 0, 0});
  // Another product's filter does not see it.
  check_figures(requests_of(client, std::string(kRange) + "&product=sku-2").at("total"), {}, false);

  // A click (the answer above was cached: the write drops it).
  db.click(id, "sku-1", 2, kJune1 + 3 * kDay);
  check_figures(requests_of(client, kRange).at("total"), {1, 1, 0, 0, 0}, false);
  // The review that came with the request's link.
  db.review("r1", "sku-1", "published", 5, kJune1 + 8 * kDay);
  check_figures(requests_of(client, kRange).at("total"), {1, 1, 0, 1, 0}, false);
  db.verify("sku-1", "o1", "r1");
  const json done = requests_of(client, kRange);
  check_figures(done.at("total"), {1, 1, 1, 1, 1}, false);
  check_figures(done.at("periods")[0], {1, 1, 0, 0, 0});
  check_figures(done.at("periods")[1], {0, 0, 1, 1, 1});

  // A range with none of it.
  check_figures(requests_of(client, "from=2026-09-01&to=2026-09-01&period=month").at("total"), {},
                false);
  CHECK(requests_of(client, "from=2026-09-01&to=2026-09-01&period=month").at("periods").size() ==
        1);
}
