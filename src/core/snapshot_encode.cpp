// Snapshot::build: validate reviews, then encode them into the binary layout
// and adopt that buffer (so a built snapshot and a loaded one are the same thing).

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "snapshot_data.hpp"
#include "vouch/review_rules.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

namespace {

using detail::Counts;
using detail::StrRef;

std::string review_path(std::size_t i, const char* field) {
  std::string path = "reviews[" + std::to_string(i) + "]";
  if (field && *field) {
    path += '.';
    path += field;
  }
  return path;
}

Error field_error(std::size_t i, const std::string& field, std::string message) {
  return Error{review_path(i, field.c_str()), std::move(message)};
}

// The stored-review rules (vouch/review_rules.hpp) with the review's place in
// the snapshot, plus what only the snapshot knows: the product it belongs to.
std::optional<Error> check_snapshot_review(const Review& r, std::size_t i, const Product& product) {
  if (std::optional<Error> e = vouch::check_review(r)) return field_error(i, e->path, e->message);
  if (!r.product_id.empty() && r.product_id != product.id)
    return field_error(i, "product_id", "does not match product.id");
  return std::nullopt;
}

std::optional<Error> check_product(const Product& p) {
  if (p.id.empty() || !utf8::is_valid(p.id))
    return Error{"product.id", "expected a non-empty string"};
  if (!utf8::is_valid(p.name)) return Error{"product.name", "invalid UTF-8"};
  if (!utf8::is_valid(p.url) || !vouch::is_optional_http_url(p.url))
    return Error{"product.url", "expected an http(s) URL"};
  if (!utf8::is_valid(p.image) || !vouch::is_optional_http_url(p.image))
    return Error{"product.image", "expected an http(s) URL"};
  return std::nullopt;
}

// Appends little-endian values into one growing byte string per section.
class SectionWriter {
 public:
  template <class T>
  void put(detail::Section s, T value) {
    const auto* p = reinterpret_cast<const char*>(&value);
    sections_[s].append(p, sizeof value);
  }
  void put_ref(detail::Section s, std::string_view text) {
    put(s, StrRef{static_cast<std::uint32_t>(strings_.size()),
                  static_cast<std::uint32_t>(text.size())});
    strings_.append(text);
  }
  void put_ref_at(detail::Section s, StrRef ref) { put(s, ref); }
  std::string& strings() { return strings_; }
  const std::string& section(detail::Section s) const { return sections_[s]; }

 private:
  std::array<std::string, detail::kSectionCount> sections_;
  std::string strings_;
};

}  // namespace

