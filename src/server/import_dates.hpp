#pragma once
// Dates as review apps write them: dd/mm/yyyy, M/D/YYYY [H:MM], YYYY-MM-DD
// [HH:MM[:SS]] [UTC], ISO 8601 with Z or an offset, and Unix seconds. Slashed
// dates are ambiguous, so the caller says which order its format uses.

#include <cstdint>
#include <optional>
#include <string_view>

#include "vouch/civil_date.hpp"

namespace vouch::server {

enum class SlashOrder { DayFirst, MonthFirst };

// Unix seconds (UTC), or nullopt when the text is none of the forms above or
// names an impossible date (31/02/2020, 25:00).
std::optional<std::int64_t> parse_import_date(std::string_view text, SlashOrder order);

// The core's calendar arithmetic (vouch/civil_date.hpp), re-exported for the
// importer and its tests.
using vouch::days_from_civil;

}  // namespace vouch::server
