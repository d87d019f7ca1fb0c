// Loading a binary snapshot: one validation pass over the buffer (header,
// section bounds, string references, UTF-8, counts and value ranges), then the
// columns are read in place. Nothing is parsed per field. The pass can run in
// steps (SnapshotLoader, for a page that must not block); adopt_binary runs
// it in one.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "snapshot_data.hpp"
#include "string_view_set.hpp"
#include "vouch/review_rules.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/snapshot_loader.hpp"
#include "vouch/url.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

namespace {

AdoptResult fail(std::string path, std::string message) {
  return AdoptResult{false, std::move(path), std::move(message)};
}

std::string review_path(std::size_t i, std::string_view field) {
  std::string path = "reviews[" + std::to_string(i) + "].";
  path += field;
  return path;
}

bool is_continuation(std::uint8_t byte) { return (byte & 0xC0) == 0x80; }

// Reads the header and section table; sets data.counts and data.section.
AdoptResult read_header(SnapshotData& data) {
  const std::uint8_t* bytes = data.bytes();
  const std::size_t size = data.byte_size;
  if (size < 8 || std::memcmp(bytes, kMagic, 8) != 0) {
    return fail("header.magic", "not a Vouch binary snapshot (expected the bytes \"VOUCHSNP\")");
  }
  if (size < 16) return fail("header", "truncated: " + std::to_string(size) + " bytes");
  const std::uint32_t version = load<std::uint32_t>(bytes + 8);
  if (version != kSnapshotBinaryVersion) {
    return fail("header.version", "unsupported version " + std::to_string(version) +
                                      " (this core reads " +
                                      std::to_string(kSnapshotBinaryVersion) + ")");
  }
  const std::uint32_t section_count = load<std::uint32_t>(bytes + 12);
  if (section_count != kSectionCount) {
    return fail("header.section_count", "expected " + std::to_string(kSectionCount) + ", found " +
                                            std::to_string(section_count));
  }
  if (size < kHeaderSize) {
    return fail("header", "truncated: " + std::to_string(size) + " bytes, the header alone needs " +
                              std::to_string(kHeaderSize));
  }
  std::uint32_t c[kCountFields];
  for (std::size_t k = 0; k < kCountFields; ++k) c[k] = load<std::uint32_t>(bytes + 16 + 4 * k);
  data.counts = Counts{c[0], c[1], c[2], c[3], c[4], c[5], c[6]};
  if (data.counts.reviews == 0xFFFFFFFFu) return fail("header.review_count", "too large");
  const auto expected = section_lengths(data.counts);
  std::uint64_t previous_end = kHeaderSize;
  for (std::uint32_t s = 0; s < kSectionCount; ++s) {
    const std::uint64_t offset = load<std::uint32_t>(bytes + kHeaderFixed + 8 * s);
    const std::uint64_t length = load<std::uint32_t>(bytes + kHeaderFixed + 8 * s + 4);
    const std::string path = "section[" + std::to_string(s) + "] (" + kSectionNames[s] + ")";
    if (length != expected[s]) {
      return fail(path, "length " + std::to_string(length) +
                            " does not match the counts in the header (expected " +
                            std::to_string(expected[s]) + ")");
    }
    if (offset % 8 != 0)
      return fail(path, "offset " + std::to_string(offset) + " is not 8-byte aligned");
    if (offset < previous_end) return fail(path, "overlaps the header or the previous section");
    if (offset + length > size) {
      return fail(path, "truncated: needs bytes up to " + std::to_string(offset + length) +
                            ", the file has " + std::to_string(size));
    }
    data.section[s] = bytes + offset;
    previous_end = offset + length;
  }
  if (previous_end != size) {
    return fail("trailer",
                std::to_string(size - previous_end) + " unexpected bytes after the string table");
  }
  return {};
}

class ContentValidator {
 public:
  explicit ContentValidator(const SnapshotData& data)
      : data_(data),
        n_(data.counts.reviews),
        ids_(n_),
        aspect_seen_(data.counts.aspect_names, 0xFFFFFFFFu),
        topic_seen_(data.counts.topic_names, 0xFFFFFFFFu) {}

