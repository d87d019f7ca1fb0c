#include "review_store.hpp"

#include <cmath>

namespace vouch::facade {

namespace {

StoreStatus failure(const char* code, std::string message) {
  return StoreStatus{false, code, std::move(message)};
}

std::string_view bytes_at(std::uintptr_t pointer, std::size_t length) {
  return std::string_view(reinterpret_cast<const char*>(pointer), length);
}

// A JS number that must be a whole number in [0, max]: Embind coerces silently.
bool whole_number(double value, double max) {
  return std::isfinite(value) && value >= 0 && value <= max && std::floor(value) == value;
}

}  // namespace

StoreStatus json_load_failure(const Error& e) {
  // Malformed JSON is a different problem for the store owner than a
  // well-formed file that breaks the format.
  const bool syntax = e.kind == ErrorKind::Syntax;
  return failure(syntax ? "invalid_json" : "invalid_snapshot", e.to_string());
}

StoreStatus ReviewStore::adopt(Result<Snapshot> loaded, const char* failure_code) {
  loader_.reset();
  reserved_ = {};  // a reservation is for one load only
  reserved_size_ = 0;
  if (!loaded.ok()) {
    if (std::string_view(failure_code) == "invalid_snapshot")
      return json_load_failure(loaded.error());
    return failure(failure_code, loaded.error().to_string());
  }
  snapshot_ = std::move(loaded).value();
  summary_ = summarize(snapshot_);
  summary_topic_counts_.clear();
  for (const TopicCount& t : summary_.topics) summary_topic_counts_.push_back(t.count);
  page_.clear();
  highlights_.clear();
  topic_facets_.clear();
  return StoreStatus{};
}

StoreStatus ReviewStore::load_binary_bytes(std::string_view bytes) {
  return adopt(Snapshot::from_binary(bytes), "invalid_binary");
}

StoreStatus ReviewStore::load_json_bytes(std::string_view bytes) {
  return adopt(Snapshot::from_json(bytes), "invalid_snapshot");
}

std::uintptr_t ReviewStore::reserve_binary(double length) {
  loader_.reset();
  reserved_ = {};
  reserved_size_ = 0;
  if (!whole_number(length, kMaxReservedBytes)) return 0;
  const auto size = static_cast<std::size_t>(length);
  // 8-byte words: the binary reader needs aligned storage. The max_size() test
  // is never true under the cap, but without it the compiler keeps resize()'s
  // length_error path and what that links (~2 KB of wasm, measured).
  const std::size_t words = (size + 7) / 8;
  if (words > reserved_.max_size()) return 0;
  reserved_.resize(words == 0 ? 1 : words);  // one word at least: an empty file is still a load
  reserved_size_ = size;
  return reinterpret_cast<std::uintptr_t>(reserved_.data());
}

StoreStatus ReviewStore::load_reserved() {
  StoreStatus begun = begin_load_reserved();
  if (!begun.ok) return begun;
  return load_result();
}

StoreStatus ReviewStore::begin_load_reserved() {
  loader_.reset();
  if (reserved_.empty())
    return failure("invalid_argument", "nothing reserved (call reserve_binary first)");
  loader_ = std::make_unique<SnapshotLoader>(std::move(reserved_), reserved_size_);
  reserved_ = {};
  reserved_size_ = 0;
  return StoreStatus{};
}

bool ReviewStore::load_step(std::uint32_t budget) { return !loader_ || loader_->step(budget); }

StoreStatus ReviewStore::load_result() {
  if (!loader_)
    return failure("invalid_argument", "no load in progress (call begin_load_reserved first)");
  const std::unique_ptr<SnapshotLoader> loader = std::move(loader_);
  return adopt(loader->take(), "invalid_binary");
}

StoreStatus ReviewStore::load_binary(std::uintptr_t pointer, std::size_t length) {
  if (pointer == 0 && length != 0) return failure("invalid_argument", "load_binary: null pointer");
  return load_binary_bytes(bytes_at(pointer, length));
}

StoreStatus ReviewStore::load_json(std::uintptr_t pointer, std::size_t length) {
  if (pointer == 0 && length != 0) return failure("invalid_argument", "load_json: null pointer");
  return load_json_bytes(bytes_at(pointer, length));
}

QueryAnswer ReviewStore::query(const QueryOptions& options) {
  QueryAnswer answer;
  auto reject = [&answer](std::string message) {
    answer.ok = false;
    answer.code = "invalid_query";
    answer.message = std::move(message);
    return answer;
  };
  if (options.stars < 0 || options.stars > 31)
    return reject("query.stars: expected a bit set 0..31 (bit r-1 = r stars)");
  if (options.aspect_value < 0 || options.aspect_value > 5)
    return reject("query.aspect_value: expected 0..5");
  if (!whole_number(options.offset, 4294967295.0))
    return reject("query.offset: expected a whole number >= 0");
  if (!whole_number(options.limit, static_cast<double>(kMaxQueryLimit)))
    return reject("query.limit: expected a whole number 0.." + std::to_string(kMaxQueryLimit));
  const auto sort = parse_sort_order(options.sort);
  if (!sort) {
    return reject("query.sort: unknown order \"" + options.sort +
                  "\" (newest, oldest, highest, lowest, most_helpful, media_first, featured_first, "
                  "relevance)");
  }
  Query q;
  q.stars = static_cast<std::uint8_t>(options.stars);
  q.verified_only = options.verified_only;
  q.with_media = options.with_media;
  q.topic = options.topic;
  q.language = options.language;
  q.aspect = options.aspect;
  q.aspect_value = static_cast<std::uint8_t>(options.aspect_value);
  q.text = options.text;
  q.sort = *sort;
  q.offset = static_cast<std::size_t>(options.offset);
  q.limit = static_cast<std::size_t>(options.limit);
  auto result = run_query(snapshot_, q);
  if (!result.ok()) return reject(result.error().to_string());
  QueryResult& r = result.value();
  answer.total = r.total;
  answer.star_counts = r.facets.stars;
  answer.verified_count = r.facets.verified;
  answer.with_media_count = r.facets.with_media;
  answer.page_size = static_cast<std::uint32_t>(r.page.size());
  page_ = std::move(r.page);
  topic_facets_ = std::move(r.facets.topics);
  highlights_.clear();
  for (const Highlight& h : r.highlights) {
    highlights_.insert(highlights_.end(),
                       {h.review, static_cast<std::uint32_t>(h.field), h.begin, h.end});
  }
  return answer;
}

StoreSummary ReviewStore::summary() const {
  StoreSummary s;
  s.count = summary_.count;
  s.average_tenths = summary_.average_tenths;
  s.average_text = summary_.average_text;
  s.histogram = summary_.histogram;
  s.histogram_percent = summary_.histogram_percent;
  s.has_recommend = summary_.has_recommend;
  s.recommend_percent = summary_.recommend_percent;
  s.recommend_answered = summary_.recommend_answered;
  s.aspect_count = static_cast<std::uint32_t>(summary_.aspects.size());
  s.topic_count = static_cast<std::uint32_t>(summary_.topics.size());
  return s;
}

StoreAspect ReviewStore::aspect(std::uint32_t i) const {
  if (i >= summary_.aspects.size()) return StoreAspect{};
  const AspectAverage& a = summary_.aspects[i];
  return StoreAspect{a.name, a.count, a.average_tenths, a.average_text};
}

std::string ReviewStore::topic_name(std::uint32_t i) const {
  return i < snapshot_.topic_count() ? std::string(snapshot_.topic_name(i)) : std::string();
}

std::string ReviewStore::json_ld(int max_reviews) const {
  const int clamped = max_reviews < 0 ? 0 : max_reviews > 100 ? 100 : max_reviews;
  return vouch::json_ld(snapshot_, static_cast<std::size_t>(clamped));
}

}  // namespace vouch::facade
