#include "analytics/analytics_report.hpp"

#include <sqlite3.h>

#include <cstring>
#include <set>
#include <unordered_map>
#include <vector>

#include "analytics/analytics_json.hpp"
#include "http_util.hpp"
#include "inbox/console_item.hpp"

namespace vouch::server::analytics {

namespace va = vouch::analytics;

// Which review a row of a watched table belongs to, by rowid, so that a row
// deleted since the last answer still names its review. Rowids are small
// dense integers in practice (a vector); any others go to a map.
class RowOwners {
 public:
  void set(std::int64_t rowid, std::uint32_t slot) {
    if (rowid >= 0 && rowid < kDense) {
      if (static_cast<std::size_t>(rowid) >= dense_.size())
        dense_.resize(static_cast<std::size_t>(rowid) + 1, kNone);
      dense_[static_cast<std::size_t>(rowid)] = slot;
    } else {
      sparse_[rowid] = slot;
    }
  }
  std::optional<std::uint32_t> get(std::int64_t rowid) const {
    if (rowid >= 0 && static_cast<std::size_t>(rowid) < dense_.size())
      return dense_[static_cast<std::size_t>(rowid)] == kNone
                 ? std::nullopt
                 : std::optional<std::uint32_t>(dense_[static_cast<std::size_t>(rowid)]);
    auto it = sparse_.find(rowid);
    return it == sparse_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
  }
  std::size_t memory_bytes() const { return dense_.capacity() * 4 + sparse_.size() * 48; }

 private:
  static constexpr std::int64_t kDense = 1 << 26;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> dense_;
  std::unordered_map<std::int64_t, std::uint32_t> sparse_;
};

// The incremental cache (analytics_report.hpp). Everything in it is at
// `version`; `mutex` serialises analytics requests (taken before the database
// lock, never after).
struct ReportCache {
  std::mutex mutex;
  bool loaded = false;
  std::uint64_t version = 0;
  int reviews_table = 0, items_table = 0, tags_table = 0, audit_table = 0;
  va::Corpus corpus;
  // Review ids by slot (RowOwners hold slots: 4 bytes a row, not a string).
  std::vector<std::string> slots;
  std::unordered_map<std::string, std::uint32_t> slot_of;
  RowOwners review_rows, item_rows, tag_rows;
  // The first moderation decision per review. audit_log is append-only, so a
  // new row can only make it earlier.
  std::unordered_map<std::string, std::int64_t> decided;
  std::map<std::string, std::shared_ptr<const std::string>> answers;  // at version

