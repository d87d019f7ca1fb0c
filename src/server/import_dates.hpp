#pragma once
// Dates as review apps write them: dd/mm/yyyy, M/D/YYYY [H:MM], YYYY-MM-DD
// [HH:MM[:SS]] [UTC], ISO 8601 with Z or an offset, and Unix seconds. Slashed
// dates are ambiguous, so the caller says which order its format uses.

#include <cstdint>
#include <optional>
#include <string_view>

namespace vouch::server {

enum class SlashOrder { DayFirst, MonthFirst };

// Unix seconds (UTC), or nullopt when the text is none of the forms above or
// names an impossible date (31/02/2020, 25:00).
std::optional<std::int64_t> parse_import_date(std::string_view text, SlashOrder order);

// Days since 1970-01-01 of a proleptic Gregorian date (no range checks).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

}  // namespace vouch::server
