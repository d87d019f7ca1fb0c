#pragma once
// Writing JSON text without nlohmann's dump (smaller in wasm, and the output
// is canonical: members in the order we write them).

#include <cstdint>
#include <string>
#include <string_view>

namespace vouch::detail {

// Appends `text` (valid UTF-8) as a JSON string literal. Besides the required
// escapes, '<', '>', '&', U+2028 and U+2029 become \u escapes, so the output
// can sit inside an HTML <script> element ("</script>" cannot appear) and is
// valid JavaScript too.
void append_json_string(std::string& out, std::string_view text);

void append_int(std::string& out, std::int64_t value);

}  // namespace vouch::detail
