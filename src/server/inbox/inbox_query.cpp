#include "inbox/inbox_query.hpp"

#include <set>
#include <variant>

#include "http_util.hpp"
#include "inbox/inbox_fold.hpp"
#include "inbox/inbox_store.hpp"
#include "review_store.hpp"
#include "vouch/civil_date.hpp"
#include "vouch/utf8.hpp"

namespace vouch::server::inbox {

namespace {

using app::Failure;
using app::Problem;

constexpr std::size_t kMaxValueBytes = 500;
constexpr std::size_t kMaxWords = 16;

const std::set<std::string> kViews = {"all",    "needs_response", "overdue",      "due_today",
                                      "unread", "starred",        "follow_up_due"};
const std::set<std::string> kKnown = {"view",    "assignee", "tag",   "priority", "rating",
                                      "product", "status",   "state", "from",     "to",
                                      "q",       "sort",     "limit", "offset",   "kind"};

// The SQL fragments of the definitions, one owner each, over inbox_items `i`
// alone (rating, status, product_id are copied there: migration 5).
constexpr const char* kNeedsResponse =
    "(i.first_reply_at IS NULL AND i.no_reply_at IS NULL AND i.state NOT IN ('resolved', "
    "'followed_up') AND i.status NOT IN ('rejected', 'hidden'))";
std::string follow_up_due(const std::string& now) {
  return "(i.follow_up_at IS NOT NULL AND i.follow_up_at <= " + now +
         " AND i.follow_up_outcome IS NULL)";
}

Problem bad(const std::string& name, const std::string& expected) {
  return app::problem(Failure::Malformed, "invalid_parameter", name + ": " + expected);
}

bool is_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '@' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool is_tag_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

std::optional<std::int64_t> parse_count(const std::string& text, std::int64_t min,
                                        std::int64_t max) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

// YYYY-MM-DD that names a real day.
std::optional<CivilDate> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  CivilDate date;
  date.year = std::stoll(text.substr(0, 4));
  date.month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  date.day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  const CivilDate round = civil_from_days(days_from_civil(date.year, date.month, date.day));
  if (round.month != date.month || round.day != date.day) return std::nullopt;
  return date;
}

std::int64_t local_midnight_utc(std::int64_t days, const clock::ZoneOffsets& zone) {
  return clock::local_to_utc(days * 86400, zone);
}

using Bound = std::variant<std::string, std::int64_t>;

// WHERE clauses and their parameters, numbered as they are used (SQLite
// refuses a bind to a number the statement does not have).
struct Where {
  std::string sql;
  std::vector<Bound> binds;
  void add(const std::string& clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
  std::string param(Bound value) {
    binds.push_back(std::move(value));
    return "?" + std::to_string(binds.size());
  }
};

void bind_all(Statement& statement, const std::vector<Bound>& binds) {
  for (std::size_t i = 0; i < binds.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    if (const auto* text = std::get_if<std::string>(&binds[i]))
      statement.bind(index, *text);
    else
      statement.bind(index, std::get<std::int64_t>(binds[i]));
  }
}

Where where_of(const InboxQuery& q, const QueryTimes& times) {
  Where w;
  const std::string needs = kNeedsResponse;
  if (q.view == "needs_response") w.add(needs);
  if (q.view == "overdue") w.add(needs + " AND i.due_at <= " + w.param(times.now));
  if (q.view == "due_today") w.add(needs + " AND i.due_at < " + w.param(times.end_of_today));
  if (q.view == "unread") w.add("i.state = 'unread'");
  if (q.view == "starred") w.add("i.starred = 1");
  if (q.view == "follow_up_due") w.add(follow_up_due(w.param(times.now)));
  if (q.assignee) w.add("i.assignee = " + w.param(*q.assignee));
  if (!q.tag.empty())
    w.add("i.review_id IN (SELECT t.review_id FROM inbox_tags t WHERE t.tag = " + w.param(q.tag) +
          ")");
  if (q.priority >= 0) w.add("i.priority = " + w.param(std::int64_t{q.priority}));
  if (!q.ratings.empty()) {
    std::string list;
    for (int rating : q.ratings) list += (list.empty() ? "" : ", ") + w.param(std::int64_t{rating});
    w.add("i.rating IN (" + list + ")");
  }
  if (!q.product.empty()) w.add("i.product_id = " + w.param(q.product));
  if (!q.status.empty()) w.add("i.status = " + w.param(q.status));
  if (!q.state.empty()) w.add("i.state = " + w.param(q.state));
  if (!q.kind.empty()) w.add("i.kind = " + w.param(q.kind));
  if (q.from_utc) w.add("i.arrived_at >= " + w.param(*q.from_utc));
  if (q.to_utc) w.add("i.arrived_at < " + w.param(*q.to_utc));
  for (const std::string& word : q.words) w.add("instr(i.search_text, " + w.param(word) + ") > 0");
  return w;
}

}  // namespace

app::Outcome<InboxQuery> parse_inbox_query(const std::multimap<std::string, std::string>& params,
                                           const std::string& actor_name,
                                           const InboxSettings& settings) {
  InboxQuery q;
  std::set<std::string> seen;
  for (const auto& [name, value] : params) {
    if (!kKnown.count(name)) continue;  // other parameters (locale, cache busters) are ignored
    if (!seen.insert(name).second) return bad(name, "given more than once");
    if (value.size() > kMaxValueBytes)
      return bad(name, "expected at most " + std::to_string(kMaxValueBytes) + " bytes");
    if (!utf8::is_valid(value)) return bad(name, "expected UTF-8 text");
    for (unsigned char c : value)
      if (c < 0x20 || c == 0x7f) return bad(name, "control characters are not allowed");
  }
  auto get = [&](const char* name) -> const std::string* {
    auto it = params.find(name);
    return it == params.end() ? nullptr : &it->second;
  };
  if (const std::string* v = get("view")) {
    if (!kViews.count(*v))
      return bad("view",
                 "expected all, needs_response, overdue, due_today, unread, starred or "
                 "follow_up_due");
    q.view = *v;
  }
  if (const std::string* v = get("assignee")) {
    if (*v == "me")
      q.assignee = actor_name;
    else if (*v == "none")
      q.assignee = std::string();
    else if (is_name(*v))
      q.assignee = *v;
    else
      return bad("assignee", "expected me, none or a user name (1-64 of A-Z a-z 0-9 . _ @ -)");
  }
  if (const std::string* v = get("tag")) {
    if (!is_tag_id(*v)) return bad("tag", "expected a tag id (1-32 of a-z 0-9 _ -)");
    if (!settings.knows_tag(*v)) return bad("tag", "unknown tag id \"" + *v + "\"");
    q.tag = *v;
  }
  if (const std::string* v = get("priority")) {
    std::optional<int> priority = priority_from_name(*v);
    if (!priority) return bad("priority", "expected urgent, high, normal or low");
    q.priority = *priority;
  }
  if (const std::string* v = get("rating")) {
    std::set<int> ratings;
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = v->find(',', start);
      const std::string part = v->substr(start, comma == std::string::npos ? comma : comma - start);
      if (part.size() != 1 || part[0] < '1' || part[0] > '5')
        return bad("rating", "expected a comma list of 1..5");
      ratings.insert(part[0] - '0');
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    q.ratings.assign(ratings.begin(), ratings.end());
  }
  if (const std::string* v = get("product")) {
    if (!is_valid_id(*v)) return bad("product", "expected a product id");
    q.product = *v;
  }
  if (const std::string* v = get("status")) {
    if (!is_status(*v)) return bad("status", "expected pending, published, rejected or hidden");
    q.status = *v;
  }
  if (const std::string* v = get("state")) {
    bool known = false;
    for (const char* state : kStates) known = known || *v == state;
    if (!known) return bad("state", "expected unread, open, replied, resolved or followed_up");
    q.state = *v;
  }
  if (const std::string* v = get("kind")) {
    if (*v != "review" && *v != "question") return bad("kind", "expected review or question");
    q.kind = *v;
  }
  for (const char* name : {"from", "to"}) {
    const std::string* v = get(name);
    if (!v) continue;
    std::optional<CivilDate> date = parse_date(*v);
    if (!date) return bad(name, "expected a date YYYY-MM-DD");
    const std::int64_t days = days_from_civil(date->year, date->month, date->day);
    if (name[0] == 'f')
      q.from_utc = local_midnight_utc(days, *settings.zone);
    else
      q.to_utc = local_midnight_utc(days + 1, *settings.zone);
  }
  if (q.from_utc && q.to_utc && *q.from_utc >= *q.to_utc)
    return bad("to", "expected a date on or after from");
  if (const std::string* v = get("q")) {
    const std::string folded = search_fold(*v);
    std::size_t i = 0;
    while (i < folded.size()) {
      while (i < folded.size() && folded[i] == ' ') ++i;
      std::size_t end = i;
      while (end < folded.size() && folded[end] != ' ') ++end;
      if (end > i) q.words.push_back(folded.substr(i, end - i));
      i = end;
    }
    if (q.words.size() > kMaxWords)
      return bad("q", "expected at most " + std::to_string(kMaxWords) + " words");
  }
  if (const std::string* v = get("sort")) {
    if (*v != "urgent" && *v != "newest" && *v != "oldest")
      return bad("sort", "expected urgent, newest or oldest");
    q.sort = *v;
  }
  if (const std::string* v = get("limit")) {
    std::optional<std::int64_t> limit = parse_count(*v, 1, 200);
    if (!limit) return bad("limit", "expected an integer 1..200");
    q.limit = *limit;
  }
  if (const std::string* v = get("offset")) {
    std::optional<std::int64_t> offset = parse_count(*v, 0, INT64_C(1000000000));
    if (!offset) return bad("offset", "expected an integer 0..1000000000");
    q.offset = *offset;
  }
  return q;
}

QueryTimes query_times(std::int64_t now, const clock::ZoneOffsets& zone) {
  QueryTimes times;
  times.now = now;
  const std::int64_t local = now + zone.utc_offset_at(now);
  const std::int64_t today = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  times.end_of_today = local_midnight_utc(today + 1, zone);
  return times;
}

Result<InboxPage> run_inbox_query(Database& db, const InboxQuery& query, const QueryTimes& times) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  Where where = where_of(query, times);
  const std::string from = " FROM inbox_items i";
  std::string order;
  if (query.sort == "newest")
    order = " ORDER BY i.arrived_at DESC, i.review_id DESC";
  else if (query.sort == "oldest")
    order = " ORDER BY i.arrived_at, i.review_id";
  else
    order = std::string(" ORDER BY CASE WHEN ") + kNeedsResponse +
            " THEN i.due_at ELSE 9223372036854775807 END, i.priority DESC, i.arrived_at DESC, "
            "i.review_id DESC";
  InboxPage page;
  const bool window = !where.sql.empty();
  {
    // With filters the total rides along as a window over the same scan (one
    // pass, not two); without, a window would defeat the top-N sort while
    // count(*) of the whole table is nearly free.
    Statement list(db.handle(), std::string("SELECT i.review_id, ") +
                                    (window ? "count(*) OVER ()" : "0") + from + where.sql + order +
                                    " LIMIT " + std::to_string(query.limit) + " OFFSET " +
                                    std::to_string(query.offset));
    bind_all(list, where.binds);
    while (list.step()) {
      page.ids.push_back(list.text(0));
      page.total = list.integer(1);
    }
    if (list.failed()) return sql_error("inbox", list);
  }
  if (window && (!page.ids.empty() || query.offset == 0)) return page;
  // Unfiltered, or past the end (no row carried the total).
  Statement count(db.handle(), "SELECT count(*)" + from + where.sql);
  bind_all(count, where.binds);
  if (count.step()) page.total = count.integer(0);
  if (count.failed()) return sql_error("inbox count", count);
  return page;
}

