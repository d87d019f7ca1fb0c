#pragma once
// The inbox list: query parameters -> a validated InboxQuery -> SQL with bound
// parameters only (user text never becomes SQL), and the sidebar counts over
// the whole inbox. Definitions (docs/console.md "The inbox query"):
//   needs_response  no reply, clock not stopped, not resolved / followed up,
//                   review neither rejected nor hidden
//   overdue         needs_response and due_at <= now
//   due_today       needs_response and due_at before the end of the store's local day
//   follow_up_due   follow_up_at <= now and no outcome yet

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/outcome.hpp"
#include "db.hpp"
#include "inbox/inbox_settings.hpp"

namespace vouch::server::inbox {

struct InboxQuery {
  std::string view = "all";
  std::optional<std::string> assignee;  // "" = nobody; `me` is resolved to the actor's name
  std::string tag;
  int priority = -1;         // -1 = any
  std::vector<int> ratings;  // empty = any
  std::string product;
  std::string status;
  std::string state;
  std::string kind;                      // "" = any, "review", "question"
  std::optional<std::int64_t> from_utc;  // arrival >= (local midnight of `from`)
  std::optional<std::int64_t> to_utc;    // arrival < (local midnight after `to`)
  std::vector<std::string> words;        // folded; every one must occur
  std::string sort = "urgent";
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

// Every parameter is checked; the Problem (Malformed, code invalid_parameter)
// names it: "rating: expected a comma list of 1..5".
app::Outcome<InboxQuery> parse_inbox_query(const std::multimap<std::string, std::string>& params,
                                           const std::string& actor_name,
                                           const InboxSettings& settings);

// The instants the query compares with.
struct QueryTimes {
  std::int64_t now = 0;
  std::int64_t end_of_today = 0;  // the store's local midnight after `now`, in UTC
};
QueryTimes query_times(std::int64_t now, const clock::ZoneOffsets& zone);

struct InboxPage {
  std::vector<std::string> ids;  // in the requested order (load_row gives each one's kind)
  std::int64_t total = 0;        // matching rows without limit/offset
};
Result<InboxPage> run_inbox_query(Database& db, const InboxQuery& query, const QueryTimes& times);

struct InboxCounts {
  std::int64_t all = 0, needs_response = 0, overdue = 0, due_today = 0, unread = 0, starred = 0,
               assigned_to_me = 0, unassigned = 0, follow_up_due = 0;
  std::map<std::string, std::int64_t> by_tag, by_priority, by_rating, by_status, by_assignee;
  std::map<std::string, std::int64_t> by_kind;  // review, question
};
// Three statements: one pass of sums over the items, the assignees, the tag index.
Result<InboxCounts> inbox_counts(Database& db, const QueryTimes& times, const std::string& me);

}  // namespace vouch::server::inbox
