#pragma once
// UTF-8 primitives every part of the core shares: strict decoding (no overlongs,
// no surrogates, nothing above U+10FFFF), encoding, validation.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vouch::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point starting at `text[pos]` and advances `pos` past it.
// On malformed input returns kInvalid and advances by one byte, so a caller
// scanning text always makes progress.
char32_t decode(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` (must be a scalar value).
void append(std::string& out, char32_t cp);

// Byte offset of the first malformed sequence, or npos when `text` is valid UTF-8.
std::size_t first_invalid(std::string_view text);
inline bool is_valid(std::string_view text) {
  return first_invalid(text) == std::string_view::npos;
}

// Number of code points (of valid UTF-8).
std::size_t count_code_points(std::string_view text);

}  // namespace vouch::utf8
