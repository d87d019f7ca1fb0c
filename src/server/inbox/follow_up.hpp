#pragma once
// Resolve, follow up, reopen (issue 15 item 6). A resolved item may get a
// follow-up date (default 7 days after resolving, App::now); when it comes,
// staff ask the reviewer whether the problem is solved and record the
// outcome. A follow-up never asks the reviewer to change or remove the
// review (US 16 CFR 465): docs/console.md.

#include <cstdint>
#include <optional>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "inbox/console_item.hpp"

namespace vouch::server::inbox {

inline constexpr int kDefaultFollowUpDays = 7;
inline constexpr int kMaxFollowUpDays = 90;

struct ResolveRequest {
  std::string review_id;
  std::optional<int> follow_up_days;  // 0..90; 0 = no follow-up
  std::string follow_up_date;         // "YYYY-MM-DD" (00:00 UTC that day), today..+366 days
};
// State resolved, resolved_at now, the follow-up date (a new cycle: an earlier
// outcome is cleared). Audited as `resolve`.
app::Outcome<ConsoleItem> resolve_item(App& app, const std::string& actor,
                                       const ResolveRequest& request);

enum class FollowUpOutcome : std::uint8_t { Satisfied, NotSatisfied, NoAnswer };
std::optional<FollowUpOutcome> follow_up_outcome_from(const std::string& name);
const char* follow_up_outcome_name(FollowUpOutcome outcome);

// Only a resolved item (409 not_resolved otherwise). State followed_up; the
// optional note becomes a note event. Audited as `follow_up`.
app::Outcome<ConsoleItem> record_follow_up(App& app, const std::string& actor,
                                           const std::string& review_id, FollowUpOutcome outcome,
                                           const std::string& note);

// A resolved or followed-up item back to open (409 not_resolved otherwise);
// a planned follow-up without an outcome is cancelled. Audited as `reopen`.
app::Outcome<ConsoleItem> reopen_item(App& app, const std::string& actor,
                                      const std::string& review_id);

}  // namespace vouch::server::inbox
