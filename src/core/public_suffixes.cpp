// Lookup in the generated top-level domain list (public_suffixes.hpp).
#include "public_suffixes.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace vouch::detail {

bool is_top_level_domain(std::string_view label) {
  // The labels as views into the generated string, split once.
  static const std::vector<std::string_view> labels = [] {
    std::vector<std::string_view> out;
    std::string_view rest(kTopLevelDomains);
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      out.push_back(rest.substr(0, end));
      rest.remove_prefix(end + 1);
    }
    return out;
  }();
  std::string lower(label);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return std::binary_search(labels.begin(), labels.end(), std::string_view(lower));
}

}  // namespace vouch::detail