  // The string table's UTF-8 from byte `from`, about `chunk` bytes; `from`
  // moves past what was checked (a whole character: a chunk never ends inside
  // one, so a truncated sequence at its end is a real error).
  AdoptResult utf8_chunk(std::size_t& from, std::size_t chunk) const {
    const std::size_t size = data_.counts.string_bytes;
    const std::uint8_t* table = data_.section[kStringTable];
    std::size_t end = chunk >= size - from ? size : from + chunk;
    while (end < size && is_continuation(table[end])) ++end;
    const std::string_view part(reinterpret_cast<const char*>(table) + from, end - from);
    const std::size_t bad = utf8::first_invalid(part);
    if (bad != std::string_view::npos)
      return fail("string_table", "invalid UTF-8 at byte " + std::to_string(from + bad));
    from = end;
    return {};
  }

  // What precedes the reviews: the product, the name tables, the offset columns.
  AdoptResult prelude() const {
    if (auto r = check_product(); !r.ok) return r;
    if (auto r = check_name_table(kAspectNames, data_.counts.aspect_names, "aspect_names"); !r.ok)
      return r;
    if (auto r = check_name_table(kTopicNames, data_.counts.topic_names, "topic_names"); !r.ok)
      return r;
    return check_starts();
  }

  // Review i (in index order: duplicate ids and names are found against the earlier ones).
  AdoptResult review(std::uint32_t i) { return check_review(i, ids_, aspect_seen_, topic_seen_); }

 private:
  bool ref_ok(StrRef ref) const {
    const std::uint64_t end = std::uint64_t{ref.offset} + ref.length;
    if (end > data_.counts.string_bytes) return false;
    const std::uint8_t* table = data_.section[kStringTable];
    if (ref.offset < data_.counts.string_bytes && is_continuation(table[ref.offset])) return false;
    if (end < data_.counts.string_bytes && is_continuation(table[end])) return false;
    return true;
  }

  AdoptResult check_product() const {
    static const char* const kNames[4] = {"product.id", "product.name", "product.url",
                                          "product.image"};
    for (std::size_t k = 0; k < 4; ++k) {
      if (!ref_ok(data_.ref_at(kProductStrings, k)))
        return fail(kNames[k], "string reference out of bounds");
    }
    if (data_.str(data_.ref_at(kProductStrings, 0)).empty())
      return fail("product.id", "expected a non-empty string");
    for (std::size_t k = 2; k < 4; ++k) {
      if (!vouch::is_optional_http_url(data_.str(data_.ref_at(kProductStrings, k))))
        return fail(kNames[k], "expected an http(s) URL");
    }
    return {};
  }

  AdoptResult check_name_table(Section s, std::uint32_t count, const char* name) const {
    StringViewSet seen(count);
    for (std::uint32_t k = 0; k < count; ++k) {
      const std::string path = std::string(name) + "[" + std::to_string(k) + "]";
      const StrRef ref = data_.ref_at(s, k);
      if (!ref_ok(ref)) return fail(path, "string reference out of bounds");
      const std::string_view text = data_.str(ref);
      if (text.empty()) return fail(path, "expected a non-empty string");
      if (!seen.insert(text)) return fail(path, "duplicate name");
    }
    return {};
  }

