// The response clock: business hours across weekends and holidays, DST changes
// in Europe/Berlin and America/New_York (POSIX rules and the system tz
// database), arrival outside business hours, targets over several days, and
// the clock stopped.

#include "vouch/response_clock.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "system_zone.hpp"

using namespace vouch::clock;

namespace {

constexpr const char* kBerlin = "CET-1CEST,M3.5.0,M10.5.0/3";
constexpr const char* kNewYork = "EST5EDT,M3.2.0,M11.1.0";

PosixZone zone(const char* tz) {
  auto rule = parse_posix_tz(tz);
  REQUIRE(rule.ok());
  return PosixZone(rule.value());
}

// UTC instant of a wall time in `z`.
UnixSeconds at(const ZoneOffsets& z, int y, unsigned mo, unsigned d, int h, int mi = 0) {
  return local_to_utc(vouch::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60, z);
}

// Mon-Fri 09:00-17:00.
BusinessCalendar office_hours() {
  BusinessCalendar c;
  std::array<std::vector<OpenInterval>, 7> week;
  for (int d = 1; d <= 5; ++d) week[static_cast<std::size_t>(d)] = {{9 * 60, 17 * 60}};
  c.weekly_hours = week;
  return c;
}

UnixSeconds add(UnixSeconds from, std::int64_t hours, const BusinessCalendar& c,
                const ZoneOffsets& z) {
  auto r = add_business_time(from, hours * 3600, c, z);
  REQUIRE(r.ok());
  return r.value();
}

}  // namespace

TEST_CASE("clock: POSIX TZ rules give the offsets of Berlin and New York", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  // 2026: CEST from 29 March 01:00 UTC to 25 October 01:00 UTC.
  const UnixSeconds spring = vouch::days_from_civil(2026, 3, 29) * 86400 + 3600;
  const UnixSeconds autumn = vouch::days_from_civil(2026, 10, 25) * 86400 + 3600;
  CHECK(berlin.utc_offset_at(spring - 1) == 3600);
  CHECK(berlin.utc_offset_at(spring) == 7200);
  CHECK(berlin.utc_offset_at(autumn - 1) == 7200);
  CHECK(berlin.utc_offset_at(autumn) == 3600);
  const PosixZone ny = zone(kNewYork);
  // 2026: EDT from 8 March 07:00 UTC to 1 November 06:00 UTC.
  const UnixSeconds ny_spring = vouch::days_from_civil(2026, 3, 8) * 86400 + 7 * 3600;
  const UnixSeconds ny_autumn = vouch::days_from_civil(2026, 11, 1) * 86400 + 6 * 3600;
  CHECK(ny.utc_offset_at(ny_spring - 1) == -5 * 3600);
  CHECK(ny.utc_offset_at(ny_spring) == -4 * 3600);
  CHECK(ny.utc_offset_at(ny_autumn - 1) == -4 * 3600);
  CHECK(ny.utc_offset_at(ny_autumn) == -5 * 3600);
  // Southern hemisphere (DST across the new year) and a zone without DST.
  const PosixZone sydney = zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
  CHECK(sydney.utc_offset_at(vouch::days_from_civil(2026, 1, 15) * 86400) == 11 * 3600);
  CHECK(sydney.utc_offset_at(vouch::days_from_civil(2026, 7, 15) * 86400) == 10 * 3600);
  CHECK(zone("<+08>-8").utc_offset_at(0) == 8 * 3600);
  CHECK(zone("<-0330>3:30").utc_offset_at(0) == -(3 * 3600 + 1800));
}

TEST_CASE("clock: POSIX TZ parse errors name the offset", "[clock]") {
  for (const char* bad : {"", "C", "CET", "CET-1CEST,M3.5", "CET-1CEST,M13.5.0,M10.5.0",
                          "CET-1CEST,M3.5.0,M10.5.0/3x", "CET-99", "<+08-8",
                          "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,J0,J100", "CET-1CEST,366,1"}) {
    INFO(bad);
    auto r = parse_posix_tz(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().path.rfind("tz[", 0) == 0);
  }
}

