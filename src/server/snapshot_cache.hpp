#pragma once
// Built snapshots per product, kept in memory until a write to that product.
// Building reads the database under its mutex and writers invalidate under the
// same mutex, so a cached entry is never older than the last acknowledged write
// (compression runs after that read, outside the lock; see generation_).
// One bad row cannot take a product down: rows that break check_review are
// left out of the build (and reported), the rest is served.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "db.hpp"
#include "http/precompressed.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/summary.hpp"

namespace vouch::server {

struct CachedSnapshot {
  Snapshot snapshot;
  Summary summary;
  std::string json;    // Snapshot::to_json()
  std::string binary;  // Snapshot::to_binary()
  std::string etag;    // hex of SHA-256 over the JSON, quoted per RFC 9110 by the route
  // brotli/gzip of `json` and `binary`, made once when the entry is built:
  // a request never compresses.
  http::Precompressed json_encoded;
  http::Precompressed binary_encoded;
};

// A published row the read path left out because it breaks the stored-review
// rules (written by an older version or edited by hand): logged once per
// build and listed by GET /api/v1/admin/health.
struct SkippedRow {
  std::string review_id;
  std::string product_id;
  std::string problem;  // "language: expected a language tag ..."
};

class SnapshotCache {
 public:
  Result<std::shared_ptr<const CachedSnapshot>> get(Database& db, const std::string& product_id);
  // Call while holding db.mutex(), after the write.
  void invalidate(const std::string& product_id);
  void clear();
  // The rows left out of the snapshots built so far (current entries only).
  std::vector<SkippedRow> skipped_rows();

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<SkippedRow>> skipped_;
  std::unordered_map<std::string, std::shared_ptr<const CachedSnapshot>> entries_;
  // Bumped by every invalidate()/clear(): an entry whose compression ran
  // while a write happened is not cached (get() compresses outside the lock).
  std::uint64_t generation_ = 0;
};

}  // namespace vouch::server
