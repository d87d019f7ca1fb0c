#pragma once
// The invariants of a stored review: what every write path (a shopper's
// submission, an import row, an admin edit, anonymisation, a migration of old
// rows) must hold before a row is written, and what every reader (the snapshot
// builder and both snapshot loaders) relies on. One owner: the snapshot code
// calls these same functions, so a row that passes check_review always builds
// a snapshot, a summary and a fragment.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vouch/model.hpp"
#include "vouch/status.hpp"

namespace vouch {

// Years 0000..9999, the range the JSON text form can write.
inline constexpr std::int64_t kMinReviewTime = -62167219200;  // 0000-01-01T00:00:00Z
inline constexpr std::int64_t kMaxReviewTime = 253402300799;  // 9999-12-31T23:59:59Z
inline bool is_review_time(std::int64_t t) { return t >= kMinReviewTime && t <= kMaxReviewTime; }

// "" or a well-formed BCP 47 tag (RFC 5646 syntax, any case): subtags of 1..8
// ASCII letters or digits joined by '-', the first one letters only, at most
// 35 bytes in all. "en", "zh-Hant-TW", "es-419", "x-klingon".
bool is_language_tag(std::string_view tag);

// Input normalisation for a language tag: trims spaces, turns '_' into '-'
// ("en_US", as POSIX locales and some apps write it) and applies the RFC 5646
// case conventions (language lower case, script title case, region upper case):
// "en_us" -> "en-US", "ZH_HANT_tw" -> "zh-Hant-TW". nullopt when the result
// is not a well-formed tag; "" stays "".
std::optional<std::string> normalize_language_tag(std::string_view tag);

// Media/product URLs: "" or http(s) (see vouch/url.hpp).
bool is_optional_http_url(std::string_view url);

// The rules of one stored review; the first problem wins. Error.path names the
// field ("language", "media[1].url", "aspects[0].value"), Error.message says
// what it must be. Not checked here: the product it belongs to (the caller
// knows it) and uniqueness of ids across reviews.
std::optional<Error> check_review(const Review& review);

}  // namespace vouch
