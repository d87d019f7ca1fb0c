#include "analytics/analytics_report.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <unordered_map>

#include "analytics/analytics_json.hpp"
#include "http_util.hpp"
#include "inbox/console_item.hpp"

namespace vouch::server::analytics {

namespace va = vouch::analytics;

struct ReportCache {
  sqlite3* db = nullptr;
  std::atomic<std::uint64_t> version{0};
  std::mutex mutex;
  std::uint64_t cached_version = 0;
  std::map<std::string, std::shared_ptr<const std::string>> answers;  // at cached_version

  ~ReportCache() {
    if (db) sqlite3_update_hook(db, nullptr, nullptr);
  }
};

namespace {

constexpr std::int64_t kMaxRangeDays = 3660;
constexpr std::size_t kMaxAnswers = 64;

// Every row written to what the panels read moves the version on (rolled-back
// writes too: a spurious recompute is harmless, a stale answer is not).
void count_write(void* cache, int, const char*, const char* table, sqlite3_int64) {
  if (std::strcmp(table, "reviews") == 0 || std::strcmp(table, "inbox_items") == 0 ||
      std::strcmp(table, "inbox_tags") == 0 || std::strcmp(table, "audit_log") == 0)
    static_cast<ReportCache*>(cache)->version.fetch_add(1, std::memory_order_relaxed);
}

app::Problem bad(const std::string& message) {
  return app::problem(app::Failure::Malformed, "invalid_parameter", message);
}

// Strict YYYY-MM-DD of a real calendar date in years 1970..9999.
std::optional<CivilDate> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  CivilDate d;
  d.year = std::stoll(text.substr(0, 4));
  d.month = static_cast<unsigned>(std::stoul(text.substr(5, 2)));
  d.day = static_cast<unsigned>(std::stoul(text.substr(8, 2)));
  if (d.year < 1970 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  const CivilDate back = civil_from_days(days_from_civil(d.year, d.month, d.day));
  if (back.month != d.month || back.day != d.day) return std::nullopt;  // 2026-02-30
  return d;
}

std::string date_text(const CivilDate& d) {
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(d.year), d.month,
                d.day);
  return text;
}

va::ReviewState state_of(const std::string& status) {
  if (status == "published") return va::ReviewState::Published;
  if (status == "rejected") return va::ReviewState::Rejected;
  if (status == "hidden") return va::ReviewState::Hidden;
  return va::ReviewState::Pending;
}

// The instants that can hold the range's local days (zones are within 26 h of
// UTC); the core keeps exactly the local days.
struct Bounds {
  std::int64_t lo, hi;
};
Bounds utc_bounds(const va::Query& q) {
  const std::int64_t first = days_from_civil(q.from.year, q.from.month, q.from.day);
  const std::int64_t last = days_from_civil(q.to.year, q.to.month, q.to.day);
  return {(first - 2) * 86400, (last + 3) * 86400};
}

app::Outcome<std::vector<va::ReviewRecord>> load_records(App& app, const va::Query& q) {
  const Bounds b = utc_bounds(q);
  const std::string product_clause = q.product ? " AND r.product_id = ?3" : "";
  std::vector<va::ReviewRecord> records;
  std::unordered_map<std::string, std::size_t> index;
  {
    Statement rows(app.db->handle(),
                   "SELECT r.id, r.product_id, r.rating, r.created, r.status, r.title, r.body, "
                   "r.language, r.media NOT IN ('', '[]'), i.first_reply_at, "
                   "coalesce(i.first_reply_by, ''), coalesce(i.due_at, 0) "
                   "FROM reviews r LEFT JOIN inbox_items i ON i.review_id = r.id "
                   "WHERE r.created >= ?1 AND r.created < ?2" +
                       product_clause);
    rows.bind(1, b.lo).bind(2, b.hi);
    if (q.product) rows.bind(3, *q.product);
    while (rows.step()) {
      va::ReviewRecord r;
      r.id = rows.text(0);
      r.product_id = rows.text(1);
      r.rating = static_cast<int>(rows.integer(2));
      r.created = rows.integer(3);
      r.state = state_of(rows.text(4));
      r.title = rows.text(5);
      r.body = rows.text(6);
      r.language = rows.text(7);
      r.has_photos = rows.integer(8) != 0;
      if (!rows.is_null(9)) r.first_reply_at = rows.integer(9);
      r.first_reply_by = rows.text(10);
      if (const std::int64_t due = rows.integer(11); due > 0) r.due_at = due;
      index.emplace(r.id, records.size());
      records.push_back(std::move(r));
    }
    if (rows.failed())
      return inbox::storage_problem("analytics", Error{"reviews", rows.error_message()});
  }
  {
    Statement tags(app.db->handle(),
                   "SELECT t.review_id, t.tag FROM inbox_tags t JOIN reviews r ON r.id = "
                   "t.review_id WHERE r.created >= ?1 AND r.created < ?2" +
                       product_clause);
    tags.bind(1, b.lo).bind(2, b.hi);
    if (q.product) tags.bind(3, *q.product);
    while (tags.step()) {
      auto it = index.find(tags.text(0));
      if (it != index.end()) records[it->second].tags.push_back(tags.text(1));
    }
    if (tags.failed())
      return inbox::storage_problem("analytics", Error{"inbox_tags", tags.error_message()});
  }
  {
    // The first moderation decision of each review (moderate.cpp's actions).
    Statement decided(app.db->handle(),
                      "SELECT review_id, min(time) FROM audit_log WHERE review_id != '' AND "
                      "action IN ('approve', 'reject', 'hide') GROUP BY review_id");
    while (decided.step()) {
      auto it = index.find(decided.text(0));
      if (it != index.end()) records[it->second].decided_at = decided.integer(1);
    }
    if (decided.failed())
      return inbox::storage_problem("analytics", Error{"audit_log", decided.error_message()});
  }
  return records;
}

// Commits by other connections (another process on the same file, e.g. a
// `vouch-server import` while serving) do not reach the hook; SQLite's
// data_version moves on for exactly those.
std::uint64_t other_connections_version(App& app) {
  Statement pragma(app.db->handle(), "PRAGMA data_version");
  return pragma.step() ? static_cast<std::uint64_t>(pragma.integer(0)) : 0;
}

ReportCache& cache_of(App& app) {
  // Called with the database lock held: one cache, one hook.
  if (!app.analytics_cache) {
    auto cache = std::make_shared<ReportCache>();
    cache->db = app.db->handle();
    sqlite3_update_hook(cache->db, &count_write, cache.get());
    app.analytics_cache = std::move(cache);
  }
  return *app.analytics_cache;
}

}  // namespace

