#pragma once
// A set of string_views whose text lives elsewhere (the snapshot's string
// table), for the binary loader's duplicate checks: open addressing, FNV-1a,
// linear probing, grows at half full. No allocation per entry, unlike
// std::unordered_set (100k review ids were 100k mallocs), and far less code
// in the wasm. Private to the core.

#include <cstdint>
#include <string_view>
#include <vector>

namespace vouch::detail {

// FNV-1a, 32 bits: the hash of the core's open-addressing tables (this set and
// the search index's term table).
inline std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (char c : text) h = (h ^ static_cast<std::uint8_t>(c)) * 16777619u;
  return h;
}

class StringViewSet {
 public:
  explicit StringViewSet(std::size_t expected) {
    std::size_t size = 16;
    while (size < 2 * expected && size < (std::size_t{1} << 24))
      size *= 2;  // grows later if needed
    slots_.assign(size, 0);
  }

  // Adds `text`; false when it was already there.
  bool insert(std::string_view text) {
    const std::uint32_t h = fnv1a(text);
    for (std::size_t s = home(h);; s = (s + 1) & (slots_.size() - 1)) {
      const std::uint32_t slot = slots_[s];
      if (slot == 0) break;
      if (hashes_[slot - 1] == h && items_[slot - 1] == text) return false;
    }
    items_.push_back(text);
    hashes_.push_back(h);
    if (2 * items_.size() > slots_.size()) {
      slots_.assign(slots_.size() * 2, 0);  // re-place every item, the new one included
      for (std::uint32_t k = 0; k < items_.size(); ++k) place(k);
    } else {
      place(static_cast<std::uint32_t>(items_.size() - 1));
    }
    return true;
  }

 private:
  // The slot a hash starts probing at: FNV-1a's low bits are poorly spread for
  // ids that differ in their last characters ("r10233", "r10234"), and linear
  // probing from them ran into long clusters (the last fifth of 100k review ids
  // took longer than the first four); a multiplicative mix spreads them.
  std::size_t home(std::uint32_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B1u) >> 7) & (slots_.size() - 1);
  }

  void place(std::uint32_t k) {
    std::size_t s = home(hashes_[k]);
    while (slots_[s] != 0) s = (s + 1) & (slots_.size() - 1);
    slots_[s] = k + 1;
  }

  std::vector<std::uint32_t> slots_;  // 0 = empty, else item index + 1
  std::vector<std::string_view> items_;
  std::vector<std::uint32_t> hashes_;
};

}  // namespace vouch::detail
