// Due times counted in business time, and the state of an item's clock.

#include "vouch/response_clock.hpp"

#include <algorithm>

namespace vouch::clock {

namespace {

constexpr std::int64_t kSearchDays = 3660;  // ten years of calendar

std::int64_t weekday_of(std::int64_t days) {
  const std::int64_t w = (days + 4) % 7;
  return w < 0 ? w + 7 : w;
}

bool is_holiday(std::int64_t day, const BusinessCalendar& calendar) {
  for (const CivilDate& h : calendar.holidays)
    if (days_from_civil(h.year, h.month, h.day) == day) return true;
  return false;
}

// Open intervals of local day `day` (days since 1970-01-01 in wall time), as
// UTC instants, in order.
void open_intervals(std::int64_t day, const BusinessCalendar& calendar, const ZoneOffsets& zone,
                    std::vector<std::pair<UnixSeconds, UnixSeconds>>& out) {
  out.clear();
  if (is_holiday(day, calendar)) return;
  const std::int64_t midnight = day * 86400;
  if (!calendar.weekly_hours) {
    out.emplace_back(local_to_utc(midnight, zone), local_to_utc(midnight + 86400, zone));
    return;
  }
  for (const OpenInterval& i :
       (*calendar.weekly_hours)[static_cast<std::size_t>(weekday_of(day))]) {
    const UnixSeconds open = local_to_utc(midnight + i.open * 60, zone);
    const UnixSeconds close = local_to_utc(midnight + i.close * 60, zone);
    if (close > open) out.emplace_back(open, close);
  }
}

std::int64_t local_day_of(UnixSeconds utc, const ZoneOffsets& zone) {
  return days_from_unix_seconds(utc + zone.utc_offset_at(utc));
}

}  // namespace

const char* clock_state_name(ClockState state) {
  switch (state) {
    case ClockState::Running:
      return "running";
    case ClockState::Overdue:
      return "overdue";
    case ClockState::AnsweredInTime:
      return "answered_in_time";
    case ClockState::AnsweredLate:
      return "answered_late";
    case ClockState::Stopped:
      return "stopped";
  }
  return "unknown";
}

std::int64_t target_for(const ClockItem& item, const ResponseTargets& targets) {
  if (item.kind == ItemKind::Question) return targets.question_seconds;
  if (item.rating > 0 && item.rating <= targets.negative_max_rating)
    return targets.negative_seconds;
  return targets.other_seconds;
}

Result<UnixSeconds> add_business_time(UnixSeconds from, std::int64_t business_seconds,
                                      const BusinessCalendar& calendar, const ZoneOffsets& zone) {
  if (business_seconds <= 0) return from;
  std::int64_t remaining = business_seconds;
  std::vector<std::pair<UnixSeconds, UnixSeconds>> intervals;
  // From the day before: an interval of that day cannot reach into `from`'s
  // day (close <= 24:00), but a zone's offset change may shift the day.
  const std::int64_t first_day = local_day_of(from, zone) - 1;
  for (std::int64_t day = first_day; day < first_day + kSearchDays; ++day) {
    open_intervals(day, calendar, zone, intervals);
    for (auto [open, close] : intervals) {
      open = std::max(open, from);
      if (close <= open) continue;
      if (remaining <= close - open) return open + remaining;
      remaining -= close - open;
    }
  }
  return Error{"response_clock", "no open business time within ten years"};
}

std::int64_t business_time_between(UnixSeconds from, UnixSeconds to,
                                   const BusinessCalendar& calendar, const ZoneOffsets& zone) {
  if (to <= from) return 0;
  std::int64_t total = 0;
  std::vector<std::pair<UnixSeconds, UnixSeconds>> intervals;
  const std::int64_t last_day = local_day_of(to, zone) + 1;
  for (std::int64_t day = local_day_of(from, zone) - 1; day <= last_day; ++day) {
    open_intervals(day, calendar, zone, intervals);
    for (const auto& [open, close] : intervals) {
      const UnixSeconds a = std::max(open, from);
      const UnixSeconds b = std::min(close, to);
      if (b > a) total += b - a;
    }
  }
  return total;
}

Result<ClockStatus> clock_status(const ClockItem& item, UnixSeconds now, const ClockConfig& config,
                                 const ZoneOffsets& zone) {
  ClockStatus status;
  status.target_seconds = target_for(item, config.targets);
  auto due = add_business_time(item.arrived_at, status.target_seconds, config.calendar, zone);
  if (!due) return due.error();
  status.due_at = due.value();
  if (item.replied_at) {
    status.state =
        *item.replied_at <= status.due_at ? ClockState::AnsweredInTime : ClockState::AnsweredLate;
  } else if (item.no_reply_needed_at) {
    status.state = ClockState::Stopped;
    status.stop_reason = item.no_reply_reason;
  } else if (now > status.due_at) {
    status.state = ClockState::Overdue;
  } else {
    status.state = ClockState::Running;
    status.business_seconds_left = business_time_between(now, status.due_at, config.calendar, zone);
  }
  return status;
}

}  // namespace vouch::clock