  // The three prefix-offset columns start at 0, never decrease, end at the count.
  AdoptResult check_starts() const {
    const std::pair<Section, std::uint32_t> columns[] = {{kMediaStart, data_.counts.media},
                                                         {kAspectStart, data_.counts.aspects},
                                                         {kTopicStart, data_.counts.topics}};
    for (auto [s, total] : columns) {
      std::uint32_t previous = 0;
      if (data_.u32(s, 0) != 0) return fail(std::string(kSectionNames[s]) + "[0]", "expected 0");
      for (std::uint32_t i = 1; i <= n_; ++i) {
        const std::uint32_t value = data_.u32(s, i);
        if (value < previous)
          return fail(std::string(kSectionNames[s]) + "[" + std::to_string(i) + "]", "decreases");
        previous = value;
      }
      if (previous != total) {
        return fail(std::string(kSectionNames[s]) + "[" + std::to_string(n_) + "]",
                    "expected " + std::to_string(total) + " (the count in the header)");
      }
    }
    return {};
  }

  AdoptResult check_review(std::uint32_t i, StringViewSet& ids,
                           std::vector<std::uint32_t>& aspect_seen,
                           std::vector<std::uint32_t>& topic_seen) const {
    const std::uint8_t rating = data_.u8(kRating, i);
    if (rating < 1 || rating > 5) return fail(review_path(i, "rating"), "expected integer 1..5");
    if (data_.u8(kVerification, i) > 3)
      return fail(review_path(i, "verification"), "unknown verification state");
    const std::uint8_t flags = data_.u8(kFlags, i);
    if ((flags & ~(kFlagIncentivized | kFlagFeatured | kRecommendsMask)) != 0 ||
        ((flags & kRecommendsMask) >> kRecommendsShift) > 2) {
      return fail(review_path(i, "flags"), "unknown flag bits");
    }
    const std::pair<Section, const char*> times[] = {
        {kCreated, "created"}, {kUpdated, "updated"}, {kReplyTime, "reply.time"}};
    for (auto [s, name] : times) {
      if (!vouch::is_review_time(data_.i64(s, i)))
        return fail(review_path(i, name), "time outside years 0000..9999");
    }
    for (std::uint32_t f = 0; f < kStringsPerReview; ++f) {
      if (!ref_ok(data_.ref_at(kReviewStrings, std::size_t{i} * kStringsPerReview + f))) {
        return fail(review_path(i, kReviewStringNames[f]), "string reference out of bounds");
      }
    }
    const std::string_view id = data_.review_string(i, kId);
    if (id.empty()) return fail(review_path(i, "id"), "expected a non-empty string");
    if (!ids.insert(id)) return fail(review_path(i, "id"), "duplicate review id");
    if (!vouch::is_language_tag(data_.review_string(i, kLanguage))) {
      return fail(review_path(i, "language"), "expected a language tag like \"en\" or \"zh-Hant\"");
    }
    for (std::uint32_t m = data_.u32(kMediaStart, i); m < data_.u32(kMediaStart, i + 1); ++m) {
      const std::string field = "media[" + std::to_string(m - data_.u32(kMediaStart, i)) + "]";
      if (data_.u8(kMediaKind, m) > 1)
        return fail(review_path(i, field + ".kind"), "expected photo or video");
      const StrRef url = data_.ref_at(kMediaUrl, m);
      if (!ref_ok(url))
        return fail(review_path(i, field + ".url"), "string reference out of bounds");
      if (!vouch::url::is_http_url(data_.str(url)))
        return fail(review_path(i, field + ".url"), "expected an http(s) URL");
    }
    for (std::uint32_t a = data_.u32(kAspectStart, i); a < data_.u32(kAspectStart, i + 1); ++a) {
      const std::string field = "aspects[" + std::to_string(a - data_.u32(kAspectStart, i)) + "]";
      const std::uint32_t name = data_.u32(kAspectNameId, a);
      if (name >= data_.counts.aspect_names)
        return fail(review_path(i, field + ".name"), "aspect name id out of range");
      if (aspect_seen[name] == i) return fail(review_path(i, field + ".name"), "duplicate aspect");
      aspect_seen[name] = i;
      const std::uint8_t value = data_.u8(kAspectValue, a);
      if (value < 1 || value > 5)
        return fail(review_path(i, field + ".value"), "expected integer 1..5");
    }
    for (std::uint32_t t = data_.u32(kTopicStart, i); t < data_.u32(kTopicStart, i + 1); ++t) {
      const std::string field = "topics[" + std::to_string(t - data_.u32(kTopicStart, i)) + "]";
      const std::uint32_t topic = data_.u32(kTopicId, t);
      if (topic >= data_.counts.topic_names)
        return fail(review_path(i, field), "topic id out of range");
      if (topic_seen[topic] == i) return fail(review_path(i, field), "duplicate topic");
      topic_seen[topic] = i;
    }
    return {};
  }

