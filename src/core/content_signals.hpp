#pragma once
// Detectors behind the moderation flags (spam and abuse signals) and the
// links_not_allowed error. Internal to the core; each returns what it saw
// (for the flag's detail) or "" when the text is clean.

#include <string>
#include <string_view>
#include <vector>

#include "vouch/policy.hpp"

namespace vouch::detail {

std::string find_link(std::string_view text);           // "https://x.io", "www.x.com", "x.ru/a"
std::string find_email_address(std::string_view text);  // "a@b.com"
std::string find_phone_number(std::string_view text);   // "+1 (555) 010-9999": 9..15 digits
std::string find_repeated_character(std::string_view text, std::uint32_t run);  // "!" x run
std::string find_repeated_word(std::string_view text, std::uint32_t run);
// "82% of 60 letters" when at least min_letters cased letters and percent upper case.
std::string find_shouting(std::string_view text, std::uint32_t min_letters, std::uint32_t percent);

// The profanity entries of the policy's lists found in `text`, comma-separated
// (at most three): Latin entries match whole words, CJK entries as substrings.
std::string find_profanity(std::string_view text, const Policy& policy);

}  // namespace vouch::detail
