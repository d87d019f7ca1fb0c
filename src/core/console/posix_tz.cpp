// POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3"): parsing and the offset at an
// instant. The same text ends every TZif v2+ file (RFC 8536 section 3.3), so
// the server can hand the core the rule of any zone without the core reading
// files.

#include <cctype>

#include "vouch/response_clock.hpp"

namespace vouch::clock {

namespace {

class TzParser {
 public:
  explicit TzParser(std::string_view text) : s_(text) {}

  bool done() const { return pos_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  Error fail(const std::string& what) const {
    return Error{"tz[" + std::to_string(pos_) + "]", what};
  }

  // "CET" (3+ letters) or "<+08>" (3+ of letters, digits, + and -).
  bool name() {
    if (eat('<')) {
      const std::size_t start = pos_;
      while (!done() &&
             (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '+' || peek() == '-'))
        ++pos_;
      return pos_ - start >= 3 && eat('>');
    }
    const std::size_t start = pos_;
    while (!done() && std::isalpha(static_cast<unsigned char>(peek()))) ++pos_;
    return pos_ - start >= 3;
  }

  // [+-]hh[:mm[:ss]] in seconds, hours up to max_hours.
  bool time(std::int32_t& out, int max_hours) {
    int sign = 1;
    if (eat('-'))
      sign = -1;
    else
      eat('+');
    int parts[3] = {0, 0, 0};
    for (int k = 0; k < 3; ++k) {
      if (k > 0 && !eat(':')) break;
      const std::size_t start = pos_;
      int value = 0;
      while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && pos_ - start < 3)
        value = value * 10 + (s_[pos_++] - '0');
      if (pos_ == start) return false;
      parts[k] = value;
    }
    if (parts[0] > max_hours || parts[1] > 59 || parts[2] > 59) return false;
    out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    return true;
  }

  bool number(unsigned& out, unsigned lo, unsigned hi) {
    const std::size_t start = pos_;
    unsigned value = 0;
    while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && pos_ - start < 4)
      value = value * 10 + static_cast<unsigned>(s_[pos_++] - '0');
    if (pos_ == start || value < lo || value > hi) return false;
    out = value;
    return true;
  }

  bool transition(PosixTransition& t) {
    if (eat('M')) {
      t.form = PosixTransition::Form::MonthWeekDay;
      if (!number(t.month, 1, 12) || !eat('.') || !number(t.week, 1, 5) || !eat('.') ||
          !number(t.weekday, 0, 6))
        return false;
    } else if (eat('J')) {
      t.form = PosixTransition::Form::JulianNoLeap;
      if (!number(t.day, 1, 365)) return false;
    } else {
      t.form = PosixTransition::Form::ZeroBasedDay;
      if (!number(t.day, 0, 365)) return false;
    }
    t.time = 7200;
    if (eat('/')) return time(t.time, 167);
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

std::int64_t weekday_of(std::int64_t days) {  // 0 = Sunday; 1970-01-01 was a Thursday
  const std::int64_t w = (days + 4) % 7;
  return w < 0 ? w + 7 : w;
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Local seconds (since the epoch, in the zone's wall time before the change)
// of a transition in year y.
std::int64_t transition_local(std::int64_t y, const PosixTransition& t) {
  std::int64_t day = 0;
  switch (t.form) {
    case PosixTransition::Form::MonthWeekDay: {
      const std::int64_t first = days_from_civil(y, t.month, 1);
      const std::int64_t next =
          t.month == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, t.month + 1, 1);
      day = first + (static_cast<std::int64_t>(t.weekday) - weekday_of(first) + 7) % 7 +
            7 * (static_cast<std::int64_t>(t.week) - 1);
      while (day >= next) day -= 7;  // week 5 = the last one
      break;
    }
    case PosixTransition::Form::JulianNoLeap:
      day = days_from_civil(y, 1, 1) + t.day - 1 + (is_leap(y) && t.day >= 60 ? 1 : 0);
      break;
    case PosixTransition::Form::ZeroBasedDay:
      day = days_from_civil(y, 1, 1) + t.day;
      break;
  }
  return day * 86400 + t.time;
}

}  // namespace

Result<PosixRule> parse_posix_tz(std::string_view text) {
  TzParser p(text);
  PosixRule rule;
  if (!p.name()) return p.fail("expected a zone abbreviation (3+ letters or <...>)");
  std::int32_t west = 0;
  if (!p.time(west, 24)) return p.fail("expected an offset [+-]hh[:mm[:ss]]");
  rule.std_offset = -west;
  if (p.done()) return rule;
  if (!p.name()) return p.fail("expected a daylight-time abbreviation");
  rule.has_dst = true;
  rule.dst_offset = rule.std_offset + 3600;
  if (!p.done() && p.peek() != ',') {
    if (!p.time(west, 24)) return p.fail("expected a daylight-time offset");
    rule.dst_offset = -west;
  }
  if (p.done()) {  // no rules: the US ones, as glibc does
    rule.dst_start = {PosixTransition::Form::MonthWeekDay, 3, 2, 0, 0, 7200};
    rule.dst_end = {PosixTransition::Form::MonthWeekDay, 11, 1, 0, 0, 7200};
    return rule;
  }
  if (!p.eat(',') || !p.transition(rule.dst_start))
    return p.fail("expected a start rule Mm.w.d[/time], Jn or n");
  if (!p.eat(',') || !p.transition(rule.dst_end))
    return p.fail("expected an end rule Mm.w.d[/time], Jn or n");
  if (!p.done()) return p.fail("unexpected text after the rules");
  return rule;
}

std::int32_t PosixZone::utc_offset_at(UnixSeconds utc) const {
  if (!rule_.has_dst) return rule_.std_offset;
  const std::int64_t year = civil_from_days(days_from_unix_seconds(utc + rule_.std_offset)).year;
  const std::int64_t start = transition_local(year, rule_.dst_start) - rule_.std_offset;
  const std::int64_t end = transition_local(year, rule_.dst_end) - rule_.dst_offset;
  const bool dst = start < end ? (utc >= start && utc < end) : (utc < end || utc >= start);
  return dst ? rule_.dst_offset : rule_.std_offset;
}

UnixSeconds local_to_utc(std::int64_t local_seconds, const ZoneOffsets& zone) {
  // Offsets stay within +-26 h, so the instant lies within a day of the wall
  // time; one transition at most in that window.
  const std::int32_t early = zone.utc_offset_at(local_seconds - 93600);
  const std::int32_t late = zone.utc_offset_at(local_seconds + 93600);
  std::optional<UnixSeconds> best;
  for (const std::int32_t offset : {early, late}) {
    const UnixSeconds candidate = local_seconds - offset;
    if (zone.utc_offset_at(candidate) == offset && (!best || candidate < *best)) best = candidate;
  }
  if (best) return *best;
  return local_seconds - early;  // in a gap: as if the clock had not jumped yet
}

}  // namespace vouch::clock
