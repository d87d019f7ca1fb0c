#pragma once
// SQL for one inbox item (inbox_items + inbox_tags + inbox_events): reading
// the row, and the small state changes of the console. Callers hold the
// database mutex and a transaction for multi-step changes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db.hpp"

namespace vouch::server::inbox {

inline constexpr const char* kPriorityNames[] = {"low", "normal", "high", "urgent"};
inline constexpr const char* kSpamNames[] = {"none", "low", "medium", "high"};
inline constexpr const char* kStates[] = {"unread", "open", "replied", "resolved", "followed_up"};
std::optional<int> priority_from_name(std::string_view name);

struct InboxRow {
  std::string review_id;        // a review's or a question's id (see kind)
  std::string kind = "review";  // review | question (migration 7)
  std::string product_id;
  std::string state = "unread";
  bool starred = false;
  std::string assignee;
  int priority = 1;
  bool priority_corrected = false;
  bool tags_corrected = false;
  int spam_risk = 0;
  std::int64_t arrived_at = 0;
  std::int64_t due_at = 0;
  std::optional<std::int64_t> first_reply_at;
  std::string first_reply_by;
  std::optional<std::int64_t> no_reply_at;
  std::string no_reply_reason;
  std::optional<std::int64_t> resolved_at;
  std::optional<std::int64_t> follow_up_at;
  std::string follow_up_outcome;
  std::optional<std::int64_t> followed_up_at;
  std::string followed_up_by;
  std::vector<std::string> tags;  // as stored, alphabetical
};

Result<std::optional<InboxRow>> find_item(Database& db, std::string_view review_id);

struct InboxEvent {
  std::int64_t time = 0;
  std::string actor;
  std::string kind;  // note, message, reply
  std::string text;
};
Result<std::vector<InboxEvent>> item_events(Database& db, std::string_view review_id);

Status set_state(Database& db, std::string_view id, std::string_view state);
Status set_starred(Database& db, std::string_view id, bool starred);
Status set_assignee(Database& db, std::string_view id, std::string_view assignee);
Status set_priority_corrected(Database& db, std::string_view id, int priority);
// Staff's tag list: replaces the tags and marks them corrected.
Status set_tags_corrected(Database& db, std::string_view id, const std::vector<std::string>& tags);
Status add_tag(Database& db, std::string_view id, std::string_view tag);
Status remove_tag(Database& db, std::string_view id, std::string_view tag);
// reason "" restarts the clock.
Status set_no_reply(Database& db, std::string_view id, std::string_view reason, std::int64_t now);

// The reply hook: the first non-empty reply is recorded (time and who), the
// state becomes replied unless the item is resolved or followed up, and the
// reply text is kept in the item's history. No-op without an inbox row.
Status record_reply(Database& db, std::string_view id, std::string_view actor,
                    std::string_view text, std::int64_t now);

// A staff user (users table) of that name exists.
Result<bool> user_exists(Database& db, std::string_view name);

}  // namespace vouch::server::inbox
