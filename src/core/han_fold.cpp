// The Han fold table in force: the installed one, else the build's own.
#include "han_fold.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include "unicode_tables.hpp"
#include "vouch/text.hpp"

namespace vouch::text::detail {

namespace {

constexpr char kMagic[4] = {'V', 'H', 'F', '1'};

// Installed by set_han_fold(); replaces the builtin table. One per process (the
// wasm instance is single-threaded; a native process that installs a table
// does so before it searches from several threads).
std::unique_ptr<HanFoldTable>& installed() {
  static std::unique_ptr<HanFoldTable> table;
  return table;
}
std::uint32_t generation = 0;

Error bad(std::string path, std::string message) {
  return Error{std::move(path), std::move(message)};
}

}  // namespace

char32_t HanFoldTable::lookup(char32_t cp) const {
  if (cp < 0x3400 || cp > 0xFFFF) return cp;
  const auto it = std::lower_bound(from.begin(), from.end(), static_cast<std::uint16_t>(cp));
  return it != from.end() && *it == cp ? to[it - from.begin()] : cp;
}

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

Result<HanFoldTable> decode_han_fold_streams(const std::uint8_t* delta, std::size_t delta_size,
                                             const std::uint8_t* low, const std::uint8_t* high,
                                             std::size_t count) {
  if (count == 0 || count > kHanFoldMax)
    return bad("han_fold.count", "expected 1.." + std::to_string(kHanFoldMax) + " pairs, got " +
                                     std::to_string(count));
  HanFoldTable table;
  table.from.reserve(count);
  table.to.reserve(count);
  std::size_t pos = 0;
  std::uint32_t source = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string where = "han_fold.pairs[" + std::to_string(i) + "]";
    if (pos >= delta_size) return bad(where, "the deltas end early (file truncated)");
    std::uint32_t step = delta[pos++];
    if (step == 255) {
      if (pos + 2 > delta_size) return bad(where, "the deltas end early (file truncated)");
      step = delta[pos] | (std::uint32_t{delta[pos + 1]} << 8);
      pos += 2;
    }
    if (step == 0) return bad(where, "sources not strictly ascending (delta 0)");
    source += step;
    if (source > 0xFFFF) return bad(where, "source beyond U+FFFF (sources unsorted)");
    if (source < 0x3400) return bad(where, "source below U+3400 (not a Han character)");
    table.from.push_back(static_cast<std::uint16_t>(source));
  }
  if (pos != delta_size)
    return bad("han_fold.size", std::to_string(delta_size - pos) + " bytes left after the deltas");
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t diff = low[i] | (std::uint32_t{high[i]} << 8);
    table.to.push_back(static_cast<std::uint16_t>((table.from[i] + diff) & 0xFFFF));
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (table.to[i] == table.from[i] || table.lookup(table.to[i]) != table.to[i])
      return bad("han_fold.pairs[" + std::to_string(i) + "]",
                 "target is itself folded (the table must map to fixed points)");
  }
  return table;
}

Result<HanFoldTable> decode_han_fold(std::string_view bytes) {
  if (bytes.size() < 6 || !std::equal(kMagic, kMagic + 4, bytes.begin()))
    return bad("han_fold.magic", "expected a file that starts with \"VHF1\" (vouch-han-fold.bin)");
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data()) + 6;
  const std::size_t size = bytes.size() - 6;
  const std::size_t count = data[-2] | (std::size_t{data[-1]} << 8);
  if (count == 0 || count > kHanFoldMax)
    return bad("han_fold.count", "expected 1.." + std::to_string(kHanFoldMax) + " pairs, got " +
                                     std::to_string(count));
  const std::size_t deltas = delta_stream_size(data, size, count);
  if (deltas == 0 || size - deltas != 2 * count)
    return bad("han_fold.size", "expected the deltas and 2 x " + std::to_string(count) +
                                    " bytes of targets, got " + std::to_string(bytes.size()) +
                                    " bytes in all (truncated or padded)");
  return decode_han_fold_streams(data, deltas, data + deltas, data + deltas + count, count);
}

std::uint32_t han_fold_generation() { return generation; }

char32_t han_simplified(char32_t cp) {
  if (cp < 0x3400 || cp > 0xFFFF) return cp;
  const HanFoldTable* table = installed() ? installed().get() : builtin_han_fold();
  return table ? table->lookup(cp) : cp;
}

}  // namespace vouch::text::detail

namespace vouch::text {

Status set_han_fold(std::string_view bytes) {
  Result<detail::HanFoldTable> table = detail::decode_han_fold(bytes);
  if (!table.ok()) return table.error();  // the table in force stays
  detail::installed() = std::make_unique<detail::HanFoldTable>(std::move(table).value());
  ++detail::generation;
  return Ok{};
}

bool han_fold_available() { return detail::installed() || detail::builtin_han_fold(); }

}  // namespace vouch::text