Result<InboxCounts> inbox_counts(Database& db, const QueryTimes& times, const std::string& me) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  InboxCounts counts;
  for (const char* name : kPriorityNames) counts.by_priority[name] = 0;
  for (int rating = 1; rating <= 5; ++rating) counts.by_rating[std::to_string(rating)] = 0;
  for (std::string_view status : kStatuses) counts.by_status[std::string(status)] = 0;
  const std::string needs = kNeedsResponse;
  // One pass without sorting: a sum per figure, read from the covering index.
  std::string sql = "SELECT count(*), sum(" + needs + "), sum(" + needs +
                    " AND i.due_at <= ?1), sum(" + needs +
                    " AND i.due_at < ?2), sum(i.state = 'unread'), sum(i.starred), sum(" +
                    follow_up_due("?1") + "), sum(i.assignee = ''), sum(i.assignee = ?3)";
  for (int p = 0; p < 4; ++p) sql += ", sum(i.priority = " + std::to_string(p) + ")";
  for (int rating = 1; rating <= 5; ++rating)
    sql += ", sum(i.rating = " + std::to_string(rating) + ")";
  for (std::string_view status : kStatuses)
    sql += ", sum(i.status = '" + std::string(status) + "')";
  sql += ", sum(i.kind = 'review'), sum(i.kind = 'question')";
  Statement totals(db.handle(), sql + " FROM inbox_items i");
  totals.bind(1, times.now).bind(2, times.end_of_today).bind(3, me);
  if (totals.step()) {
    int c = 0;
    for (std::int64_t* figure :
         {&counts.all, &counts.needs_response, &counts.overdue, &counts.due_today, &counts.unread,
          &counts.starred, &counts.follow_up_due, &counts.unassigned, &counts.assigned_to_me})
      *figure = totals.integer(c++);
    if (me.empty()) counts.assigned_to_me = 0;
    for (const char* name : kPriorityNames) counts.by_priority[name] = totals.integer(c++);
    for (int rating = 1; rating <= 5; ++rating)
      counts.by_rating[std::to_string(rating)] = totals.integer(c++);
    for (std::string_view status : kStatuses)
      counts.by_status[std::string(status)] = totals.integer(c++);
    counts.by_kind["review"] = totals.integer(c++);
    counts.by_kind["question"] = totals.integer(c++);
  }
  if (totals.failed()) return sql_error("inbox counts", totals);
  Statement assignees(
      db.handle(),
      "SELECT assignee, count(*) FROM inbox_items WHERE assignee <> '' GROUP BY assignee");
  while (assignees.step()) counts.by_assignee[assignees.text(0)] = assignees.integer(1);
  if (assignees.failed()) return sql_error("inbox assignee counts", assignees);
  Statement tags(db.handle(), "SELECT tag, count(*) FROM inbox_tags GROUP BY tag");
  while (tags.step()) counts.by_tag[tags.text(0)] = tags.integer(1);
  if (tags.failed()) return sql_error("inbox tag counts", tags);
  return counts;
}

}  // namespace vouch::server::inbox
