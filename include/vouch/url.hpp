#pragma once
// The one http(s) URL check of the core, the renderer and the server, so a URL
// one of them accepts is never refused (or worse, linked) by another.

#include <cstddef>
#include <string_view>

namespace vouch::url {

// ASCII case-insensitive prefix test; `lower_prefix` must be lowercase.
inline bool starts_with_ci(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_prefix[i]) return false;
  }
  return true;
}

// Length of a leading "http://" or "https://" (any case); 0 for every other
// scheme (javascript:, data:, //host, ...).
inline std::size_t http_scheme_length(std::string_view url) {
  if (starts_with_ci(url, "https://")) return 8;
  if (starts_with_ci(url, "http://")) return 7;
  return 0;
}

// http(s)://, something after the scheme, and no whitespace or control byte
// anywhere (they hide the real target). Does not check UTF-8.
inline bool is_http_url(std::string_view url) {
  const std::size_t scheme = http_scheme_length(url);
  if (scheme == 0 || url.size() == scheme) return false;
  for (char c : url) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;
  }
  return true;
}

}  // namespace vouch::url
