#include "snapshot_cache.hpp"

#include <cstdio>

#include "crypto.hpp"
#include "review_store.hpp"
#include "vouch/review_rules.hpp"

namespace vouch::server {

Result<std::shared_ptr<const CachedSnapshot>> SnapshotCache::get(Database& db,
                                                                 const std::string& product_id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(product_id);
    if (it != entries_.end()) return it->second;
  }
  std::unique_lock<std::recursive_mutex> db_lock(db.mutex());
  {
    // Another thread may have built it while we waited for the database.
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(product_id);
    if (it != entries_.end()) return it->second;
  }
  Result<std::vector<Review>> reviews = published_reviews(db, product_id);
  if (!reviews) return reviews.error();
  Product product;
  product.id = product_id;
  std::vector<Review> readable;
  std::vector<SkippedRow> skipped;
  readable.reserve(reviews.value().size());
  for (Review& review : reviews.value()) {
    if (std::optional<Error> broken = check_review(review)) {
      skipped.push_back({review.id, product_id, broken->to_string()});
      std::fprintf(stderr, "snapshot %s: left out review %s: %s\n", product_id.c_str(),
                   review.id.c_str(), broken->to_string().c_str());
      continue;
    }
    readable.push_back(std::move(review));
  }
  Result<Snapshot> built = Snapshot::build(product, readable);
  if (!built) return built.error();
  auto entry = std::make_shared<CachedSnapshot>();
  entry->snapshot = built.value();
  entry->summary = summarize(entry->snapshot);
  entry->json = entry->snapshot.to_json();
  entry->binary = entry->snapshot.to_binary();
  entry->etag = hex(sha256(entry->json)).substr(0, 32);
  std::uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    generation = generation_;
  }
  // Compressing is the slow part (brotli 5 + gzip 6: ~90 ms for a 1k-review
  // snapshot's JSON on the bench machine), so it runs after the database lock
  // is released: writers do not wait for it. A write in the meantime bumps
  // the generation, and this entry is then answered once but not cached.
  db_lock.unlock();
  entry->json_encoded = http::precompress(entry->json);
  entry->binary_encoded = http::precompress(entry->binary);
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation_ == generation) entries_[product_id] = entry;
  if (skipped.empty())
    skipped_.erase(product_id);
  else
    skipped_[product_id] = std::move(skipped);
  return std::shared_ptr<const CachedSnapshot>(entry);
}

void SnapshotCache::invalidate(const std::string& product_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(product_id);
  ++generation_;
  skipped_.erase(product_id);  // the next build reports again
}

void SnapshotCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  ++generation_;
  skipped_.clear();
}

std::vector<SkippedRow> SnapshotCache::skipped_rows() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SkippedRow> rows;
  for (const auto& [product, list] : skipped_) rows.insert(rows.end(), list.begin(), list.end());
  return rows;
}

}  // namespace vouch::server
