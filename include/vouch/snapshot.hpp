#pragma once
// A snapshot: the published reviews of one product, in a read-optimised layout.
//
// The data lives in ONE byte buffer that is exactly the binary encoding
// (docs/snapshot-format.md): columns of fixed-size keys (rating, times, flags,
// counts, string references) plus one UTF-8 string table. So
//   - building from reviews  = encode + adopt,
//   - loading binary         = one validation pass (bounds, offsets, UTF-8,
//                              counts, ranges) + adopt, then read in place,
//   - loading JSON           = strict parse + encode + adopt.
// After loading, the sort orders are precomputed and the search index is
// built on the first text search (see query.hpp), so queries only read.
//
// A Snapshot is immutable and cheap to copy (copies share the data), so the
// server may cache one per product and hand copies to request threads.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vouch/model.hpp"
#include "vouch/status.hpp"

namespace vouch {

namespace detail {
struct SnapshotData;  // buffer + product + indexes (src/core/snapshot_data.hpp)

// Value-initialisation (zeroing) skipped: resize() leaves new words as they
// are. A snapshot's buffer is written whole right after it is made, and
// zeroing 36 MB first (100k reviews) was a long task of its own in the widget.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
}  // namespace detail

// The 8-byte-aligned words a binary snapshot lives in (see adopt_binary).
using SnapshotWords = std::vector<std::uint64_t, detail::UninitializedAllocator<std::uint64_t>>;

// The binary format version this core writes and reads.
inline constexpr std::uint32_t kSnapshotBinaryVersion = 1;
// The JSON format version ("version" member of the top-level object).
inline constexpr std::uint32_t kSnapshotJsonVersion = 1;

class Snapshot {
 public:
  // An empty snapshot (no product id, no reviews).
  Snapshot();

  // Encodes `reviews` (in the given order; that order is the snapshot's index
  // order) for `product`. Validates everything the loaders validate: rating and
  // aspect values 1..5, unique non-empty review ids, http(s) media URLs, valid
  // UTF-8, each review's product_id empty or equal to product.id, no duplicate
  // topic or aspect name within one review. Errors name the place:
  // "reviews[3].rating: expected integer 1..5".
  static Result<Snapshot> build(const Product& product, const std::vector<Review>& reviews);

  // Strict JSON loader (format in docs/snapshot-format.md, schema in
  // docs/snapshot.schema.json). Unknown members are ignored; wrong types and
  // out-of-range values are rejected with a path. Malformed JSON is rejected
  // with path "" and a message starting "invalid JSON at byte N". Uses the SAX
  // parser (no nlohmann DOM), in every build.
  static Result<Snapshot> from_json(std::string_view json_bytes);

  // Binary loader: copies the bytes once into an aligned buffer, validates them
  // in one pass, then reads in place. Truncated, corrupt or hostile input gives
  // an error naming the part ("header.magic", "section[4]", "reviews[7].title",
  // ...); it never reads out of bounds.
  static Result<Snapshot> from_binary(const std::uint8_t* data, std::size_t size);
  static Result<Snapshot> from_binary(std::string_view bytes) {
    return from_binary(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  // The same without the copy: adopts `words`, whose first `size` bytes hold the
  // snapshot (the wasm shim writes fetched bytes straight into a buffer the
  // store reserved, so a 36 MB snapshot is not held twice while loading).
  static Result<Snapshot> adopt_binary(SnapshotWords words, std::size_t size);

  // Canonical encodings. to_json() always writes every member in a fixed order,
  // so JSON -> snapshot -> binary -> snapshot -> JSON gives identical text.
  std::string to_json() const;
  std::string to_binary() const;  // the adopted buffer itself, as bytes

  // Builds the search index now; otherwise the first text search builds it.
  // The widget calls this when a shopper reaches for the search box, so the
  // cost is paid while they type, not after. Idempotent and thread-safe.
  void prepare_search() const;
  // The same in steps of about `budget` reviews each (a page calls it between
  // frames, so no step blocks the page for long); true once the index is
  // built. Any sequence of budgets gives the same index; a text search (or
  // prepare_search) in between finishes the build. Thread-safe.
  bool prepare_search_step(std::uint32_t budget) const;

  std::size_t size() const;  // number of reviews
  bool empty() const { return size() == 0; }
  const Product& product() const;

  // One review materialised (the renderer uses it for the ~20 on a page).
  // product_id is filled with product().id. Precondition: i < size().
  Review review_at(std::size_t i) const;

  // ---- cheap column accessors (no allocation; precondition i < size()) ----
  std::string_view id(std::size_t i) const;
  std::uint8_t rating(std::size_t i) const;  // 1..5
  std::string_view title(std::size_t i) const;
  std::string_view body(std::size_t i) const;
  std::string_view author(std::size_t i) const;
  std::int64_t created(std::size_t i) const;  // Unix seconds, UTC
  std::int64_t updated(std::size_t i) const;
  std::string_view language(std::size_t i) const;
  Verification verification(std::size_t i) const;
  bool verified(std::size_t i) const { return verification(i) == Verification::VerifiedPurchase; }
  bool incentivized(std::size_t i) const;
  bool featured(std::size_t i) const;
  Recommends recommends(std::size_t i) const;
  std::string_view source(std::size_t i) const;
  std::uint32_t helpful_up(std::size_t i) const;
  std::uint32_t helpful_down(std::size_t i) const;
  std::string_view reply_text(std::size_t i) const;  // "" when no reply
  std::int64_t reply_time(std::size_t i) const;
  std::size_t media_count(std::size_t i) const;
  bool has_media(std::size_t i) const { return media_count(i) != 0; }

  // Topics and aspect names are interned per snapshot: ids 0..count-1, in
  // order of first appearance. npos when the name does not occur.
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t topic_count() const;
  std::string_view topic_name(std::size_t topic_id) const;
  std::size_t find_topic(std::string_view name) const;
  bool has_topic(std::size_t i, std::size_t topic_id) const;
  // Topic ids of review i (in the review's order).
  std::vector<std::uint32_t> topic_ids(std::size_t i) const;

  std::size_t aspect_name_count() const;
  std::string_view aspect_name(std::size_t aspect_id) const;
  std::size_t find_aspect(std::string_view name) const;
  // The review's value 1..5 for the aspect, 0 when it did not rate it.
  std::uint8_t aspect_value(std::size_t i, std::size_t aspect_id) const;

  // Internal: the data and precomputed indexes the query engine reads.
  const detail::SnapshotData& data() const { return *data_; }

 private:
  friend class SnapshotLoader;  // vouch/snapshot_loader.hpp
  explicit Snapshot(std::shared_ptr<const detail::SnapshotData> data);
  std::shared_ptr<const detail::SnapshotData> data_;
};

// ISO 8601 UTC timestamps as the JSON format writes them: "2026-11-23T10:15:00Z".
std::string format_utc(std::int64_t unix_seconds);
// Parses exactly "YYYY-MM-DDTHH:MM:SSZ" (years 0000..9999); false otherwise.
bool parse_utc(std::string_view text, std::int64_t& unix_seconds);

}  // namespace vouch
