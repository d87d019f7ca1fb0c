// The rating summary. Integer arithmetic throughout, so the server and the
// widget print the same "4.3" and the same percentages.

#include "vouch/summary.hpp"

#include <algorithm>

#include "snapshot_data.hpp"

namespace vouch {

namespace {

// round_half_up(numerator / denominator) for non-negative values.
std::uint64_t round_half_up(std::uint64_t numerator, std::uint64_t denominator) {
  return (2 * numerator + denominator) / (2 * denominator);
}

}  // namespace

std::string format_tenths(std::uint32_t tenths) {
  std::string out = std::to_string(tenths / 10);
  out += '.';
  out += static_cast<char>('0' + tenths % 10);
  return out;
}

std::vector<std::uint32_t> largest_remainder_percentages(const std::vector<std::uint32_t>& counts) {
  std::vector<std::uint32_t> percent(counts.size(), 0);
  std::uint64_t total = 0;
  for (std::uint32_t c : counts) total += c;
  if (total == 0) return percent;
  std::vector<std::uint64_t> remainder(counts.size());
  std::uint64_t assigned = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const std::uint64_t scaled = std::uint64_t{counts[k]} * 100;
    percent[k] = static_cast<std::uint32_t>(scaled / total);
    assigned += percent[k];
    remainder[k] = scaled % total;
  }
  // The points left go one each to the largest remainders; equal remainders go
  // to the lower index. At most counts.size() - 1 points are left, and the
  // lists are short (5 star rows), so picking the largest each time is cheaper
  // than a sort (and keeps a std::sort instantiation out of the wasm).
  std::vector<bool> taken(counts.size(), false);
  for (; assigned < 100; ++assigned) {
    std::size_t best = counts.size();
    for (std::size_t k = 0; k < counts.size(); ++k) {
      if (!taken[k] && (best == counts.size() || remainder[k] > remainder[best])) best = k;
    }
    if (best == counts.size()) break;
    taken[best] = true;
    ++percent[best];
  }
  return percent;
}

Summary summarize(const Snapshot& snapshot) {
  const detail::SnapshotData& data = snapshot.data();
  const std::uint32_t n = data.counts.reviews;
  Summary s;
  s.count = n;
  std::uint64_t rating_sum = 0;
  std::vector<std::uint64_t> aspect_sum(snapshot.aspect_name_count(), 0);
  std::vector<std::uint32_t> aspect_count(snapshot.aspect_name_count(), 0);
  std::vector<std::uint32_t> topic_count(snapshot.topic_count(), 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint8_t rating = data.u8(detail::kRating, i);
    rating_sum += rating;
    ++s.histogram[rating - 1];
    const Recommends rec = snapshot.recommends(i);
    if (rec != Recommends::Unset) {
      ++s.recommend_answered;
      if (rec == Recommends::Yes) ++s.recommend_yes;
    }
    for (std::uint32_t a = data.u32(detail::kAspectStart, i);
         a < data.u32(detail::kAspectStart, i + 1); ++a) {
      const std::uint32_t id = data.u32(detail::kAspectNameId, a);
      aspect_sum[id] += data.u8(detail::kAspectValue, a);
      ++aspect_count[id];
    }
    for (std::uint32_t t = data.u32(detail::kTopicStart, i);
         t < data.u32(detail::kTopicStart, i + 1); ++t)
      ++topic_count[data.u32(detail::kTopicId, t)];
  }
  s.average_tenths = n == 0 ? 0 : static_cast<std::uint32_t>(round_half_up(rating_sum * 10, n));
  s.average_text = format_tenths(s.average_tenths);
  const auto percent = largest_remainder_percentages(
      std::vector<std::uint32_t>(s.histogram.begin(), s.histogram.end()));
  std::copy(percent.begin(), percent.end(), s.histogram_percent.begin());
  s.has_recommend = s.recommend_answered > 0;
  if (s.has_recommend)
    s.recommend_percent = static_cast<std::uint32_t>(
        round_half_up(std::uint64_t{s.recommend_yes} * 100, s.recommend_answered));
  for (std::size_t a = 0; a < aspect_sum.size(); ++a) {
    AspectAverage avg;
    avg.name = std::string(snapshot.aspect_name(a));
    avg.count = aspect_count[a];
    avg.average_tenths =
        aspect_count[a] == 0
            ? 0
            : static_cast<std::uint32_t>(round_half_up(aspect_sum[a] * 10, aspect_count[a]));
    avg.average_text = format_tenths(avg.average_tenths);
    s.aspects.push_back(std::move(avg));
  }
  for (std::size_t t = 0; t < topic_count.size(); ++t)
    s.topics.push_back(TopicCount{std::string(snapshot.topic_name(t)), topic_count[t]});
  return s;
}

}  // namespace vouch
