#pragma once
// Native only: the system time-zone database (/usr/share/zoneinfo, TZif files,
// RFC 8536) behind the core's ZoneOffsets interface, for the response clock.
// Read once per zone (the server keeps the loaded zone); thread-safe after
// that: no TZ environment variable, no localtime_r global state.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/response_clock.hpp"
#include "vouch/status.hpp"

namespace vouch::native {

class TzifZone final : public clock::ZoneOffsets {
 public:
  std::int32_t utc_offset_at(clock::UnixSeconds utc) const override;

  const std::string& footer() const { return footer_; }  // the POSIX rule text, "" when none
  std::size_t transition_count() const { return transitions_.size(); }

 private:
  friend Result<TzifZone> parse_tzif(std::string_view bytes);
  std::vector<std::int64_t> transitions_;   // ascending UTC instants
  std::vector<std::int32_t> offset_after_;  // offset from transitions_[i] on
  std::int32_t offset_before_ = 0;          // before the first transition
  bool has_rule_ = false;
  clock::PosixRule rule_;  // after the last transition
  std::string footer_;
};

// A TZif file's bytes (v1, v2 or v3). Errors: "tzif: truncated", "tzif: not a
// TZif file", "tzif footer: ..." (a hostile file never reads out of bounds).
Result<TzifZone> parse_tzif(std::string_view bytes);

// An IANA zone name ("Europe/Berlin") from `zoneinfo_dir`. The name must be
// letters, digits, "_", "+", "-" and "/"-separated parts with no "." part:
// a name from a config file never reaches outside the directory.
Result<TzifZone> load_system_zone(std::string_view name,
                                  const std::string& zoneinfo_dir = "/usr/share/zoneinfo");

}  // namespace vouch::native