TEST_CASE("clock: local_to_utc in the spring gap and the autumn overlap", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  const std::int64_t day = vouch::days_from_civil(2026, 3, 29) * 86400;
  // 02:30 does not exist: taken as 03:30 CEST = 01:30 UTC.
  CHECK(local_to_utc(day + 2 * 3600 + 1800, berlin) == day + 3600 + 1800);
  // 02:30 on 25 October happens twice: the earlier (CEST) one = 00:30 UTC.
  const std::int64_t oct = vouch::days_from_civil(2026, 10, 25) * 86400;
  CHECK(local_to_utc(oct + 2 * 3600 + 1800, berlin) == oct + 1800);
}

TEST_CASE("clock: business hours across a weekend", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  const BusinessCalendar office = office_hours();
  // Friday 2026-11-06 16:00: 1 h on Friday, 8 h Monday, 8 h Tuesday, 7 h Wednesday.
  const UnixSeconds friday = at(berlin, 2026, 11, 6, 16);
  CHECK(add(friday, 24, office, berlin) == at(berlin, 2026, 11, 11, 16));
  CHECK(add(friday, 1, office, berlin) == at(berlin, 2026, 11, 6, 17));  // exactly at closing
  CHECK(add(at(berlin, 2026, 11, 6, 16, 30), 1, office, berlin) == at(berlin, 2026, 11, 9, 9, 30));
  // Around the clock, the weekend counts.
  CHECK(add(friday, 24, BusinessCalendar{}, berlin) == friday + 24 * 3600);
  // Open time between two instants skips the weekend.
  CHECK(business_time_between(friday, at(berlin, 2026, 11, 9, 10), office, berlin) == 2 * 3600);
}

TEST_CASE("clock: arrival outside business hours starts at the next opening", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  const BusinessCalendar office = office_hours();
  CHECK(add(at(berlin, 2026, 11, 7, 10), 2, office, berlin) == at(berlin, 2026, 11, 9, 11));  // Sat
  CHECK(add(at(berlin, 2026, 11, 10, 20), 1, office, berlin) == at(berlin, 2026, 11, 11, 10));
  CHECK(add(at(berlin, 2026, 11, 10, 6), 1, office, berlin) == at(berlin, 2026, 11, 10, 10));
  // Split days (lunch break) count only the open parts.
  BusinessCalendar split;
  std::array<std::vector<OpenInterval>, 7> week;
  week[2] = {{9 * 60, 12 * 60}, {13 * 60, 17 * 60}};  // Tuesdays only
  split.weekly_hours = week;
  CHECK(add(at(berlin, 2026, 11, 10, 11), 2, split, berlin) == at(berlin, 2026, 11, 10, 14));
}

TEST_CASE("clock: holidays are closed days", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  BusinessCalendar office = office_hours();
  office.holidays = {{2026, 12, 24}, {2026, 12, 25}, {2026, 12, 31}, {2027, 1, 1}};
  // Wed 23 Dec 16:00 + 2 h: 1 h Wednesday, Thu/Fri holidays, weekend, Mon 28 Dec 10:00.
  CHECK(add(at(berlin, 2026, 12, 23, 16), 2, office, berlin) == at(berlin, 2026, 12, 28, 10));
  // Around the clock with holidays: the holiday's 24 h do not count.
  BusinessCalendar always;
  always.holidays = {{2026, 12, 25}};
  CHECK(add(at(berlin, 2026, 12, 24, 12), 24, always, berlin) == at(berlin, 2026, 12, 26, 12));
}

