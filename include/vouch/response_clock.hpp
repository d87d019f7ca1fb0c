#pragma once
// The response clock of the store owner's console (issue 15, item 4): when an
// answer to a review or question is due, counted in the store's business time
// in its own time zone, and whether it is overdue.
//
// The core does no I/O, so the zone's rules come in through ZoneOffsets: a
// POSIX TZ rule (parsed here, the same text that ends every TZif file, e.g.
// "CET-1CEST,M3.5.0,M10.5.0/3"), a fixed offset, or the server's adapter over
// the system tz database (src/native/system_zone.hpp). All instants are Unix
// seconds (UTC).

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/civil_date.hpp"
#include "vouch/status.hpp"

namespace vouch::clock {

using UnixSeconds = std::int64_t;

// ---- time zones --------------------------------------------------------------
// Seconds east of UTC in effect at an instant (+3600 for CET).
class ZoneOffsets {
 public:
  virtual ~ZoneOffsets() = default;
  virtual std::int32_t utc_offset_at(UnixSeconds utc) const = 0;
};

class FixedOffsetZone final : public ZoneOffsets {
 public:
  explicit FixedOffsetZone(std::int32_t offset_seconds) : offset_(offset_seconds) {}
  std::int32_t utc_offset_at(UnixSeconds) const override { return offset_; }

 private:
  std::int32_t offset_;
};

// Any offset function the caller has (a test clock, a server-side cache).
class FunctionZone final : public ZoneOffsets {
 public:
  explicit FunctionZone(std::function<std::int32_t(UnixSeconds)> offset_at)
      : offset_at_(std::move(offset_at)) {}
  std::int32_t utc_offset_at(UnixSeconds utc) const override { return offset_at_(utc); }

 private:
  std::function<std::int32_t(UnixSeconds)> offset_at_;
};

// A POSIX TZ rule: standard offset, optional daylight offset and the two
// transition rules "Mm.w.d[/time]" (month, week 1..5 where 5 = last, weekday
// 0 = Sunday; time is local wall time before the change, default 02:00,
// hours may be negative or over 24 as in RFC 8536), "Jn" and "n" day forms.
struct PosixTransition {
  enum class Form : std::uint8_t {
    MonthWeekDay,
    JulianNoLeap,
    ZeroBasedDay
  } form = Form::MonthWeekDay;
  unsigned month = 0, week = 0, weekday = 0;  // MonthWeekDay
  unsigned day = 0;                           // JulianNoLeap 1..365, ZeroBasedDay 0..365
  std::int32_t time = 7200;                   // seconds after local midnight
};

struct PosixRule {
  std::int32_t std_offset = 0;  // seconds EAST of UTC (the POSIX text has it west)
  bool has_dst = false;
  std::int32_t dst_offset = 0;
  PosixTransition dst_start, dst_end;
};

// "CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0", "<+08>-8", "UTC0".
// Errors name the byte offset: "tz[4]: expected an offset".
Result<PosixRule> parse_posix_tz(std::string_view text);

class PosixZone final : public ZoneOffsets {
 public:
  explicit PosixZone(PosixRule rule) : rule_(rule) {}
  std::int32_t utc_offset_at(UnixSeconds utc) const override;
  const PosixRule& rule() const { return rule_; }

 private:
  PosixRule rule_;
};

// Local wall time -> UTC. In a gap (spring forward) the wall time does not
// exist: the result is the instant the same distance after the gap starts
// (02:30 -> 03:30 CEST). In an overlap (fall back) the earlier instant.
UnixSeconds local_to_utc(std::int64_t local_seconds, const ZoneOffsets& zone);

// ---- business hours ----------------------------------------------------------
// Minutes after local midnight, [open, close), close <= 1440.
struct OpenInterval {
  std::uint16_t open = 0;
  std::uint16_t close = 0;
};

struct BusinessCalendar {
  // Per weekday, 0 = Sunday .. 6 = Saturday. Absent = open around the clock
  // (only holidays are closed).
  std::optional<std::array<std::vector<OpenInterval>, 7>> weekly_hours;
  std::vector<CivilDate> holidays;  // whole local days closed
};

// ---- targets and the clock -------------------------------------------------
struct ResponseTargets {
  std::int64_t negative_seconds = 24 * 3600;  // rating <= negative_max_rating
  std::int64_t other_seconds = 72 * 3600;
  std::int64_t question_seconds = 24 * 3600;
  int negative_max_rating = 2;
};

struct ClockConfig {
  ResponseTargets targets;
  BusinessCalendar calendar;
};

// The "response_clock" object of vouch.json:
//   {"targets": {"negative_hours": 24, "other_hours": 72, "question_hours": 24,
//                "negative_max_rating": 2},
//    "business_hours": {"mon": [["09:00", "17:00"]], ..., "sun": []},
//    "holidays": ["2026-12-25", "2026-12-26"]}
// business_hours lists the seven days it wants open (absent days are closed);
// the whole key absent = around the clock. Errors carry the path
// ("response_clock.business_hours.mon[0][1]: expected a time HH:MM, 00:00..24:00").
Result<ClockConfig> parse_clock_config(std::string_view json);

enum class ItemKind : std::uint8_t { Review, Question };

struct ClockItem {
  ItemKind kind = ItemKind::Review;
  int rating = 0;  // 1..5; 0 = none (questions)
  UnixSeconds arrived_at = 0;
  std::optional<UnixSeconds> replied_at;  // first public reply
  // "No reply needed": stops the clock; the reason is kept for the audit.
  std::optional<UnixSeconds> no_reply_needed_at;
  std::string no_reply_reason;
};

enum class ClockState : std::uint8_t {
  Running,  // no answer yet, not due
  Overdue,  // no answer, due time passed
  AnsweredInTime,
  AnsweredLate,
  Stopped,  // "no reply needed"
};
const char* clock_state_name(ClockState state);  // "running", "overdue", ...

struct ClockStatus {
  ClockState state = ClockState::Running;
  UnixSeconds due_at = 0;
  std::int64_t target_seconds = 0;         // the target that applied (business seconds)
  std::int64_t business_seconds_left = 0;  // Running: until due; else 0
  std::string stop_reason;                 // Stopped
};

// Target of an item: questions -> question_seconds, rating <= negative_max_rating
// (and > 0) -> negative_seconds, others -> other_seconds.
std::int64_t target_for(const ClockItem& item, const ResponseTargets& targets);

// The instant `business_seconds` of open time after `from`. Error when no open
// time is found within ten years (a calendar that is never open).
Result<UnixSeconds> add_business_time(UnixSeconds from, std::int64_t business_seconds,
                                      const BusinessCalendar& calendar, const ZoneOffsets& zone);
// Open seconds in [from, to) (0 when to <= from).
std::int64_t business_time_between(UnixSeconds from, UnixSeconds to,
                                   const BusinessCalendar& calendar, const ZoneOffsets& zone);

Result<ClockStatus> clock_status(const ClockItem& item, UnixSeconds now, const ClockConfig& config,
                                 const ZoneOffsets& zone);

}  // namespace vouch::clock
