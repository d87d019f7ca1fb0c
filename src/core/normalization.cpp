// Unicode normalisation forms D and C (UAX #15) over the generated tables:
// full canonical decomposition, canonical ordering, canonical composition with
// Full_Composition_Exclusion, and the algorithmic Hangul syllables.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "unicode_tables.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::text {

namespace {

using detail::combining_class;

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

const std::uint32_t* find_decomposition(char32_t cp) {
  std::size_t lo = 0, hi = detail::kDecompositionCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const char32_t key = detail::kDecompositions[mid * 3] & 0x7FFFFFFF;
    if (key == cp) return &detail::kDecompositions[mid * 3];
    if (key < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return nullptr;
}

void decompose(char32_t cp, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out += kLBase + s / kNCount;
    out += kVBase + (s % kNCount) / kTCount;
    if (s % kTCount) out += kTBase + s % kTCount;
    return;
  }
  const std::uint32_t* row = cp >= 0xC0 ? find_decomposition(cp) : nullptr;
  if (!row) {
    out += cp;
    return;
  }
  decompose(row[1], out);  // depth is bounded by the data (at most 4)
  if (row[2]) decompose(row[2], out);
}

// Canonical ordering: a stable sort of every run of non-starters by class.
void reorder(std::u32string& text) {
  for (std::size_t i = 0; i < text.size();) {
    if (combining_class(text[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && combining_class(text[end]) != 0) ++end;
    std::stable_sort(text.begin() + i, text.begin() + end, [](char32_t a, char32_t b) {
      return combining_class(a) < combining_class(b);
    });
    i = end;
  }
}

std::u32string decompose_all(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = utf8::decode(utf8, pos);
    decompose(cp == utf8::kInvalid ? U'\uFFFD' : cp, out);
  }
  reorder(out);
  return out;
}

// (first << 21 | second) -> composite, for every primary composite.
struct Composition {
  std::uint64_t pair;
  char32_t composite;
  bool operator<(const Composition& other) const { return pair < other.pair; }
};

const std::vector<Composition>& compositions() {
  static const std::vector<Composition> table = [] {
    std::vector<Composition> rows;
    for (std::size_t i = 0; i < detail::kDecompositionCount; ++i) {
      const std::uint32_t* row = &detail::kDecompositions[i * 3];
      if ((row[0] & 0x80000000u) || row[2] == 0) continue;  // excluded or singleton
      rows.push_back({(std::uint64_t{row[1]} << 21) | row[2], row[0]});
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  }();
  return table;
}

char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
      second > kTBase && second < kTBase + kTCount)
    return first + (second - kTBase);
  const auto& table = compositions();
  const Composition key{(std::uint64_t{first} << 21) | second, 0};
  const auto it = std::lower_bound(table.begin(), table.end(), key);
  return it != table.end() && it->pair == key.pair ? it->composite : 0;
}

std::string encode(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) utf8::append(out, cp);
  return out;
}

// Code points below U+0300 are all starters that are already NFC and never
// combine with what precedes them: their lead bytes are < 0xCC.
bool trivially_nfc(std::string_view utf8) {
  return std::all_of(utf8.begin(), utf8.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0xCC; });
}

}  // namespace

std::string nfd(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(utf8);
  return encode(decompose_all(utf8));
}

std::string nfc(std::string_view utf8) {
  if (trivially_nfc(utf8) && utf8::is_valid(utf8)) return std::string(utf8);
  std::u32string text = decompose_all(utf8);
  std::u32string out;
  out.reserve(text.size());
  std::size_t starter = std::u32string::npos;
  int last_class = -1;  // class of the last char after the starter; -1: none yet
  for (char32_t cp : text) {
    const int cls = combining_class(cp);
    const bool blocked = last_class != -1 && (last_class == 0 || last_class >= cls);
    if (starter != std::u32string::npos && !blocked) {
      if (const char32_t composite = compose_pair(out[starter], cp)) {
        out[starter] = composite;
        continue;
      }
    }
    out += cp;
    if (cls == 0) {
      starter = out.size() - 1;
      last_class = -1;
    } else {
      last_class = cls;
    }
  }
  return encode(out);
}

}  // namespace vouch::text
