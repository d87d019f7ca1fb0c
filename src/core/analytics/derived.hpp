#pragma once
// What analytics derives from one review once, so that an answer over 100k
// reviews is an aggregation rather than 100k foldings (issue 16, incremental
// cache): the folded text and the review's phrase candidates (word and
// character n-grams), interned as small integers, and its tags deduplicated.
// compute() derives a temporary set; Corpus keeps one per review id and
// re-derives a review only when it changes. Internal to the analytics core.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "vouch/analytics.hpp"

namespace vouch::analytics::detail {

// Candidate keys <kind byte><unit>\x1f<unit>... ('w' words, 'c' characters),
// interned: the same key is the same id for every review of one dictionary.
// Ids are never reused (a dictionary only grows; Corpus::clear starts afresh).
class PhraseKeys {
 public:
  std::uint32_t intern(const std::string& key);
  const std::string& key(std::uint32_t id) const { return keys_[id]; }
  // The id of `key`, or npos when no review ever had it.
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;
  std::uint32_t find(const std::string& key) const;
  std::size_t size() const { return keys_.size(); }
  // Product ids interned the same way (aggregation groups by a small integer).
  std::uint32_t intern_product(const std::string& id);
  std::size_t products() const { return products_.size(); }
  std::size_t memory_bytes() const;

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> keys_;
  std::unordered_map<std::string, std::uint32_t> product_ids_;
  std::vector<std::string> products_;
};

struct DerivedReview {
  ReviewRecord record;              // tags sorted and unique
  std::string folded;               // title "\n" body, search-folded
  std::vector<std::uint32_t> keys;  // phrase candidates, sorted, unique
  std::uint32_t product = 0;        // PhraseKeys::intern_product(record.product_id)
};

DerivedReview derive(ReviewRecord record, PhraseKeys& keys);
std::size_t memory_bytes(const DerivedReview& review);

struct DerivedInput {
  const DerivedReview* review = nullptr;
  bool negative = false;
};
// top_phrases over derived reviews (oldest first).
void phrases_of(const std::vector<DerivedInput>& input, const PhraseKeys& keys, const Query& query,
                std::vector<Phrase>& negative, std::vector<Phrase>& positive);

// Every panel over `reviews` (any order).
Analytics aggregate(const std::vector<const DerivedReview*>& reviews, const PhraseKeys& keys,
                    const Query& query, const clock::ZoneOffsets& zone);

}  // namespace vouch::analytics::detail