Result<Snapshot> Snapshot::build(const Product& product, const std::vector<Review>& reviews) {
  if (auto e = check_product(product)) return *e;
  if (reviews.size() >= 0xFFFFFFFFu) return Error{"reviews", "too many reviews"};
  {
    std::unordered_set<std::string_view> ids;
    ids.reserve(reviews.size());
    for (std::size_t i = 0; i < reviews.size(); ++i) {
      if (auto e = check_snapshot_review(reviews[i], i, product)) return *e;
      if (!ids.insert(reviews[i].id).second) return field_error(i, "id", "duplicate review id");
    }
  }

  SectionWriter w;
  std::unordered_map<std::string, std::uint32_t> aspect_ids, topic_ids;
  std::vector<const std::string*> aspect_names, topic_names;
  std::uint32_t media_total = 0, aspect_total = 0, topic_total = 0;
  w.put<std::uint32_t>(detail::kMediaStart, 0);
  w.put<std::uint32_t>(detail::kAspectStart, 0);
  w.put<std::uint32_t>(detail::kTopicStart, 0);
  for (const Review& r : reviews) {
    w.put<std::uint8_t>(detail::kRating, r.rating);
    w.put<std::uint8_t>(detail::kVerification, static_cast<std::uint8_t>(r.verification));
    const std::uint8_t flags =
        (r.incentivized ? detail::kFlagIncentivized : 0) |
        (r.featured ? detail::kFlagFeatured : 0) |
        static_cast<std::uint8_t>(static_cast<unsigned>(r.recommends) << detail::kRecommendsShift);
    w.put<std::uint8_t>(detail::kFlags, flags);
    w.put<std::int64_t>(detail::kCreated, r.created);
    w.put<std::int64_t>(detail::kUpdated, r.updated);
    w.put<std::int64_t>(detail::kReplyTime, r.reply.time);
    w.put<std::uint32_t>(detail::kHelpfulUp, r.helpful_up);
    w.put<std::uint32_t>(detail::kHelpfulDown, r.helpful_down);
    for (const std::string* text :
         {&r.id, &r.title, &r.body, &r.author, &r.language, &r.source, &r.reply.text})
      w.put_ref(detail::kReviewStrings, *text);
    for (const Media& m : r.media) {
      w.put<std::uint8_t>(detail::kMediaKind, static_cast<std::uint8_t>(m.kind));
      w.put_ref(detail::kMediaUrl, m.url);
      w.put<std::uint32_t>(detail::kMediaSize, m.width);
      w.put<std::uint32_t>(detail::kMediaSize, m.height);
    }
    media_total += static_cast<std::uint32_t>(r.media.size());
    w.put<std::uint32_t>(detail::kMediaStart, media_total);
    for (const AspectRating& a : r.aspects) {
      auto [it, added] =
          aspect_ids.try_emplace(a.name, static_cast<std::uint32_t>(aspect_names.size()));
      if (added) aspect_names.push_back(&it->first);
      w.put<std::uint32_t>(detail::kAspectNameId, it->second);
      w.put<std::uint8_t>(detail::kAspectValue, a.value);
    }
    aspect_total += static_cast<std::uint32_t>(r.aspects.size());
    w.put<std::uint32_t>(detail::kAspectStart, aspect_total);
    for (const std::string& t : r.topics) {
      auto [it, added] = topic_ids.try_emplace(t, static_cast<std::uint32_t>(topic_names.size()));
      if (added) topic_names.push_back(&it->first);
      w.put<std::uint32_t>(detail::kTopicId, it->second);
    }
    topic_total += static_cast<std::uint32_t>(r.topics.size());
    w.put<std::uint32_t>(detail::kTopicStart, topic_total);
  }
  for (const std::string* name : aspect_names) w.put_ref(detail::kAspectNames, *name);
  for (const std::string* name : topic_names) w.put_ref(detail::kTopicNames, *name);
  for (const std::string* text : {&product.id, &product.name, &product.url, &product.image})
    w.put_ref(detail::kProductStrings, *text);
  if (w.strings().size() > 0xFFFFFFFFu) return Error{"reviews", "snapshot text exceeds 4 GiB"};

  Counts counts;
  counts.reviews = static_cast<std::uint32_t>(reviews.size());
  counts.media = media_total;
  counts.aspects = aspect_total;
  counts.aspect_names = static_cast<std::uint32_t>(aspect_names.size());
  counts.topics = topic_total;
  counts.topic_names = static_cast<std::uint32_t>(topic_names.size());
  counts.string_bytes = static_cast<std::uint32_t>(w.strings().size());

  // Lay the sections out 8-byte aligned after the header.
  std::array<std::uint64_t, detail::kSectionCount> offsets{};
  std::uint64_t end = detail::kHeaderSize;
  for (std::uint32_t s = 0; s < detail::kSectionCount; ++s) {
    end = (end + 7) & ~std::uint64_t{7};
    offsets[s] = end;
    const std::size_t length = s == detail::kStringTable
                                   ? w.strings().size()
                                   : w.section(static_cast<detail::Section>(s)).size();
    end += length;
  }
  if (end > 0xFFFFFFFFu) return Error{"reviews", "snapshot exceeds 4 GiB"};

  auto data = std::make_shared<detail::SnapshotData>();
  data->storage.assign((end + 7) / 8, 0);
  data->byte_size = static_cast<std::size_t>(end);
  auto* out = reinterpret_cast<std::uint8_t*>(data->storage.data());
  std::memcpy(out, detail::kMagic, 8);
  auto put32 = [&](std::size_t at, std::uint32_t v) { std::memcpy(out + at, &v, 4); };
  put32(8, kSnapshotBinaryVersion);
  put32(12, detail::kSectionCount);
  const std::uint32_t count_values[detail::kCountFields] = {
      counts.reviews, counts.media,       counts.aspects,     counts.aspect_names,
      counts.topics,  counts.topic_names, counts.string_bytes};
  for (std::size_t c = 0; c < detail::kCountFields; ++c) put32(16 + 4 * c, count_values[c]);
  for (std::uint32_t s = 0; s < detail::kSectionCount; ++s) {
    const std::string& bytes =
        s == detail::kStringTable ? w.strings() : w.section(static_cast<detail::Section>(s));
    put32(detail::kHeaderFixed + 8 * s, static_cast<std::uint32_t>(offsets[s]));
    put32(detail::kHeaderFixed + 8 * s + 4, static_cast<std::uint32_t>(bytes.size()));
    if (!bytes.empty()) std::memcpy(out + offsets[s], bytes.data(), bytes.size());
  }
  const detail::AdoptResult adopted = detail::adopt_buffer(*data, /*trusted=*/true);
  if (!adopted.ok) return Error{adopted.path, adopted.message};
  return Snapshot(std::move(data));
}

}  // namespace vouch
