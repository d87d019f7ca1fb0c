#pragma once
// ReviewStore: the ONE long-lived handle per widget over the review core.
//
// Ownership: the JS widget creates it (`new core.Store()`) when it mounts and
// frees it with `store.delete()` in its destroy(); nothing else holds it. All
// results are value objects or copies, except the typed_memory_view getters
// (page/highlights/topic facets), which are views into this object valid until
// the next query()/load on it: copy them with .slice() at once.
//
// Bytes come in as (pointer, length) numbers after _malloc + HEAPU8.set; the
// store copies them, so JS may _free the buffer right after the call.
//
// Extending: renderers take `const vouch::Snapshot&` (snapshot()) and the last
// query's indices (page()); add them as free functions in their own façade file
// or as more methods here, and register them next to Store in bindings.cpp.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/query.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/snapshot_loader.hpp"
#include "vouch/summary.hpp"

namespace vouch::facade {

// {ok, code, message}. code: "ok", "invalid_json" (malformed JSON),
// "invalid_snapshot" (well-formed JSON that breaks the snapshot format),
// "invalid_binary" (corrupt/truncated binary), "invalid_query", "invalid_argument".
// message: "reviews[17].rating: expected integer 1..5".
struct StoreStatus {
  bool ok = true;
  std::string code = "ok";
  std::string message;
};

// query() options as the widget sends them (an Embind value_object: every field
// must be present; the façade re-validates the values). stars is the bit set of
// Query::stars (bit r-1 = r stars); sort is a name ("newest", "most_helpful", ...).
struct QueryOptions {
  int stars = 0;
  bool verified_only = false;
  bool with_media = false;
  std::string topic;
  std::string language;
  std::string aspect;
  int aspect_value = 0;
  std::string text;
  std::string sort = "newest";
  double offset = 0;
  double limit = 20;
};

// The answer to query(): counts here; page indices, highlights and topic facet
// counts through the view getters (page(), highlights(), topic_facets()).
struct QueryAnswer {
  bool ok = true;
  std::string code = "ok";
  std::string message;
  std::uint32_t total = 0;
  std::array<std::uint32_t, 5> star_counts{};  // facets.stars: [r-1]
  std::uint32_t verified_count = 0;
  std::uint32_t with_media_count = 0;
  std::uint32_t page_size = 0;  // page().length
};

struct StoreSummary {
  std::uint32_t count = 0;
  std::uint32_t average_tenths = 0;
  std::string average_text;  // "4.3"
  std::array<std::uint32_t, 5> histogram{};
  std::array<std::uint32_t, 5> histogram_percent{};
  bool has_recommend = false;
  std::uint32_t recommend_percent = 0;
  std::uint32_t recommend_answered = 0;
  std::uint32_t aspect_count = 0;  // aspect(i) for i < aspect_count
  std::uint32_t topic_count = 0;   // topic_name(i) / summary_topic_counts()[i]
};

struct StoreAspect {
  std::string name;
  std::uint32_t count = 0;
  std::uint32_t average_tenths = 0;
  std::string average_text;
};

// The status for a JSON snapshot the strict loader refused: "invalid_json"
// (malformed JSON) or "invalid_snapshot" (well-formed, breaks the format).
StoreStatus json_load_failure(const Error& e);

// The largest snapshot reserve_binary() accepts: 1 GiB (100k reviews are ~36 MB).
constexpr double kMaxReservedBytes = 1073741824.0;

class ReviewStore {
 public:
  ReviewStore() = default;

