// What loading precomputes so queries only read: every sort order except
// relevance and each review's rank in newest order. The search index is built
// on the first search (SnapshotData::search_index, at the end of this file).
// Two radix sorts (newest, most helpful); the rest are linear passes over the
// newest order, which keeps loading 100,000 reviews cheap. The work is cut into
// kIndexParts parts of one or two passes over the reviews, so a load in steps
// (SnapshotLoader) never holds the page for long.

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

// One pass of a stable LSD radix sort of `order` by key descending, on the 16
// bits at `shift`; a pass whose digit is the same for every key moves nothing
// and is skipped (the top bits of times and scores usually are). Stable, so
// ties keep `order`'s order; four passes (shift 0, 16, 32, 48) sort by the
// whole key. Linear: at 100k reviews a comparison sort of the same keys was a
// 30-80 ms task in wasm, and each pass is its own part of the load (issue 19:
// the load runs in slices of ~12 ms; one call doing all passes was a step of
// 17-23 ms in wasm under Node at 100k reviews).
void radix_pass_descending(std::vector<std::uint32_t>& order, IndexScratch& scratch,
                           unsigned shift) {
  const std::vector<std::uint64_t>& key = scratch.key;
  std::vector<std::uint32_t>& count = scratch.count;
  count.assign(65537, 0);
  for (std::uint32_t i : order) ++count[((~key[i] >> shift) & 0xFFFF) + 1];
  if (std::any_of(count.begin() + 1, count.end(),
                  [&](std::uint32_t c) { return c == order.size(); }))
    return;  // one digit for all: this pass would not move anything
  for (std::size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
  scratch.buffer.resize(order.size());
  for (std::uint32_t i : order) scratch.buffer[count[(~key[i] >> shift) & 0xFFFF]++] = i;
  order.swap(scratch.buffer);
}

std::vector<std::uint32_t>& order_of(SnapshotData& data, SortOrder s) {
  return data.orders[static_cast<std::size_t>(s)];
}

// Newest: created descending, index ascending (the identity order the radix
// passes keep for ties). The keys: times offset to unsigned, order kept (they
// are within years 0000..9999: the loader checks).
void start_newest(SnapshotData& data, IndexScratch& scratch) {
  const std::uint32_t n = data.counts.reviews;
  std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
  newest.resize(n);
  scratch.key.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    newest[i] = i;
    scratch.key[i] = static_cast<std::uint64_t>(data.i64(kCreated, i)) ^ (std::uint64_t{1} << 63);
  }
}

// Each review's rank in newest order (the common tie-breaker).
void rank_newest(SnapshotData& data) {
  const std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
  data.newest_rank.resize(newest.size());
  for (std::uint32_t k = 0; k < newest.size(); ++k) data.newest_rank[newest[k]] = k;
}

// Oldest: created ascending, index ascending = newest reversed, with each run
// of equal times flipped back to index order.
void build_oldest(SnapshotData& data) {
  const std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
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
}

// Highest / lowest: buckets by rating over newest order (stable).
void build_by_rating(SnapshotData& data) {
  const std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
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

// A stable partition of newest: the reviews `first` picks, then the others.
template <class Predicate>
void build_partition(SnapshotData& data, SortOrder s, Predicate first) {
  const std::vector<std::uint32_t>& newest = order_of(data, SortOrder::Newest);
  std::vector<std::uint32_t>& out = order_of(data, s);
  out.clear();
  out.reserve(newest.size());
  for (std::uint32_t i : newest)
    if (first(i)) out.push_back(i);
  for (std::uint32_t i : newest)
    if (!first(i)) out.push_back(i);
}

// Most helpful: Wilson lower bound descending, then newest (the radix passes
// are stable, so ties stay in newest order). A score in [0, 1): as a
// non-negative double its bits order as its values.
void start_most_helpful(SnapshotData& data, IndexScratch& scratch) {
  const std::uint32_t n = data.counts.reviews;
  scratch.key.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const double score = wilson_lower_bound(data.u32(kHelpfulUp, i), data.u32(kHelpfulDown, i));
    std::memcpy(&scratch.key[i], &score, sizeof score);
  }
  order_of(data, SortOrder::MostHelpful) = order_of(data, SortOrder::Newest);
}

// The parts, in order; each is one pass (or two) over every review.
enum Part : std::uint32_t {
  kNewestKeys = 0,
  kNewestPass0,  // .. kNewestPass0 + 3: the four radix passes
  kNewestRank = kNewestPass0 + 4,
  kOldest,
  kByRating,
  kMediaFirst,
  kFeaturedFirst,
  kHelpfulKeys,
  kHelpfulPass0,  // .. kHelpfulPass0 + 3
  kFinish = kHelpfulPass0 + 4,
};
static_assert(kFinish + 1 == kIndexParts, "kIndexParts counts the parts");

}  // namespace

void build_index_part(SnapshotData& data, std::uint32_t part, IndexScratch& scratch) {
  if (part >= kNewestPass0 && part < kNewestPass0 + 4) {
    radix_pass_descending(order_of(data, SortOrder::Newest), scratch, 16 * (part - kNewestPass0));
    return;
  }
  if (part >= kHelpfulPass0 && part < kHelpfulPass0 + 4) {
    radix_pass_descending(order_of(data, SortOrder::MostHelpful), scratch,
                          16 * (part - kHelpfulPass0));
    return;
  }
  switch (part) {
    case kNewestKeys:
      start_newest(data, scratch);
      break;
    case kNewestRank:
      rank_newest(data);
      break;
    case kOldest:
      build_oldest(data);
      break;
    case kByRating:
      build_by_rating(data);
      break;
    case kMediaFirst:
      build_partition(data, SortOrder::MediaFirst, [&](std::uint32_t i) {
        return data.u32(kMediaStart, i + 1) != data.u32(kMediaStart, i);
      });
      break;
    case kFeaturedFirst:
      build_partition(data, SortOrder::FeaturedFirst,
                      [&](std::uint32_t i) { return (data.u8(kFlags, i) & kFlagFeatured) != 0; });
      break;
    case kHelpfulKeys:
      start_most_helpful(data, scratch);
      break;
    case kFinish:
      order_of(data, SortOrder::Relevance).clear();  // computed per search
      scratch = IndexScratch{};                      // the keys and buffers are no longer needed
      break;
    default:
      break;
  }
}

void build_indexes(SnapshotData& data) {
  IndexScratch scratch;
  for (std::uint32_t part = 0; part < kIndexParts; ++part) build_index_part(data, part, scratch);
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
