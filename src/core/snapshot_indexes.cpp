// What loading precomputes so queries only read: every sort order except
// relevance and each review's rank in newest order. The search index is built
// on the first search (SnapshotData::search_index, at the end of this file).
// Two radix sorts (newest, most helpful); the rest are linear passes over the
// newest order, which keeps loading 100,000 reviews cheap.

#include <algorithm>
#include <cmath>
#include <cstring>

#include "han_fold.hpp"
#include "snapshot_data.hpp"
#include "vouch/snapshot.hpp"

namespace vouch {

double wilson_lower_bound(std::uint32_t up, std::uint32_t down) {
  // No helpful vote: the bound is 0 exactly (the formula's rounding would give
  // each count of unhelpful votes its own tiny, meaningless score).
  if (up == 0) return 0.0;
  const double n = static_cast<double>(up) + static_cast<double>(down);
  constexpr double z = 1.96;
  const double p = static_cast<double>(up) / n;
  const double z2 = z * z;
  return (p + z2 / (2 * n) - z * std::sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

}  // namespace vouch

namespace vouch::detail {

namespace {

// Stable LSD radix sort of `order` by key descending, 16 bits per pass; a
// pass whose digit is the same for every key is skipped (the top bits of
// times and scores usually are). Stable, so ties keep `order`'s order. Linear:
// at 100k reviews each pass is a few ms in wasm, where a comparison sort of
// the same keys was a 30-80 ms task (issue 19: the load runs in slices of ~12 ms).
void radix_sort_descending(std::vector<std::uint32_t>& order,
                           const std::vector<std::uint64_t>& key) {
  std::vector<std::uint32_t> buffer(order.size());
  std::vector<std::uint32_t> count(65537);
  for (unsigned shift = 0; shift < 64; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    for (std::uint32_t i : order) ++count[((~key[i] >> shift) & 0xFFFF) + 1];
    if (std::any_of(count.begin() + 1, count.end(),
                    [&](std::uint32_t c) { return c == order.size(); }))
      continue;  // one digit for all: this pass would not move anything
    for (std::size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
    for (std::uint32_t i : order) buffer[count[(~key[i] >> shift) & 0xFFFF]++] = i;
    order.swap(buffer);
  }
}

}  // namespace

namespace {

std::vector<std::uint32_t>& order_of(SnapshotData& data, SortOrder s) {
  return data.orders[static_cast<std::size_t>(s)];
}

// Part 0. Newest: created descending, index ascending; each review's rank in it.
void build_newest(SnapshotData& data) {
  const std::uint32_t n = data.counts.reviews;
  std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
  newest.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) newest[i] = i;
  {
    // Offset to unsigned, order kept (times are within years 0000..9999: the loader checks).
    std::vector<std::uint64_t> created(n);
    for (std::uint32_t i = 0; i < n; ++i)
      created[i] = static_cast<std::uint64_t>(data.i64(kCreated, i)) ^ (std::uint64_t{1} << 63);
    radix_sort_descending(newest, created);  // ties: index ascending (the identity order)
  }
  data.newest_rank.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) data.newest_rank[newest[k]] = k;
}

// Part 1. Oldest, highest and lowest: linear passes over newest.
void build_linear_orders(SnapshotData& data) {
  const std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
  // Oldest: created ascending, index ascending = newest reversed, with each run
  // of equal times flipped back to index order.
  std::vector<std::uint32_t>& oldest = order_of(data, SortOrder::Oldest);
  oldest.assign(newest.rbegin(), newest.rend());
  for (std::size_t k = 0; k < oldest.size();) {
    std::size_t end = k + 1;
    while (end < oldest.size() && data.i64(kCreated, oldest[end]) == data.i64(kCreated, oldest[k]))
      ++end;
    std::reverse(oldest.begin() + static_cast<std::ptrdiff_t>(k),
                 oldest.begin() + static_cast<std::ptrdiff_t>(end));
    k = end;
  }

  // Highest / lowest: buckets by rating over newest order (stable).
  std::array<std::vector<std::uint32_t>, 5> by_rating;
  for (std::uint32_t i : newest) by_rating[data.u8(kRating, i) - 1].push_back(i);
  std::vector<std::uint32_t>& highest = order_of(data, SortOrder::Highest);
  std::vector<std::uint32_t>& lowest = order_of(data, SortOrder::Lowest);
  highest.clear();
  lowest.clear();
  for (int r = 4; r >= 0; --r)
    highest.insert(highest.end(), by_rating[r].begin(), by_rating[r].end());
  for (int r = 0; r < 5; ++r) lowest.insert(lowest.end(), by_rating[r].begin(), by_rating[r].end());
}

// Part 2. Media first / featured first: stable partitions of newest.
void build_partitions(SnapshotData& data) {
  const std::uint32_t n = data.counts.reviews;
  const std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
  auto partition = [&](SortOrder s, auto predicate) {
    std::vector<std::uint32_t>& out = order_of(data, s);
    out.clear();
    out.reserve(n);
    for (std::uint32_t i : newest)
      if (predicate(i)) out.push_back(i);
    for (std::uint32_t i : newest)
      if (!predicate(i)) out.push_back(i);
  };
  partition(SortOrder::MediaFirst, [&](std::uint32_t i) {
    return data.u32(kMediaStart, i + 1) != data.u32(kMediaStart, i);
  });
  partition(SortOrder::FeaturedFirst,
            [&](std::uint32_t i) { return (data.u8(kFlags, i) & kFlagFeatured) != 0; });
}

// Part 3. Most helpful: Wilson lower bound descending, then newest.
void build_most_helpful(SnapshotData& data) {
  const std::uint32_t n = data.counts.reviews;
  // A score in [0, 1): as a non-negative double its bits order as its values.
  std::vector<std::uint64_t> wilson(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const double score = wilson_lower_bound(data.u32(kHelpfulUp, i), data.u32(kHelpfulDown, i));
    std::memcpy(&wilson[i], &score, sizeof score);
  }
  std::vector<std::uint32_t>& helpful = order_of(data, SortOrder::MostHelpful);
  helpful = order_of(data, SortOrder::Newest);
  radix_sort_descending(helpful, wilson);        // stable: ties stay in newest order
  order_of(data, SortOrder::Relevance).clear();  // computed per search
}

}  // namespace

void build_index_part(SnapshotData& data, std::uint32_t part) {
  if (part == 0) build_newest(data);
  if (part == 1) build_linear_orders(data);
  if (part == 2) build_partitions(data);
  if (part == 3) build_most_helpful(data);
}

void build_indexes(SnapshotData& data) {
  for (std::uint32_t part = 0; part < kIndexParts; ++part) build_index_part(data, part);
}

const SearchIndex& SnapshotData::search_index() const {
  const std::uint32_t generation = text::detail::han_fold_generation();
  std::lock_guard<std::mutex> lock(search_mutex_);
  if (!search_built_ || search_generation_ != generation) {
    if (search_builder_ && builder_generation_ == generation) {
      while (!search_builder_->step(0xFFFFFFFFu)) {
      }
      search_ = search_builder_->take();
    } else {
      search_ = SearchIndex{};
      build_search_index(*this, search_);
    }
    search_builder_.reset();
    search_built_ = true;
    search_generation_ = generation;
  }
  return search_;
}

bool SnapshotData::search_index_step(std::uint32_t budget) const {
  const std::uint32_t generation = text::detail::han_fold_generation();
  std::lock_guard<std::mutex> lock(search_mutex_);
  if (search_built_ && search_generation_ == generation) return true;
  // A fold table installed since the build started: its terms are stale.
  if (!search_builder_ || builder_generation_ != generation) {
    search_builder_ = std::make_unique<SearchIndexBuilder>(*this);
    builder_generation_ = generation;
  }
  if (!search_builder_->step(budget)) return false;
  search_ = search_builder_->take();
  search_builder_.reset();
  search_built_ = true;
  search_generation_ = generation;
  return true;
}

}  // namespace vouch::detail

namespace vouch {

void Snapshot::prepare_search() const { data_->search_index(); }

bool Snapshot::prepare_search_step(std::uint32_t budget) const {
  return data_->search_index_step(budget);
}

}  // namespace vouch
