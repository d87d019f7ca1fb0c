// The "response_clock" object of vouch.json (see response_clock.hpp).

#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "vouch/response_clock.hpp"

namespace vouch::clock {

namespace {

using json = nlohmann::json;

constexpr const char* kDays[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// "HH:MM", 00:00..24:00, in minutes; -1 when malformed.
int parse_hhmm(const json& v) {
  if (!v.is_string()) return -1;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() != 5 || s[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return -1;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

bool parse_date(const json& v, CivilDate& out) {
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const auto digits = [&s](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = digits(0, 4);
  const auto m = static_cast<unsigned>(digits(5, 2));
  const auto d = static_cast<unsigned>(digits(8, 2));
  if (y < 1970 || m < 1 || m > 12 || d < 1) return false;
  const CivilDate check = civil_from_days(days_from_civil(y, m, d));
  if (check.month != m || check.day != d) return false;  // 2026-02-30
  out = CivilDate{y, m, d};
  return true;
}

}  // namespace

Result<ClockConfig> parse_clock_config(std::string_view text) {
  ClockConfig config;
  if (text.empty()) return config;
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return Error{"response_clock", "not valid JSON"};
  if (!doc.is_object()) return Error{"response_clock", "expected an object"};
  Error error;
  detail::ObjectReader r(doc, "response_clock", &error);
  r.only({"targets", "business_hours", "holidays"});
  if (const json* targets = r.object("targets")) {
    detail::ObjectReader tr(*targets, "response_clock.targets", &error);
    tr.only({"negative_hours", "other_hours", "question_hours", "negative_max_rating"});
    std::int64_t hours[3] = {24, 72, 24};
    tr.integer("negative_hours", hours[0], 1, 8760);
    tr.integer("other_hours", hours[1], 1, 8760);
    tr.integer("question_hours", hours[2], 1, 8760);
    tr.integer("negative_max_rating", config.targets.negative_max_rating, 0, 5);
    config.targets.negative_seconds = hours[0] * 3600;
    config.targets.other_seconds = hours[1] * 3600;
    config.targets.question_seconds = hours[2] * 3600;
  }
  if (const json* hours = r.object("business_hours"); hours && !r.failed()) {
    detail::ObjectReader hr(*hours, "response_clock.business_hours", &error);
    hr.only({"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
    std::array<std::vector<OpenInterval>, 7> week;
    bool any_open = false;
    for (std::size_t d = 0; d < 7 && !hr.failed(); ++d) {
      const auto it = hours->find(kDays[d]);
      if (it == hours->end() || it->is_null()) continue;
      const std::string path = hr.path_of(kDays[d]);
      if (!it->is_array() || it->size() > 8) {
        hr.fail(path, "expected an array of at most 8 [\"HH:MM\", \"HH:MM\"] pairs");
        break;
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& pair = (*it)[i];
        const std::string item = path + "[" + std::to_string(i) + "]";
        if (!pair.is_array() || pair.size() != 2) {
          hr.fail(item, "expected a pair [\"HH:MM\", \"HH:MM\"]");
          break;
        }
        const int open = parse_hhmm(pair[0]);
        const int close = parse_hhmm(pair[1]);
        if (open < 0 || open == 1440) {
          hr.fail(item + "[0]", "expected a time HH:MM, 00:00..23:59");
          break;
        }
        if (close < 0) {
          hr.fail(item + "[1]", "expected a time HH:MM, 00:00..24:00");
          break;
        }
        if (close <= open) {
          hr.fail(item + "[1]", "must be after the opening time");
          break;
        }
        if (!week[d].empty() && open < week[d].back().close) {
          hr.fail(item + "[0]", "must not be before the end of the previous interval");
          break;
        }
        week[d].push_back({static_cast<std::uint16_t>(open), static_cast<std::uint16_t>(close)});
        any_open = true;
      }
    }
    if (!hr.failed() && !any_open)
      hr.fail("response_clock.business_hours",
              "no day is open: remove the key for around the clock");
    config.calendar.weekly_hours = week;
  }
  if (!r.failed()) {
    const auto it = doc.find("holidays");
    if (it != doc.end() && !it->is_null()) {
      if (!it->is_array() || it->size() > 1000) {
        r.fail("response_clock.holidays", "expected an array of at most 1000 dates");
      } else {
        for (std::size_t i = 0; i < it->size(); ++i) {
          CivilDate date;
          if (!parse_date((*it)[i], date)) {
            r.fail("response_clock.holidays[" + std::to_string(i) + "]",
                   "expected a date YYYY-MM-DD (1970 or later)");
            break;
          }
          config.calendar.holidays.push_back(date);
        }
      }
    }
  }
  if (r.failed()) return error;
  return config;
}

}  // namespace vouch::clock
