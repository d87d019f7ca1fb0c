#pragma once
// What a Snapshot holds: the binary buffer (read in place), pointers to its
// sections, the product, and the indexes queries use. Private to the core.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "search_index.hpp"
#include "snapshot_layout.hpp"
#include "vouch/model.hpp"
#include "vouch/query.hpp"

namespace vouch::detail {

struct SnapshotData {
  SnapshotWords storage;  // 8-byte aligned backing store
  std::size_t byte_size = 0;
  Counts counts;
  std::array<const std::uint8_t*, kSectionCount> section{};
  Product product;

  // Precomputed at load: every sort order but Relevance (kept empty) and the
  // position of each review in Newest order (the common tie-breaker).
  std::array<std::vector<std::uint32_t>, kSortOrderCount> orders;
  std::vector<std::uint32_t> newest_rank;

  // The search index, built on the first text search instead of at load:
  // building it was ~75% of loading (bench/RESULTS.md) and most page views
  // never search. call_once keeps a Snapshot shared between server threads
  // safe; the index is a pure function of the immutable buffer.
  const SearchIndex& search_index() const;
  // One step of building it (SearchIndexBuilder::step): true once it is built.
  // search_index() finishes a build started here instead of starting over.
  bool search_index_step(std::uint32_t budget) const;

  const std::uint8_t* bytes() const {
    return reinterpret_cast<const std::uint8_t*>(storage.data());
  }

  std::string_view str(StrRef ref) const {
    return {reinterpret_cast<const char*>(section[kStringTable]) + ref.offset, ref.length};
  }
  StrRef ref_at(Section s, std::size_t i) const { return load<StrRef>(section[s] + 8 * i); }
  std::string_view review_string(std::size_t i, ReviewString f) const {
    return str(ref_at(kReviewStrings, i * kStringsPerReview + f));
  }
  std::uint32_t u32(Section s, std::size_t i) const {
    return load<std::uint32_t>(section[s] + 4 * i);
  }
  std::int64_t i64(Section s, std::size_t i) const {
    return load<std::int64_t>(section[s] + 8 * i);
  }
  std::uint8_t u8(Section s, std::size_t i) const { return section[s][i]; }

 private:
  // The index and the Han fold generation it was built with (han_fold.hpp):
  // a table installed later makes the next search rebuild it, so the index and
  // the query are always folded alike.
  mutable std::mutex search_mutex_;
  mutable bool search_built_ = false;
  mutable std::uint32_t search_generation_ = 0;
  mutable SearchIndex search_;
  mutable std::unique_ptr<SearchIndexBuilder> search_builder_;  // a build in steps
  mutable std::uint32_t builder_generation_ = 0;
};

// Builds the sort orders (snapshot_indexes.cpp); the search index waits for
// the first search (SnapshotData::search_index).
void build_indexes(SnapshotData& data);
// The same in kIndexParts parts, in order, each one or two passes over every
// review (a radix pass, a partition...; a stepped load costs each at about a
// sixth of checking every review). `scratch` carries the keys and buffers
// from one part to the next; the last part frees them.
struct IndexScratch {
  std::vector<std::uint64_t> key;     // the sort key of each review
  std::vector<std::uint32_t> buffer;  // a radix pass's output
  std::vector<std::uint32_t> count;   // a radix pass's digit counts
};
inline constexpr std::uint32_t kIndexParts = 16;
void build_index_part(SnapshotData& data, std::uint32_t part, IndexScratch& scratch);

// Adopts a buffer that holds a binary snapshot: validates it (unless
// `trusted`, for buffers this core just encoded) and builds the indexes.
// storage must be 8-byte aligned (it is: vector<uint64_t>).
struct AdoptResult {
  bool ok = true;
  std::string path;
  std::string message;
};
AdoptResult adopt_buffer(SnapshotData& data, bool trusted);

}  // namespace vouch::detail