  // Replace the snapshot. On failure the previous snapshot stays loaded.
  StoreStatus load_binary(std::uintptr_t pointer, std::size_t length);
  StoreStatus load_json(std::uintptr_t pointer, std::size_t length);
  // Loading without a second copy (the widget's path): reserve_binary(n) gives
  // the address of an n-byte buffer the store owns, or 0 when n is not a whole
  // number of bytes up to kMaxReservedBytes (a wasm32 heap cannot grow past
  // 2 GiB, and a failed allocation aborts: there are no exceptions). The
  // caller writes the snapshot there (HEAPU8.set) and
  // calls load_reserved(), which adopts the buffer as the snapshot. Reserving
  // again, or loading any other way, drops an unused reservation.
  std::uintptr_t reserve_binary(double length);
  StoreStatus load_reserved();
  // The same in steps, so a page never blocks for long (issue 19; the widget's
  // path, web/src/wasm-snapshot.mjs): begin_load_reserved() takes the reserved
  // buffer, each load_step(budget) does about `budget` reviews of the work and
  // answers true once it is done; load_result() is then load_reserved()'s
  // status. The previous snapshot serves queries until the last step.
  // Reserving or loading again abandons a load in progress.
  StoreStatus begin_load_reserved();
  bool load_step(std::uint32_t budget);
  StoreStatus load_result();
  // Native convenience (tests, server): the same with bytes.
  StoreStatus load_binary_bytes(std::string_view bytes);
  StoreStatus load_json_bytes(std::string_view bytes);

  std::uint32_t size() const { return static_cast<std::uint32_t>(snapshot_.size()); }
  std::string product_id() const { return snapshot_.product().id; }
  std::string product_name() const { return snapshot_.product().name; }

  QueryAnswer query(const QueryOptions& options);
  // Builds the search index ahead of the first search (Snapshot::prepare_search).
  void prepare_search() const { snapshot_.prepare_search(); }
  // One step of it, about `budget` reviews (Snapshot::prepare_search_step):
  // true once built. The widget steps it between tasks (web/src/search-prep.js).
  bool prepare_search_step(std::uint32_t budget) const {
    return snapshot_.prepare_search_step(budget);
  }
  // Results of the last successful query (empty before one / after a load).
  const std::vector<std::uint32_t>& page() const { return page_; }
  // Flattened highlight quadruples: review index, field (0 title, 1 body),
  // begin, end (UTF-8 byte offsets, see vouch/query.hpp).
  const std::vector<std::uint32_t>& highlights() const { return highlights_; }
  const std::vector<std::uint32_t>& topic_facets() const { return topic_facets_; }

  StoreSummary summary() const;
  StoreAspect aspect(std::uint32_t i) const;  // {"",0,0,""} when out of range
  std::uint32_t topic_count() const { return static_cast<std::uint32_t>(snapshot_.topic_count()); }
  std::string topic_name(std::uint32_t i) const;  // "" when out of range
  // Per topic id: published reviews with that topic (summary, not a facet).
  const std::vector<std::uint32_t>& summary_topic_counts() const { return summary_topic_counts_; }

  // schema.org JSON-LD for <script type="application/ld+json">; max_reviews
  // clamped to 0..100.
  std::string json_ld(int max_reviews) const;

  // For renderers and other façade files.
  const vouch::Snapshot& snapshot() const { return snapshot_; }
  const vouch::Summary& core_summary() const { return summary_; }

 private:
  // failure_code: "invalid_binary", or "invalid_snapshot" for the JSON loader
  // (json_load_failure). A string, not an enum or a callback: both of those
  // measured ~2 KB more wasm (different inlining at -Oz).
  StoreStatus adopt(Result<Snapshot> loaded, const char* failure_code);

  vouch::Snapshot snapshot_;
  SnapshotWords reserved_;  // reserve_binary()'s buffer until load_reserved()
  std::size_t reserved_size_ = 0;
  std::unique_ptr<SnapshotLoader> loader_;  // begin_load_reserved() until load_result()
  vouch::Summary summary_;                  // computed at load (cheap, used by every render)
  std::vector<std::uint32_t> page_;
  std::vector<std::uint32_t> highlights_;
  std::vector<std::uint32_t> topic_facets_;
  std::vector<std::uint32_t> summary_topic_counts_;
};

}  // namespace vouch::facade
