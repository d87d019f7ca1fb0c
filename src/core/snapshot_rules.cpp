#include "snapshot_rules.hpp"

namespace vouch::detail {

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