TEST_CASE("clock: DST change in Europe/Berlin", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  const BusinessCalendar office = office_hours();
  // Fri 23 Oct 16:00 CEST + 2 h -> Mon 26 Oct 10:00 CET (09:00 UTC, not 08:00).
  const UnixSeconds due = add(at(berlin, 2026, 10, 23, 16), 2, office, berlin);
  CHECK(due == vouch::days_from_civil(2026, 10, 26) * 86400 + 9 * 3600);
  // Around the clock: 24 real hours; the wall clock shows 11:00 after falling back.
  const UnixSeconds sat = at(berlin, 2026, 10, 24, 12);
  CHECK(add(sat, 24, BusinessCalendar{}, berlin) == sat + 24 * 3600);
  CHECK(add(sat, 24, BusinessCalendar{}, berlin) == at(berlin, 2026, 10, 25, 11));
  // Spring: Sat 28 Mar 12:00 CET + 24 h = Sun 29 Mar 13:00 CEST.
  const UnixSeconds march = at(berlin, 2026, 3, 28, 12);
  CHECK(add(march, 24, BusinessCalendar{}, berlin) == at(berlin, 2026, 3, 29, 13));
  // Open 00:00-24:00 on the Sunday of the change: that day has 23 hours.
  BusinessCalendar sundays;
  std::array<std::vector<OpenInterval>, 7> week;
  week[0] = {{0, 24 * 60}};
  sundays.weekly_hours = week;
  CHECK(business_time_between(at(berlin, 2026, 3, 28, 0), at(berlin, 2026, 3, 30, 0), sundays,
                              berlin) == 23 * 3600);
  CHECK(business_time_between(at(berlin, 2026, 10, 24, 0), at(berlin, 2026, 10, 26, 0), sundays,
                              berlin) == 25 * 3600);
}

TEST_CASE("clock: DST change in America/New_York", "[clock]") {
  const PosixZone ny = zone(kNewYork);
  const BusinessCalendar office = office_hours();
  // Fri 6 Mar 2026 16:00 EST + 2 h -> Mon 9 Mar 10:00 EDT = 14:00 UTC.
  CHECK(add(at(ny, 2026, 3, 6, 16), 2, office, ny) ==
        vouch::days_from_civil(2026, 3, 9) * 86400 + 14 * 3600);
  // Fri 30 Oct 16:00 EDT + 2 h -> Mon 2 Nov 10:00 EST = 15:00 UTC.
  CHECK(add(at(ny, 2026, 10, 30, 16), 2, office, ny) ==
        vouch::days_from_civil(2026, 11, 2) * 86400 + 15 * 3600);
}

TEST_CASE("clock: a zone given as a function", "[clock]") {
  // UTC+14 (Kiribati): the local day starts ten hours before UTC's.
  const FunctionZone kiritimati([](UnixSeconds) { return 14 * 3600; });
  const BusinessCalendar office = office_hours();
  // Friday 16:00 local = Friday 02:00 UTC; +2 h -> Monday 10:00 local = Sunday 20:00 UTC.
  const UnixSeconds friday = at(kiritimati, 2026, 11, 6, 16);
  CHECK(friday == vouch::days_from_civil(2026, 11, 6) * 86400 + 2 * 3600);
  CHECK(add(friday, 2, office, kiritimati) ==
        vouch::days_from_civil(2026, 11, 8) * 86400 + 20 * 3600);
}

TEST_CASE("clock: a target over several days", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  const BusinessCalendar office = office_hours();
  // 72 business hours from Mon 9 Nov 09:00 = 9 working days: Thu 19 Nov 17:00.
  CHECK(add(at(berlin, 2026, 11, 9, 9), 72, office, berlin) == at(berlin, 2026, 11, 19, 17));
  // A calendar that is never open is an error, not an endless loop.
  BusinessCalendar closed;
  closed.weekly_hours = std::array<std::vector<OpenInterval>, 7>{};
  CHECK_FALSE(add_business_time(0, 3600, closed, berlin).ok());
}

