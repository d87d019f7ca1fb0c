#include "snapshot_rules.hpp"

namespace vouch::detail {

namespace {
bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}
}  // namespace

bool is_http_url(std::string_view url) {
  const std::size_t scheme = starts_with_ci(url, "https://")  ? 8
                             : starts_with_ci(url, "http://") ? 7
                                                              : 0;
  if (scheme == 0 || url.size() == scheme) return false;
  // No whitespace or control characters anywhere (they hide the real target).
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  }
  return true;
}

bool valid_language_tag(std::string_view tag) {
  if (tag.empty()) return true;
  if (tag.size() > 35) return false;
  const char first = tag[0];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
  for (char c : tag) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace vouch::detail