app::Outcome<va::Query> parse_report_params(const ReportParams& params, std::int64_t now,
                                            const clock::ZoneOffsets& zone,
                                            int negative_max_rating) {
  va::Query q;
  q.negative_max_rating = negative_max_rating;
  q.positive_min_rating = 4;
  const std::int64_t today = va::local_day(now, zone);
  if (params.to) {
    auto to = parse_date(*params.to);
    if (!to) return bad("to: expected a date YYYY-MM-DD (1970-01-01 or later)");
    q.to = *to;
  } else {
    q.to = civil_from_days(today);
  }
  const std::int64_t last = days_from_civil(q.to.year, q.to.month, q.to.day);
  if (params.from) {
    auto from = parse_date(*params.from);
    if (!from) return bad("from: expected a date YYYY-MM-DD (1970-01-01 or later)");
    q.from = *from;
  } else {
    q.from = civil_from_days(last - 89);
  }
  const std::int64_t first = days_from_civil(q.from.year, q.from.month, q.from.day);
  if (first > last) return bad("from: must not be after to (" + date_text(q.to) + ")");
  if (last - first + 1 > kMaxRangeDays)
    return bad("to: the range is at most " + std::to_string(kMaxRangeDays) + " days");
  if (params.product) {
    if (!is_valid_id(*params.product))
      return bad("product: expected a product id (1..200 bytes, no quotes or control characters)");
    q.product = *params.product;
  }
  if (params.period) {
    if (*params.period == "week")
      q.period = va::Period::Week;
    else if (*params.period == "month")
      q.period = va::Period::Month;
    else
      return bad("period: expected week or month");
  }
  return q;
}

app::Outcome<std::shared_ptr<const std::string>> analytics_report(App& app,
                                                                  const ReportParams& params) {
  app::Outcome<va::Query> parsed = parse_report_params(
      params, app.now(), *app.inbox->zone, app.inbox->clock.targets.negative_max_rating);
  if (!parsed) return parsed.problem();
  const va::Query& q = parsed.value();
  const std::string key = date_text(q.from) + "|" + date_text(q.to) + "|" +
                          (q.period == va::Period::Week ? "w" : "m") + "|" +
                          (q.product ? "p" + *q.product : "*");

  std::vector<va::ReviewRecord> records;
  std::uint64_t version = 0;
  ReportCache* cache = nullptr;
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    cache = &cache_of(app);
    // Both counts in one number: the hook's in the low 40 bits.
    version = (other_connections_version(app) << 40) ^ cache->version.load();
    {
      std::lock_guard<std::mutex> cached(cache->mutex);
      if (cache->cached_version == version) {
        auto it = cache->answers.find(key);
        if (it != cache->answers.end()) return it->second;
      }
    }
    app::Outcome<std::vector<va::ReviewRecord>> loaded = load_records(app, q);
    if (!loaded) return loaded.problem();
    records = std::move(loaded.value());
  }
  // The computation runs without the database lock: writes go on meanwhile
  // (and make this answer's version old, so it is not kept past them).
  const va::Analytics panels = va::compute(records, q, *app.inbox->zone);
  auto body = std::make_shared<const std::string>(
      dump_json(analytics_json(panels, q, app.inbox->zone_name)));
  std::lock_guard<std::mutex> cached(cache->mutex);
  if (cache->cached_version != version) {
    cache->answers.clear();
    cache->cached_version = version;
  }
  if (cache->answers.size() >= kMaxAnswers) cache->answers.clear();
  cache->answers[key] = body;
  return std::shared_ptr<const std::string>(body);
}

}  // namespace vouch::server::analytics
