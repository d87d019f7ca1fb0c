// The Han fold table in force: the installed one, else the build's own.
#include "han_fold.hpp"

#include <algorithm>
#include <string>

#include "unicode_tables.hpp"
#include "vouch/text.hpp"

namespace vouch::text::detail {

namespace {

constexpr char kMagic[4] = {'V', 'H', 'F', '1'};

// The installed table replaces the builtin one. One per process (the wasm
// instance is single-threaded; a native process that installs a table does so
// before it searches from several threads). Decoded into `staging` first, so
// a refused file leaves the table in force as it was.
HanFoldTable staging;
HanFoldTable installed;
bool has_installed = false;
std::uint32_t generation = 0;

bool bad(Error& error, std::string path, std::string message) {
  error = Error{std::move(path), std::move(message)};
  return false;
}

std::string pair_path(std::size_t i) { return "han_fold.pairs[" + std::to_string(i) + "]"; }

// The length of the delta stream of `count` pairs at `bytes`, or 0 when it runs
// past `size`.
std::size_t delta_stream_size(const std::uint8_t* bytes, std::size_t size, std::size_t count) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (pos >= size) return 0;
    pos += bytes[pos] == 255 ? 3 : 1;
  }
  return pos <= size ? pos : 0;
}

bool check_count(std::size_t count, Error& error) {
  if (count != 0 && count <= kHanFoldMax) return true;
  return bad(error, "han_fold.count",
             "expected 1.." + std::to_string(kHanFoldMax) + " pairs, got " + std::to_string(count));
}

}  // namespace

char32_t HanFoldTable::lookup(char32_t cp) const {
  if (cp < 0x3400 || cp > 0xFFFF) return cp;
  const std::uint16_t* end = from + count;
  const std::uint16_t* it = std::lower_bound(from, end, static_cast<std::uint16_t>(cp));
  return it != end && *it == cp ? to[it - from] : cp;
}

bool decode_han_fold_streams(const std::uint8_t* delta, std::size_t delta_size,
                             const std::uint8_t* low, const std::uint8_t* high, std::size_t count,
                             HanFoldTable& out, Error& error) {
  out.count = 0;
  if (!check_count(count, error)) return false;
  std::size_t pos = 0;
  std::uint32_t source = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (pos >= delta_size) return bad(error, pair_path(i), "the deltas end early (file truncated)");
    std::uint32_t step = delta[pos++];
    if (step == 255) {
      if (pos + 2 > delta_size)
        return bad(error, pair_path(i), "the deltas end early (file truncated)");
      step = delta[pos] | (std::uint32_t{delta[pos + 1]} << 8);
      pos += 2;
    }
    if (step == 0) return bad(error, pair_path(i), "sources not strictly ascending (delta 0)");
    source += step;
    if (source > 0xFFFF) return bad(error, pair_path(i), "source beyond U+FFFF (sources unsorted)");
    if (source < 0x3400) return bad(error, pair_path(i), "source below U+3400 (not Han)");
    out.from[i] = static_cast<std::uint16_t>(source);
    out.to[i] =
        static_cast<std::uint16_t>((source + (low[i] | (std::uint32_t{high[i]} << 8))) & 0xFFFF);
  }
  if (pos != delta_size)
    return bad(error, "han_fold.size",
               std::to_string(delta_size - pos) + " bytes after the deltas");
  out.count = count;
  for (std::size_t i = 0; i < count; ++i) {
    if (out.to[i] == out.from[i] || out.lookup(out.to[i]) != out.to[i]) {
      out.count = 0;
      return bad(error, pair_path(i), "target is itself folded (targets must be fixed points)");
    }
  }
  return true;
}

bool decode_han_fold(std::string_view bytes, HanFoldTable& out, Error& error) {
  out.count = 0;
  if (bytes.size() < 6 || !std::equal(kMagic, kMagic + 4, bytes.begin()))
    return bad(error, "han_fold.magic",
               "expected a file that starts with \"VHF1\" (vouch-han-fold.bin)");
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data()) + 6;
  const std::size_t size = bytes.size() - 6;
  const std::size_t count = data[-2] | (std::size_t{data[-1]} << 8);
  if (!check_count(count, error)) return false;
  const std::size_t deltas = delta_stream_size(data, size, count);
  if (deltas == 0 || size - deltas != 2 * count)
    return bad(error, "han_fold.size",
               "expected the deltas and 2 x " + std::to_string(count) + " bytes of targets, got " +
                   std::to_string(bytes.size()) + " bytes in all (truncated or padded)");
  return decode_han_fold_streams(data, deltas, data + deltas, data + deltas + count, count, out,
                                 error);
}

std::uint32_t han_fold_generation() { return generation; }

char32_t han_simplified(char32_t cp) {
  if (cp < 0x3400 || cp > 0xFFFF) return cp;
  const HanFoldTable* table = has_installed ? &installed : builtin_han_fold();
  return table ? table->lookup(cp) : cp;
}

}  // namespace vouch::text::detail

namespace vouch::text {

Status set_han_fold(std::string_view bytes) {
  Error error;
  if (!detail::decode_han_fold(bytes, detail::staging, error))
    return error;  // the table in force stays
  detail::installed = detail::staging;
  detail::has_installed = true;
  ++detail::generation;
  return Ok{};
}

bool han_fold_available() { return detail::has_installed || detail::builtin_han_fold(); }

}  // namespace vouch::text
