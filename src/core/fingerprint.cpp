// Near-duplicate fingerprints: 3-token shingles over folded tokens, so case,
// spacing, punctuation and Unicode form do not make a copy look new.
#include <algorithm>

#include "text_fold.hpp"
#include "vouch/text.hpp"
#include "vouch/validate.hpp"

namespace vouch {

namespace {

constexpr std::size_t kShingle = 3;

std::uint32_t fnv1a(std::uint32_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

Fingerprint text_fingerprint(std::string_view utf8) {
  const std::vector<detail::WordUnit> tokens = detail::word_units(text::nfc(utf8));
  Fingerprint hashes;
  if (tokens.empty()) return hashes;
  const std::size_t width = std::min(kShingle, tokens.size());
  for (std::size_t i = 0; i + width <= tokens.size(); ++i) {
    std::uint32_t hash = 2166136261u;
    for (std::size_t k = 0; k < width; ++k) hash = fnv1a(fnv1a(hash, tokens[i + k].folded), "\x1F");
    hashes.push_back(hash);
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

std::uint32_t resemblance_percent(const Fingerprint& a, const Fingerprint& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  for (std::size_t i = 0, k = 0; i < a.size() && k < b.size();) {
    if (a[i] == b[k]) {
      ++common, ++i, ++k;
    } else if (a[i] < b[k]) {
      ++i;
    } else {
      ++k;
    }
  }
  const std::size_t all = a.size() + b.size() - common;
  return static_cast<std::uint32_t>(common * 100 / all);
}

}  // namespace vouch
