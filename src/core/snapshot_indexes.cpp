// What loading precomputes so queries only read: every sort order except
// relevance and each review's rank in newest order. The search index is built
// on the first search (SnapshotData::search_index, at the end of this file).
// Two comparison sorts (newest, most helpful); the rest are linear passes
// over the newest order, which keeps loading 100,000 reviews cheap.

#include <algorithm>
#include <cmath>

#include "han_fold.hpp"
#include "snapshot_data.hpp"
#include "vouch/snapshot.hpp"

namespace vouch {

double wilson_lower_bound(std::uint32_t up, std::uint32_t down) {
  const double n = static_cast<double>(up) + static_cast<double>(down);
  if (n == 0) return 0.0;
  constexpr double z = 1.96;
  const double p = static_cast<double>(up) / n;
  const double z2 = z * z;
  return (p + z2 / (2 * n) - z * std::sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

}  // namespace vouch

namespace vouch::detail {

namespace {

// Review indices by key descending, then by tie ascending (by index when tie is
// null). Both comparison sorts of the loader use it, so the wasm holds one
// std::sort instantiation instead of two sorts and a stable sort.
struct KeyDescending {
  const std::vector<double>& key;
  const std::vector<std::uint32_t>* tie;
  bool operator()(std::uint32_t a, std::uint32_t b) const {
    if (key[a] != key[b]) return key[a] > key[b];
    return tie ? (*tie)[a] < (*tie)[b] : a < b;
  }
};

}  // namespace

void build_indexes(SnapshotData& data) {
  const std::uint32_t n = data.counts.reviews;
  auto& orders = data.orders;
  auto order = [&](SortOrder s) -> std::vector<std::uint32_t>& {
    return orders[static_cast<std::size_t>(s)];
  };

  // Newest: created descending, index ascending.
  std::vector<std::uint32_t>& newest = order(SortOrder::Newest);
  newest.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) newest[i] = i;
  {
    // Times are within years 0000..9999 (the loader checks), exact as doubles.
    std::vector<double> created(n);
    for (std::uint32_t i = 0; i < n; ++i) created[i] = static_cast<double>(data.i64(kCreated, i));
    std::sort(newest.begin(), newest.end(), KeyDescending{created, nullptr});
  }
  data.newest_rank.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) data.newest_rank[newest[k]] = k;

  // Oldest: created ascending, index ascending = newest reversed, with each run
  // of equal times flipped back to index order.
  std::vector<std::uint32_t>& oldest = order(SortOrder::Oldest);
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
  std::vector<std::uint32_t>& highest = order(SortOrder::Highest);
  std::vector<std::uint32_t>& lowest = order(SortOrder::Lowest);
  highest.clear();
  lowest.clear();
  for (int r = 4; r >= 0; --r)
    highest.insert(highest.end(), by_rating[r].begin(), by_rating[r].end());
  for (int r = 0; r < 5; ++r) lowest.insert(lowest.end(), by_rating[r].begin(), by_rating[r].end());

  // Media first / featured first: stable partitions of newest.
  auto partition = [&](SortOrder s, auto predicate) {
    std::vector<std::uint32_t>& out = order(s);
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

  // Most helpful: Wilson lower bound descending, then newest. The tie-break on
  // the newest rank makes a plain sort give what a stable sort of the newest
  // order gives, with one sort routine fewer in the wasm.
  std::vector<double> wilson(n);
  for (std::uint32_t i = 0; i < n; ++i)
    wilson[i] = wilson_lower_bound(data.u32(kHelpfulUp, i), data.u32(kHelpfulDown, i));
  std::vector<std::uint32_t>& helpful = order(SortOrder::MostHelpful);
  helpful = newest;
  std::sort(helpful.begin(), helpful.end(), KeyDescending{wilson, &data.newest_rank});

  order(SortOrder::Relevance).clear();  // computed per search
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