  const SnapshotData& data_;
  std::uint32_t n_;
  StringViewSet ids_;
  std::vector<std::uint32_t> aspect_seen_;
  std::vector<std::uint32_t> topic_seen_;
};

void adopt_product(SnapshotData& data) {
  data.product.id = std::string(data.str(data.ref_at(kProductStrings, 0)));
  data.product.name = std::string(data.str(data.ref_at(kProductStrings, 1)));
  data.product.url = std::string(data.str(data.ref_at(kProductStrings, 2)));
  data.product.image = std::string(data.str(data.ref_at(kProductStrings, 3)));
}

}  // namespace

AdoptResult adopt_buffer(SnapshotData& data, bool trusted) {
  if (auto header = read_header(data); !header.ok) return header;
  if (!trusted) {
    ContentValidator validator(data);
    std::size_t checked = 0;
    while (checked < data.counts.string_bytes) {
      if (auto r = validator.utf8_chunk(checked, data.counts.string_bytes); !r.ok) return r;
    }
    if (auto r = validator.prelude(); !r.ok) return r;
    for (std::uint32_t i = 0; i < data.counts.reviews; ++i) {
      if (auto r = validator.review(i); !r.ok) return r;
    }
  }
  adopt_product(data);
  build_indexes(data);
  return {};
}

}  // namespace vouch::detail

namespace vouch {

// The loader's phases, in order; each step() does about `budget` reviews'
// worth of them (a part of the sort orders is never split, but is small).
struct SnapshotLoader::State {
  enum class Phase { Header, Utf8, Prelude, Reviews, Indexes, Done };
  std::shared_ptr<detail::SnapshotData> data = std::make_shared<detail::SnapshotData>();
  std::unique_ptr<detail::ContentValidator> validator;
  Phase phase = Phase::Header;
  std::size_t cursor = 0;  // bytes (Utf8), reviews (Reviews), parts (Indexes)
  detail::AdoptResult outcome;
  detail::IndexScratch index_scratch;  // carried between the parts of the sort orders

  void fail(detail::AdoptResult result) {
    outcome = std::move(result);
    phase = Phase::Done;
    validator.reset();
  }

  // Runs phases until about `budget` reviews' worth of work is done. Each
  // phase is costed in reviews (measured in wasm at 100k: checking a review
  // ~0.75 us, its share of the UTF-8 check ~0.3 us, the prelude a quarter of
  // checking all reviews, each part of the sort orders a sixth), so a step
  // costs about the same whatever phases it spans, and the page's adaptive
  // budget (web/src/slices.mjs) holds across phase changes. The sort orders
  // start a step of their own: the checks' last step may have used its budget.
  void run(std::uint32_t budget) {
    std::uint64_t left = std::max<std::uint32_t>(budget, 1);
    while (left > 0 && phase != Phase::Done) {
      const bool sorting = phase == Phase::Indexes;
      left -= std::min(left, run_phase(left));
      if (!sorting && phase == Phase::Indexes) break;  // the sort orders start a step
    }
  }

