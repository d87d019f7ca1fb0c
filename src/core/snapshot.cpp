// Snapshot accessors (read in place from the binary buffer), materialising a
// review, and the canonical encodings.

#include "vouch/snapshot.hpp"

#include "json_text.hpp"
#include "snapshot_data.hpp"
#include "snapshot_names.hpp"
#include "vouch/civil_date.hpp"

namespace vouch {

using namespace detail;

namespace {

// The empty snapshot's columns: every *_start column needs one 0 entry.
alignas(8) const std::uint8_t kZeros[16] = {};

std::shared_ptr<const SnapshotData> empty_data() {
  static const std::shared_ptr<const SnapshotData> empty = [] {
    auto data = std::make_shared<SnapshotData>();
    for (auto& s : data->section) s = kZeros;
    return data;
  }();
  return empty;
}

}  // namespace

Snapshot::Snapshot() : data_(empty_data()) {}
Snapshot::Snapshot(std::shared_ptr<const SnapshotData> data) : data_(std::move(data)) {}

std::size_t Snapshot::size() const { return data_->counts.reviews; }
const Product& Snapshot::product() const { return data_->product; }

std::string_view Snapshot::id(std::size_t i) const { return data_->review_string(i, kId); }
std::uint8_t Snapshot::rating(std::size_t i) const { return data_->u8(kRating, i); }
std::string_view Snapshot::title(std::size_t i) const { return data_->review_string(i, kTitle); }
std::string_view Snapshot::body(std::size_t i) const { return data_->review_string(i, kBody); }
std::string_view Snapshot::author(std::size_t i) const { return data_->review_string(i, kAuthor); }
std::int64_t Snapshot::created(std::size_t i) const { return data_->i64(kCreated, i); }
std::int64_t Snapshot::updated(std::size_t i) const { return data_->i64(kUpdated, i); }
std::string_view Snapshot::language(std::size_t i) const {
  return data_->review_string(i, kLanguage);
}
Verification Snapshot::verification(std::size_t i) const {
  return static_cast<Verification>(data_->u8(kVerification, i));
}
bool Snapshot::incentivized(std::size_t i) const {
  return (data_->u8(kFlags, i) & kFlagIncentivized) != 0;
}
bool Snapshot::featured(std::size_t i) const { return (data_->u8(kFlags, i) & kFlagFeatured) != 0; }
Recommends Snapshot::recommends(std::size_t i) const {
  return static_cast<Recommends>((data_->u8(kFlags, i) & kRecommendsMask) >> kRecommendsShift);
}
std::string_view Snapshot::source(std::size_t i) const { return data_->review_string(i, kSource); }
std::uint32_t Snapshot::helpful_up(std::size_t i) const { return data_->u32(kHelpfulUp, i); }
std::uint32_t Snapshot::helpful_down(std::size_t i) const { return data_->u32(kHelpfulDown, i); }
std::string_view Snapshot::reply_text(std::size_t i) const {
  return data_->review_string(i, kReplyText);
}
std::int64_t Snapshot::reply_time(std::size_t i) const { return data_->i64(kReplyTime, i); }
std::size_t Snapshot::media_count(std::size_t i) const {
  return data_->u32(kMediaStart, i + 1) - data_->u32(kMediaStart, i);
}

std::size_t Snapshot::topic_count() const { return data_->counts.topic_names; }
std::string_view Snapshot::topic_name(std::size_t t) const {
  return data_->str(data_->ref_at(kTopicNames, t));
}
std::size_t Snapshot::find_topic(std::string_view name) const {
  for (std::size_t t = 0; t < topic_count(); ++t) {
    if (topic_name(t) == name) return t;
  }
  return npos;
}
bool Snapshot::has_topic(std::size_t i, std::size_t topic_id) const {
  for (std::uint32_t k = data_->u32(kTopicStart, i); k < data_->u32(kTopicStart, i + 1); ++k) {
    if (data_->u32(kTopicId, k) == topic_id) return true;
  }
  return false;
}
std::vector<std::uint32_t> Snapshot::topic_ids(std::size_t i) const {
  std::vector<std::uint32_t> ids;
  for (std::uint32_t k = data_->u32(kTopicStart, i); k < data_->u32(kTopicStart, i + 1); ++k)
    ids.push_back(data_->u32(kTopicId, k));
  return ids;
}

std::size_t Snapshot::aspect_name_count() const { return data_->counts.aspect_names; }
std::string_view Snapshot::aspect_name(std::size_t a) const {
  return data_->str(data_->ref_at(kAspectNames, a));
}
std::size_t Snapshot::find_aspect(std::string_view name) const {
  for (std::size_t a = 0; a < aspect_name_count(); ++a) {
    if (aspect_name(a) == name) return a;
  }
  return npos;
}
std::uint8_t Snapshot::aspect_value(std::size_t i, std::size_t aspect_id) const {
  for (std::uint32_t k = data_->u32(kAspectStart, i); k < data_->u32(kAspectStart, i + 1); ++k) {
    if (data_->u32(kAspectNameId, k) == aspect_id) return data_->u8(kAspectValue, k);
  }
  return 0;
}

Review Snapshot::review_at(std::size_t i) const {
  Review r;
  r.id = std::string(id(i));
  r.product_id = data_->product.id;
  r.rating = rating(i);
  r.title = std::string(title(i));
  r.body = std::string(body(i));
  r.author = std::string(author(i));
  r.created = created(i);
  r.updated = updated(i);
  r.language = std::string(language(i));
  r.verification = verification(i);
  r.incentivized = incentivized(i);
  r.source = std::string(source(i));
  for (std::uint32_t m = data_->u32(kMediaStart, i); m < data_->u32(kMediaStart, i + 1); ++m) {
    Media media;
    media.kind = static_cast<Media::Kind>(data_->u8(kMediaKind, m));
    media.url = std::string(data_->str(data_->ref_at(kMediaUrl, m)));
    media.width = data_->u32(kMediaSize, 2 * std::size_t{m});
    media.height = data_->u32(kMediaSize, 2 * std::size_t{m} + 1);
    r.media.push_back(std::move(media));
  }
  for (std::uint32_t a = data_->u32(kAspectStart, i); a < data_->u32(kAspectStart, i + 1); ++a) {
    r.aspects.push_back(AspectRating{std::string(aspect_name(data_->u32(kAspectNameId, a))),
                                     data_->u8(kAspectValue, a)});
  }
  r.recommends = recommends(i);
  r.helpful_up = helpful_up(i);
  r.helpful_down = helpful_down(i);
  r.reply.text = std::string(reply_text(i));
  r.reply.time = reply_time(i);
  r.featured = featured(i);
  for (std::uint32_t t = data_->u32(kTopicStart, i); t < data_->u32(kTopicStart, i + 1); ++t)
    r.topics.emplace_back(topic_name(data_->u32(kTopicId, t)));
  return r;
}

std::string Snapshot::to_binary() const {
  return std::string(reinterpret_cast<const char*>(data_->bytes()), data_->byte_size);
}

std::string Snapshot::to_json() const {
  std::string out;
  out.reserve(data_->counts.string_bytes + 400 * size() + 200);
  auto member = [&out](const char* name) {
    out += '"';
    out += name;
    out += "\":";
  };
  auto text_member = [&](const char* name, std::string_view value) {
    member(name);
    append_json_string(out, value);
  };
  auto time_member = [&](const char* name, std::int64_t value) {
    member(name);
    out += '"';
    out += format_utc(value);
    out += '"';
  };
  auto bool_member = [&](const char* name, bool value) {
    member(name);
    out += value ? "true" : "false";
  };
  auto int_member = [&](const char* name, std::int64_t value) {
    member(name);
    append_int(out, value);
  };
  out += "{\"format\":\"vouch.snapshot\",\"version\":";
  append_int(out, kSnapshotJsonVersion);
  out += ",\"product\":{";
  text_member("id", product().id);
  out += ',';
  text_member("name", product().name);
  out += ',';
  text_member("url", product().url);
  out += ',';
  text_member("image", product().image);
  out += "},\"reviews\":[";
  for (std::size_t i = 0; i < size(); ++i) {
    out += i == 0 ? "\n{" : ",\n{";
    text_member("id", id(i));
    out += ',';
    int_member("rating", rating(i));
    out += ',';
    text_member("title", title(i));
    out += ',';
    text_member("body", body(i));
    out += ',';
    text_member("author", author(i));
    out += ',';
    time_member("created", created(i));
    out += ',';
    time_member("updated", updated(i));
    out += ',';
    text_member("language", language(i));
    out += ',';
    member("verification");
    out += '"';
    out += verification_name(verification(i));
    out += "\",";
    bool_member("incentivized", incentivized(i));
    out += ',';
    text_member("source", source(i));
    out += ",\"media\":[";
    for (std::uint32_t m = data_->u32(kMediaStart, i); m < data_->u32(kMediaStart, i + 1); ++m) {
      if (m != data_->u32(kMediaStart, i)) out += ',';
      out += "{\"kind\":\"";
      out += data_->u8(kMediaKind, m) == 0 ? "photo" : "video";
      out += "\",";
      text_member("url", data_->str(data_->ref_at(kMediaUrl, m)));
      out += ',';
      int_member("width", data_->u32(kMediaSize, 2 * std::size_t{m}));
      out += ',';
      int_member("height", data_->u32(kMediaSize, 2 * std::size_t{m} + 1));
      out += '}';
    }
    out += "],\"aspects\":[";
    for (std::uint32_t a = data_->u32(kAspectStart, i); a < data_->u32(kAspectStart, i + 1); ++a) {
      if (a != data_->u32(kAspectStart, i)) out += ',';
      out += '{';
      text_member("name", aspect_name(data_->u32(kAspectNameId, a)));
      out += ',';
      int_member("value", data_->u8(kAspectValue, a));
      out += '}';
    }
    out += "],";
    member("recommends");
    out += recommends(i) == Recommends::Yes  ? "true"
           : recommends(i) == Recommends::No ? "false"
                                             : "null";
    out += ',';
    int_member("helpful_up", helpful_up(i));
    out += ',';
    int_member("helpful_down", helpful_down(i));
    out += ',';
    member("reply");
    if (reply_text(i).empty() && reply_time(i) == 0) {
      out += "null";
    } else {
      out += '{';
      text_member("text", reply_text(i));
      out += ',';
      time_member("time", reply_time(i));
      out += '}';
    }
    out += ',';
    bool_member("featured", featured(i));
    out += ",\"topics\":[";
    for (std::uint32_t t = data_->u32(kTopicStart, i); t < data_->u32(kTopicStart, i + 1); ++t) {
      if (t != data_->u32(kTopicStart, i)) out += ',';
      append_json_string(out, topic_name(data_->u32(kTopicId, t)));
    }
    out += "]}";
  }
  out += "\n]}\n";
  return out;
}

// ---- times -------------------------------------------------------------------

namespace {

void append_digits(std::string& out, std::int64_t value, int width) {
  char buffer[8];
  for (int k = width - 1; k >= 0; --k) {
    buffer[k] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buffer, static_cast<std::size_t>(width));
}

bool read_digits(std::string_view text, std::size_t at, int width, unsigned& value) {
  value = 0;
  for (int k = 0; k < width; ++k) {
    const char c = text[at + static_cast<std::size_t>(k)];
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return true;
}

}  // namespace

std::string format_utc(std::int64_t t) {
  if (t < kMinTimeForFormat) t = kMinTimeForFormat;
  if (t > kMaxTimeForFormat) t = kMaxTimeForFormat;
  const std::int64_t days = days_from_unix_seconds(t);
  const std::int64_t seconds = t - days * 86400;
  const CivilDate date = civil_from_days(days);
  std::string out;
  out.reserve(20);
  append_digits(out, date.year, 4);
  out += '-';
  append_digits(out, date.month, 2);
  out += '-';
  append_digits(out, date.day, 2);
  out += 'T';
  append_digits(out, seconds / 3600, 2);
  out += ':';
  append_digits(out, seconds / 60 % 60, 2);
  out += ':';
  append_digits(out, seconds % 60, 2);
  out += 'Z';
  return out;
}

bool parse_utc(std::string_view text, std::int64_t& unix_seconds) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return false;
  }
  unsigned y, mo, d, h, mi, s;
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, mo) || !read_digits(text, 8, 2, d) ||
      !read_digits(text, 11, 2, h) || !read_digits(text, 14, 2, mi) ||
      !read_digits(text, 17, 2, s)) {
    return false;
  }
  static const unsigned kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h > 23 || mi > 59 || s > 59) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo == 2 && d == 29 && !leap) return false;
  unix_seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  return true;
}

}  // namespace vouch
