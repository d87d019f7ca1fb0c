#pragma once
// Value rules every snapshot loader applies (build from reviews, JSON, binary),
// so the three entry points accept exactly the same snapshots.

#include <cstdint>
#include <string_view>

#include "vouch/url.hpp"

namespace vouch::detail {

// Years 0000..9999, the range the JSON text form can write.
inline constexpr std::int64_t kMinTime = -62167219200;  // 0000-01-01T00:00:00Z
inline constexpr std::int64_t kMaxTime = 253402300799;  // 9999-12-31T23:59:59Z
inline bool valid_time(std::int64_t t) { return t >= kMinTime && t <= kMaxTime; }

// "" or a BCP 47-shaped tag: ASCII letters, digits and '-', at most 35 bytes,
// starting with a letter.
bool valid_language_tag(std::string_view tag);

// Product URL/image: "" or http(s) (see vouch/url.hpp).
inline bool valid_optional_url(std::string_view url) {
  return url.empty() || vouch::url::is_http_url(url);
}

}  // namespace vouch::detail