  // One phase's share of `left`; returns the reviews' worth it used.
  std::uint64_t run_phase(std::uint64_t left) {
    using detail::AdoptResult;
    detail::SnapshotData& d = *data;
    const std::uint32_t n = d.counts.reviews;
    const std::uint64_t quarter = n / 4 + 1;
    switch (phase) {
      case Phase::Header:
        if (AdoptResult r = detail::read_header(d); !r.ok) {
          fail(std::move(r));
        } else {
          validator = std::make_unique<detail::ContentValidator>(d);
          phase = Phase::Utf8;
        }
        return 1;
      case Phase::Utf8: {
        // Bytes per review of work: about 2.5 reviews' share of the table.
        const std::uint64_t per_review = (5 * (d.counts.string_bytes / (n == 0 ? 1 : n) + 1)) / 2;
        const std::uint64_t chunk = std::max<std::uint64_t>(4096, per_review * left);
        const std::size_t from = cursor;
        if (AdoptResult r = validator->utf8_chunk(
                cursor, static_cast<std::size_t>(std::min<std::uint64_t>(chunk, SIZE_MAX)));
            !r.ok) {
          fail(std::move(r));
          return left;
        }
        if (cursor >= d.counts.string_bytes) phase = Phase::Prelude;
        return (cursor - from) / per_review + 1;
      }
      case Phase::Prelude:
        if (AdoptResult r = validator->prelude(); !r.ok) {
          fail(std::move(r));
        } else {
          cursor = 0;
          phase = Phase::Reviews;
        }
        return quarter;
      case Phase::Reviews: {
        const std::size_t from = cursor;
        const std::size_t end = static_cast<std::size_t>(std::min<std::uint64_t>(n, cursor + left));
        for (; cursor < end; ++cursor) {
          if (AdoptResult r = validator->review(static_cast<std::uint32_t>(cursor)); !r.ok) {
            fail(std::move(r));
            return left;
          }
        }
        if (cursor == n) {
          validator.reset();
          detail::adopt_product(d);
          cursor = 0;
          phase = Phase::Indexes;
        }
        return end - from + 1;
      }
      case Phase::Indexes:
        // A part is one or two passes over every review (at 100k, up to
        // ~10 ms in wasm under Node), costed high so a step holds few of them.
        detail::build_index_part(d, static_cast<std::uint32_t>(cursor), index_scratch);
        if (++cursor == detail::kIndexParts) phase = Phase::Done;
        return n / 6 + 1;
      case Phase::Done:
        break;
    }
    return left;
  }
};

SnapshotLoader::SnapshotLoader(SnapshotWords words, std::size_t size)
    : state_(std::make_unique<State>()) {
  if (size > 0xFFFFFFFFu) {
    state_->fail({false, "header", "larger than 4 GiB"});
  } else if (words.size() < (size + 7) / 8) {
    state_->fail({false, "header", "buffer shorter than its stated size"});
  } else {
    state_->data->storage = std::move(words);
    state_->data->byte_size = size;
  }
}

SnapshotLoader::~SnapshotLoader() = default;
SnapshotLoader::SnapshotLoader(SnapshotLoader&&) noexcept = default;
SnapshotLoader& SnapshotLoader::operator=(SnapshotLoader&&) noexcept = default;

bool SnapshotLoader::step(std::uint32_t budget) {
  if (!state_) return true;
  state_->run(budget);
  return state_->phase == State::Phase::Done;
}

Result<Snapshot> SnapshotLoader::take() {
  if (!state_) return Error{"", "this loader's snapshot was taken already"};
  while (!step(0xFFFFFFFFu)) {
  }
  const std::unique_ptr<State> state = std::move(state_);
  if (!state->outcome.ok) return Error{state->outcome.path, state->outcome.message};
  return Snapshot(std::move(state->data));
}

Result<Snapshot> Snapshot::from_binary(const std::uint8_t* bytes, std::size_t size) {
  if (size > 0xFFFFFFFFu) return Error{"header", "larger than 4 GiB"};
  SnapshotWords words((size + 7) / 8, 0);
  if (size != 0) std::memcpy(words.data(), bytes, size);
  return adopt_binary(std::move(words), size);
}

Result<Snapshot> Snapshot::adopt_binary(SnapshotWords words, std::size_t size) {
  return SnapshotLoader(std::move(words), size).take();
}

}  // namespace vouch