TEST_CASE("clock: targets by rating and kind; states; the clock stopped", "[clock]") {
  const PosixZone berlin = zone(kBerlin);
  ClockConfig config;
  config.calendar = office_hours();
  ClockItem item;
  item.arrived_at = at(berlin, 2026, 11, 9, 9);  // Monday
  item.rating = 1;
  CHECK(target_for(item, config.targets) == 24 * 3600);
  item.rating = 3;
  CHECK(target_for(item, config.targets) == 72 * 3600);
  item.rating = 0;
  item.kind = ItemKind::Question;
  CHECK(target_for(item, config.targets) == 24 * 3600);
  item.kind = ItemKind::Review;
  item.rating = 2;

  // 24 business hours from Monday 09:00 = Wednesday 17:00.
  const UnixSeconds due = at(berlin, 2026, 11, 11, 17);
  auto running = clock_status(item, at(berlin, 2026, 11, 11, 15), config, berlin);
  REQUIRE(running.ok());
  CHECK(running.value().state == ClockState::Running);
  CHECK(running.value().due_at == due);
  CHECK(running.value().business_seconds_left == 2 * 3600);
  CHECK(clock_status(item, due, config, berlin).value().state == ClockState::Running);
  CHECK(clock_status(item, due + 1, config, berlin).value().state == ClockState::Overdue);

  item.replied_at = due - 60;
  CHECK(clock_status(item, due + 86400, config, berlin).value().state ==
        ClockState::AnsweredInTime);
  item.replied_at = due + 60;
  CHECK(clock_status(item, due + 86400, config, berlin).value().state == ClockState::AnsweredLate);

  item.replied_at.reset();
  item.no_reply_needed_at = due + 3600;  // even after the due time: stopped, with its reason
  item.no_reply_reason = "spam, rejected";
  auto stopped = clock_status(item, due + 86400, config, berlin);
  REQUIRE(stopped.ok());
  CHECK(stopped.value().state == ClockState::Stopped);
  CHECK(stopped.value().stop_reason == "spam, rejected");
  CHECK(std::string(clock_state_name(ClockState::Stopped)) == "stopped");
}

TEST_CASE("clock: the response_clock config", "[clock][config]") {
  auto ok = parse_clock_config(R"({"targets": {"negative_hours": 12, "other_hours": 48},
      "business_hours": {"mon": [["09:00", "12:00"], ["13:00", "17:30"]], "sat": [["10:00", "24:00"]]},
      "holidays": ["2026-12-25"]})");
  REQUIRE(ok.ok());
  CHECK(ok.value().targets.negative_seconds == 12 * 3600);
  CHECK(ok.value().targets.other_seconds == 48 * 3600);
  CHECK(ok.value().targets.question_seconds == 24 * 3600);
  const auto& week = *ok.value().calendar.weekly_hours;
  REQUIRE(week[1].size() == 2);
  CHECK(week[1][1].close == 17 * 60 + 30);
  CHECK(week[6][0].close == 24 * 60);
  CHECK(week[0].empty());
  CHECK(ok.value().calendar.holidays.size() == 1);
  CHECK_FALSE(parse_clock_config("").value().calendar.weekly_hours);

  const std::pair<const char*, const char*> bad[] = {
      {"[]", "response_clock: expected an object"},
      {"{", "response_clock: not valid JSON"},
      {R"({"target": {}})", "response_clock.target: unknown key"},
      {R"({"targets": {"negative_hours": 0}})",
       "response_clock.targets.negative_hours: expected integer 1..8760"},
      {R"({"business_hours": {"mon": [["9:00", "17:00"]]}})",
       "response_clock.business_hours.mon[0][0]: expected a time HH:MM, 00:00..23:59"},
      {R"({"business_hours": {"mon": [["09:00", "24:30"]]}})",
       "response_clock.business_hours.mon[0][1]: expected a time HH:MM, 00:00..24:00"},
      {R"({"business_hours": {"mon": [["17:00", "09:00"]]}})",
       "response_clock.business_hours.mon[0][1]: must be after the opening time"},
      {R"({"business_hours": {"mon": [["09:00", "13:00"], ["12:00", "17:00"]]}})",
       "response_clock.business_hours.mon[1][0]: must not be before the end of the previous "
       "interval"},
      {R"({"business_hours": {"mon": "09:00-17:00"}})",
       "response_clock.business_hours.mon: expected an array of at most 8 [\"HH:MM\", \"HH:MM\"] "
       "pairs"},
      {R"({"business_hours": {"mon": [["09:00"]]}})",
       "response_clock.business_hours.mon[0]: expected a pair [\"HH:MM\", \"HH:MM\"]"},
      {R"({"business_hours": {"monday": []}})",
       "response_clock.business_hours.monday: unknown key"},
      {R"({"business_hours": {"mon": []}})",
       "response_clock.business_hours: no day is open: remove the key for around the clock"},
      {R"({"holidays": ["2026-02-30"]})",
       "response_clock.holidays[0]: expected a date YYYY-MM-DD (1970 or later)"},
      {R"({"holidays": "2026-12-25"})",
       "response_clock.holidays: expected an array of at most 1000 dates"},
  };
  for (const auto& [json, message] : bad) {
    INFO(json);
    auto r = parse_clock_config(json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().to_string() == message);
  }
}