  std::uint32_t slot(const std::string& id) {
    auto [it, added] = slot_of.emplace(id, static_cast<std::uint32_t>(slots.size()));
    if (added) slots.push_back(id);
    return it->second;
  }
  void reset() {
    corpus.clear();
    slots.clear();
    slot_of.clear();
    review_rows = {};
    item_rows = {};
    tag_rows = {};
    decided.clear();
    answers.clear();
    loaded = false;
  }
  std::size_t memory_bytes() const {
    std::size_t bytes = corpus.memory_bytes() + review_rows.memory_bytes() +
                        item_rows.memory_bytes() + tag_rows.memory_bytes() +
                        slots.capacity() * sizeof(std::string) + slot_of.size() * 64 +
                        decided.size() * 64;
    for (const auto& [key, body] : answers) bytes += body->size() + key.size();
    return bytes;
  }
};

namespace {

constexpr std::int64_t kMaxRangeDays = 3660;
constexpr std::size_t kMaxAnswers = 64;
// More changed reviews than this since the last answer: read everything again
// (one scan beats thousands of single-row reads).
constexpr std::size_t kMaxTouched = 5000;

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

va::ReviewState state_of(const std::string& status) {
  if (status == "published") return va::ReviewState::Published;
  if (status == "rejected") return va::ReviewState::Rejected;
  if (status == "hidden") return va::ReviewState::Hidden;
  return va::ReviewState::Pending;
}

constexpr const char* kDecisionActions = "action IN ('approve', 'reject', 'hide')";

// The columns of one review with its inbox row; `where` picks the rows.
std::string review_select(const std::string& where) {
  return "SELECT r.rowid, i.rowid, r.id, r.product_id, r.rating, r.created, r.status, r.title, "
         "r.body, r.language, r.media NOT IN ('', '[]'), i.first_reply_at, "
         "coalesce(i.first_reply_by, ''), coalesce(i.due_at, 0) "
         "FROM reviews r LEFT JOIN inbox_items i ON i.review_id = r.id" +
         where;
}

va::ReviewRecord read_review(ReportCache& cache, Statement& rows) {
  va::ReviewRecord r;
  r.id = rows.text(2);
  const std::uint32_t slot = cache.slot(r.id);
  cache.review_rows.set(rows.integer(0), slot);
  if (!rows.is_null(1)) cache.item_rows.set(rows.integer(1), slot);
  r.product_id = rows.text(3);
  r.rating = static_cast<int>(rows.integer(4));
  r.created = rows.integer(5);
  r.state = state_of(rows.text(6));
  r.title = rows.text(7);
  r.body = rows.text(8);
  r.language = rows.text(9);
  r.has_photos = rows.integer(10) != 0;
  if (!rows.is_null(11)) r.first_reply_at = rows.integer(11);
  r.first_reply_by = rows.text(12);
  if (const std::int64_t due = rows.integer(13); due > 0) r.due_at = due;
  if (auto it = cache.decided.find(r.id); it != cache.decided.end()) r.decided_at = it->second;
  return r;
}

// Every review of the store, derived afresh.
app::Outcome<bool> load_all(Database& db, ReportCache& cache) {
  cache.reset();
  {
    // The first moderation decision of each review (moderate.cpp's actions).
    Statement decided(db.handle(), std::string("SELECT review_id, min(time) FROM audit_log WHERE "
                                               "review_id != '' AND ") +
                                       kDecisionActions + " GROUP BY review_id");
    while (decided.step()) cache.decided[decided.text(0)] = decided.integer(1);
    if (decided.failed())
      return inbox::storage_problem("analytics", Error{"audit_log", decided.error_message()});
  }
  std::unordered_map<std::string, std::vector<std::string>> tags;
  {
    Statement rows(db.handle(), "SELECT rowid, review_id, tag FROM inbox_tags");
    while (rows.step()) {
      std::string id = rows.text(1);
      cache.tag_rows.set(rows.integer(0), cache.slot(id));
      tags[std::move(id)].push_back(rows.text(2));
    }
    if (rows.failed())
      return inbox::storage_problem("analytics", Error{"inbox_tags", rows.error_message()});
  }
  Statement rows(db.handle(), review_select(""));
  while (rows.step()) {
    va::ReviewRecord r = read_review(cache, rows);
    if (auto it = tags.find(r.id); it != tags.end()) r.tags = std::move(it->second);
    cache.corpus.upsert(std::move(r));
  }
  if (rows.failed())
    return inbox::storage_problem("analytics", Error{"reviews", rows.error_message()});
  cache.loaded = true;
  return true;
}

// One review read again (or dropped when it is gone).
app::Outcome<bool> reload(Database& db, ReportCache& cache, const std::string& id) {
  Statement rows(db.handle(), review_select(" WHERE r.id = ?1"));
  rows.bind(1, id);
  if (!rows.step()) {
    if (rows.failed())
      return inbox::storage_problem("analytics", Error{"reviews", rows.error_message()});
    cache.corpus.erase(id);
    return true;
  }
  va::ReviewRecord r = read_review(cache, rows);
  Statement tags(db.handle(), "SELECT rowid, tag FROM inbox_tags WHERE review_id = ?1");
  tags.bind(1, id);
  const std::uint32_t slot = cache.slot(id);
  while (tags.step()) {
    cache.tag_rows.set(tags.integer(0), slot);
    r.tags.push_back(tags.text(1));
  }
  if (tags.failed())
    return inbox::storage_problem("analytics", Error{"inbox_tags", tags.error_message()});
  cache.corpus.upsert(std::move(r));
  return true;
}

// The review a changed row belongs to now (if the row is still there).
std::optional<std::string> owner_now(Database& db, const char* table, std::int64_t rowid) {
  const std::string column = std::strcmp(table, "reviews") == 0 ? "id" : "review_id";
  Statement row(db.handle(),
                "SELECT " + column + " FROM " + std::string(table) + " WHERE rowid = ?1");
  row.bind(1, rowid);
  if (row.step()) return row.text(0);
  return std::nullopt;
}

// Brings the cache to the database's current version: everything again on
// the first request (or when the change log cannot say what changed), else
// only the reviews whose rows were written. Caller holds the database lock.
app::Outcome<bool> refresh(Database& db, ReportCache& cache) {
  const DataChanges changes = db.changes_since(cache.loaded ? cache.version : 0);
  if (cache.loaded && !changes.any) return true;
  cache.answers.clear();
  cache.version = changes.version;
  if (!cache.loaded || changes.everything) return load_all(db, cache);
  std::set<std::string> touched;
  const auto add_owner = [&](const RowOwners& owners, std::int64_t rowid) {
    if (auto slot = owners.get(rowid)) touched.insert(cache.slots[*slot]);
  };
  for (const auto& [table, rowid] : changes.rows) {
    if (touched.size() > kMaxTouched) break;
    if (table == cache.audit_table) {
      Statement row(db.handle(),
                    std::string("SELECT review_id, time FROM audit_log WHERE id = ?1 AND ") +
                        kDecisionActions);
      row.bind(1, rowid);
      if (!row.step() || row.text(0).empty()) continue;
      const std::string id = row.text(0);
      auto [it, added] = cache.decided.emplace(id, row.integer(1));
      if (!added && row.integer(1) < it->second) it->second = row.integer(1);
      touched.insert(id);
      continue;
    }
    const char* name = table == cache.reviews_table ? "reviews"
                       : table == cache.items_table ? "inbox_items"
                                                    : "inbox_tags";
    add_owner(table == cache.reviews_table ? cache.review_rows
              : table == cache.items_table ? cache.item_rows
                                           : cache.tag_rows,
              rowid);
    if (auto id = owner_now(db, name, rowid)) touched.insert(*id);
  }
  if (touched.size() > kMaxTouched) return load_all(db, cache);
  for (const std::string& id : touched) {
    app::Outcome<bool> done = reload(db, cache, id);
    if (!done) {
      cache.reset();
      return done;
    }
  }
  return true;
}

// The rows of the review-request funnel around the range (two days either
// side: the core keeps those whose local day is in it). Not in the
// incremental cache: two range scans (review_requests by queued_at, reviews
// by created) per answer, and answers are dropped on any write
// (DataChanges::any), so a new request, click or verified review shows at once.
app::Outcome<va::RequestsPanel> load_requests(Database& db, const va::Query& q,
                                              const clock::ZoneOffsets& zone) {
  constexpr std::int64_t kDay = 86400;
  const std::int64_t low = (days_from_civil(q.from.year, q.from.month, q.from.day) - 2) * kDay;
  const std::int64_t high = (days_from_civil(q.to.year, q.to.month, q.to.day) + 3) * kDay;
  std::vector<va::RequestRecord> requests;
  {
    // Queued = handed to the outbox (docs/console.md): the relay's later
    // acceptance is not waited for.
    Statement rows(db.handle(),
                   "SELECT queued_at, products, EXISTS (SELECT 1 FROM request_clicks c "
                   "WHERE c.request_id = q.id) FROM review_requests q "
                   "WHERE queued_at >= ?1 AND queued_at < ?2 AND state = 'queued'");
    rows.bind(1, low);
    rows.bind(2, high);
    while (rows.step()) {
      va::RequestRecord r;
      r.queued_at = rows.integer(0);
      // A products value that is not a JSON array of strings asks about none.
      const json products = json::parse(rows.text(1), nullptr, false);
      if (products.is_array())
        for (const json& p : products)
          if (p.is_string()) r.products.push_back(p.get<std::string>());
      r.clicked = rows.integer(2) != 0;
      requests.push_back(std::move(r));
    }
    if (rows.failed())
      return inbox::storage_problem("analytics", Error{"review_requests", rows.error_message()});
  }
  std::vector<va::RequestReviewRecord> reviews;
  {
    Statement rows(
        db.handle(),
        "SELECT r.product_id, r.created, r.status, v.review_id IS NOT NULL, coalesce(v.asked, 0) "
        "FROM reviews r LEFT JOIN (SELECT review_id, max(EXISTS (SELECT 1 FROM review_requests q "
        "WHERE q.order_id = o.order_id AND q.state = 'queued')) AS asked FROM verified_orders o "
        "GROUP BY review_id) v ON v.review_id = r.id WHERE r.created >= ?1 AND r.created < ?2");
    rows.bind(1, low);
    rows.bind(2, high);
    while (rows.step()) {
      va::RequestReviewRecord r;
      r.product_id = rows.text(0);
      r.created = rows.integer(1);
      r.state = state_of(rows.text(2));
      r.verified = rows.integer(3) != 0;
      r.from_request = rows.integer(4) != 0;
      reviews.push_back(std::move(r));
    }
    if (rows.failed())
      return inbox::storage_problem("analytics", Error{"reviews", rows.error_message()});
  }
  return va::compute_requests(requests, reviews, q, zone);
}

ReportCache& cache_of(App& app) {
  // Called with the database lock held: one cache.
  if (!app.analytics_cache) {
    auto cache = std::make_shared<ReportCache>();
    cache->reviews_table = app.db->watch("reviews");
    cache->items_table = app.db->watch("inbox_items");
    cache->tags_table = app.db->watch("inbox_tags");
    cache->audit_table = app.db->watch("audit_log");
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
                          std::to_string(q.negative_max_rating) + "|" + app.inbox->zone_name + "|" +
                          (q.product ? "p" + *q.product : "*");

  ReportCache* cache = nullptr;
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    cache = &cache_of(app);
  }
  // One analytics request at a time works on the cache; writes go on meanwhile
  // (the hook logs them, the next request re-derives their reviews).
  std::lock_guard<std::mutex> serial(cache->mutex);
  app::Outcome<va::RequestsPanel> requests = va::RequestsPanel{};
  {
    std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
    app::Outcome<bool> fresh = refresh(*app.db, *cache);
    if (!fresh) return fresh.problem();
    auto it = cache->answers.find(key);
    if (it != cache->answers.end()) return it->second;
    requests = load_requests(*app.db, q, *app.inbox->zone);
    if (!requests) return requests.problem();
  }
  va::Analytics panels = cache->corpus.compute(q, *app.inbox->zone);
  panels.requests = std::move(requests.value());
  auto body = std::make_shared<const std::string>(
      dump_json(analytics_json(panels, q, app.inbox->zone_name)));
  if (cache->answers.size() >= kMaxAnswers) cache->answers.clear();
  cache->answers[key] = body;
  return std::shared_ptr<const std::string>(body);
}

}  // namespace vouch::server::analytics