TEST_CASE("clock: the system tz database agrees with the rules and knows history", "[clock][tz]") {
  auto berlin = vouch::native::load_system_zone("Europe/Berlin");
  REQUIRE(berlin.ok());  // Debian tzdata (scripts/bootstrap.sh)
  auto ny = vouch::native::load_system_zone("America/New_York");
  REQUIRE(ny.ok());
  CHECK(berlin.value().footer() == kBerlin);
  CHECK(ny.value().footer() == kNewYork);
  const PosixZone berlin_rule = zone(kBerlin), ny_rule = zone(kNewYork);
  // Every hour of 2026-2027 (before the last transition the file holds the
  // table, after it the footer rule).
  const UnixSeconds start = vouch::days_from_civil(2026, 1, 1) * 86400;
  for (UnixSeconds t = start; t < start + 2 * 366 * 86400; t += 3600) {
    REQUIRE(berlin.value().utc_offset_at(t) == berlin_rule.utc_offset_at(t));
    REQUIRE(ny.value().utc_offset_at(t) == ny_rule.utc_offset_at(t));
  }
  // 1995: Europe ended summer time in September, not October (the table knows).
  CHECK(berlin.value().utc_offset_at(vouch::days_from_civil(1995, 10, 15) * 86400) == 3600);
  CHECK(berlin_rule.utc_offset_at(vouch::days_from_civil(1995, 10, 15) * 86400) == 7200);
  // The business clock works the same over the system zone.
  const BusinessCalendar office = office_hours();
  CHECK(add(at(berlin.value(), 2026, 10, 23, 16), 2, office, berlin.value()) ==
        vouch::days_from_civil(2026, 10, 26) * 86400 + 9 * 3600);
  CHECK(vouch::native::load_system_zone("UTC").value().utc_offset_at(0) == 0);
}

TEST_CASE("clock: zone names and TZif files from outside are checked", "[clock][tz]") {
  const std::string too_long(200, 'a');
  for (const std::string& name :
       {std::string(), std::string("/etc/passwd"), std::string("../etc/passwd"),
        std::string("Europe/../../etc/passwd"), std::string("Europe//Berlin"),
        std::string("Europe/Berlin/"), std::string(".hidden"), std::string("Europe/Ber lin"),
        std::string("-x"), too_long, std::string("No/Such_Zone")}) {
    INFO(name);
    CHECK_FALSE(vouch::native::load_system_zone(name).ok());
  }
  CHECK(vouch::native::parse_tzif("").error().to_string() == "tzif: not a TZif file");
  CHECK(vouch::native::parse_tzif("TZ").error().to_string() == "tzif: truncated");
  CHECK(vouch::native::parse_tzif("TZif2").error().to_string() == "tzif: truncated");
  CHECK(vouch::native::parse_tzif(std::string(100, 'x')).error().to_string() ==
        "tzif: not a TZif file");
  // A header claiming 2^32-1 transitions.
  std::string huge = "TZif2" + std::string(15, '\0');
  huge += std::string("\0\0\0\0\0\0\0\0\0\0\0\0\xff\xff\xff\xff\0\0\0\1\0\0\0\4", 24);
  CHECK(vouch::native::parse_tzif(huge).error().to_string() ==
        "tzif: implausible counts in the header");
  // A real file cut anywhere never reads out of bounds and never passes as whole.
  std::string real;
  {
    std::FILE* f = std::fopen("/usr/share/zoneinfo/Europe/Berlin", "rb");
    REQUIRE(f);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) real.append(buf, n);
    std::fclose(f);
  }
  REQUIRE(vouch::native::parse_tzif(real).ok());
  for (std::size_t cut = 0; cut + 1 < real.size(); cut += 7) {
    const auto r = vouch::native::parse_tzif(real.substr(0, cut));
    if (r.ok()) CHECK(cut >= real.size() - 64);  // only the footer may be missing
  }
  // A corrupt footer is reported.
  std::string bad_footer = real.substr(0, real.rfind('\n', real.size() - 2)) + "\nCET-1CEST,M3\n";
  CHECK(vouch::native::parse_tzif(bad_footer).error().path == "tzif footer");
}
