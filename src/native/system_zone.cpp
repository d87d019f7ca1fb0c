// TZif (RFC 8536) reading for the response clock's ZoneOffsets.

#include "system_zone.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace vouch::native {

namespace {

class Bytes {
 public:
  explicit Bytes(std::string_view s) : s_(s) {}
  bool has(std::size_t n) const { return pos_ <= s_.size() && s_.size() - pos_ >= n; }
  std::uint64_t be(std::size_t n) {  // caller checked has(n)
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(s_[pos_ + i]);
    pos_ += n;
    return v;
  }
  void skip(std::size_t n) { pos_ += n; }
  std::size_t pos() const { return pos_; }
  std::string_view rest() const { return pos_ < s_.size() ? s_.substr(pos_) : std::string_view(); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

struct Header {
  char version = 0;
  std::uint64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

bool read_header(Bytes& b, Header& h) {
  if (!b.has(44)) return false;
  if (b.be(4) != 0x545A6966) return false;  // "TZif"
  h.version = static_cast<char>(b.be(1));
  b.skip(15);
  h.isut = b.be(4);
  h.isstd = b.be(4);
  h.leap = b.be(4);
  h.time = b.be(4);
  h.type = b.be(4);
  h.chars = b.be(4);
  return true;
}

std::uint64_t block_size(const Header& h, std::size_t time_bytes) {
  return h.time * time_bytes + h.time + h.type * 6 + h.chars + h.leap * (time_bytes + 4) + h.isstd +
         h.isut;
}

}  // namespace

Result<TzifZone> parse_tzif(std::string_view bytes) {
  Bytes b(bytes);
  Header h;
  if (!bytes.empty() && bytes.size() < 4) return Error{"tzif", "truncated"};
  if (!read_header(b, h)) {
    if (bytes.size() >= 4 && bytes.substr(0, 4) == "TZif") return Error{"tzif", "truncated"};
    return Error{"tzif", "not a TZif file"};
  }
  // Counts come from the file: bound them before any arithmetic on them.
  if (h.time > 100000 || h.type > 256 || h.chars > 65536 || h.leap > 10000 || h.isstd > 256 ||
      h.isut > 256 || h.type == 0)
    return Error{"tzif", "implausible counts in the header"};
  std::size_t time_bytes = 4;
  if (h.version >= '2') {  // skip the v1 block: the v2 one has 64-bit times
    const std::uint64_t v1 = block_size(h, 4);
    if (!b.has(v1)) return Error{"tzif", "truncated"};
    b.skip(v1);
    if (!read_header(b, h)) return Error{"tzif", "truncated"};
    if (h.time > 100000 || h.type > 256 || h.chars > 65536 || h.leap > 10000 || h.isstd > 256 ||
        h.isut > 256 || h.type == 0)
      return Error{"tzif", "implausible counts in the header"};
    time_bytes = 8;
  }
  if (!b.has(block_size(h, time_bytes))) return Error{"tzif", "truncated"};
  TzifZone zone;
  std::vector<std::int64_t> times(h.time);
  for (auto& t : times) {
    const std::uint64_t raw = b.be(time_bytes);
    t = time_bytes == 8 ? static_cast<std::int64_t>(raw)
                        : static_cast<std::int64_t>(static_cast<std::int32_t>(raw));
  }
  std::vector<std::uint8_t> index(h.time);
  for (auto& i : index) i = static_cast<std::uint8_t>(b.be(1));
  std::vector<std::int32_t> offsets(h.type);
  for (auto& o : offsets) {
    o = static_cast<std::int32_t>(static_cast<std::uint32_t>(b.be(4)));
    b.skip(2);  // isdst, abbreviation index
    if (o < -26 * 3600 || o > 26 * 3600) return Error{"tzif", "offset out of range"};
  }
  b.skip(h.chars + h.leap * (time_bytes + 4) + h.isstd + h.isut);
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (index[i] >= offsets.size()) return Error{"tzif", "transition type out of range"};
    if (i > 0 && times[i] <= times[i - 1]) return Error{"tzif", "transitions not ascending"};
  }
  zone.transitions_ = std::move(times);
  for (std::uint8_t i : index) zone.offset_after_.push_back(offsets[i]);
  zone.offset_before_ = offsets[0];
  if (time_bytes == 8) {
    const std::string_view rest = b.rest();
    if (rest.size() >= 2 && rest[0] == '\n') {
      const std::size_t end = rest.find('\n', 1);
      if (end == std::string_view::npos) return Error{"tzif footer", "no closing newline"};
      zone.footer_ = std::string(rest.substr(1, end - 1));
      if (!zone.footer_.empty()) {
        auto rule = clock::parse_posix_tz(zone.footer_);
        if (!rule) return Error{"tzif footer", rule.error().to_string()};
        zone.rule_ = rule.value();
        zone.has_rule_ = true;
      }
    }
  }
  return zone;
}

std::int32_t TzifZone::utc_offset_at(clock::UnixSeconds utc) const {
  if (transitions_.empty() || utc < transitions_.front())
    return transitions_.empty() && has_rule_ ? clock::PosixZone(rule_).utc_offset_at(utc)
                                             : offset_before_;
  if (utc >= transitions_.back() && has_rule_) return clock::PosixZone(rule_).utc_offset_at(utc);
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
  return offset_after_[static_cast<std::size_t>(it - transitions_.begin()) - 1];
}

Result<TzifZone> load_system_zone(std::string_view name, const std::string& zoneinfo_dir) {
  const Error bad{"time_zone", "expected an IANA zone name such as Europe/Berlin"};
  if (name.empty() || name.size() > 100 || name.front() == '/' || name.back() == '/') return bad;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/') {
      const std::string_view part = name.substr(part_start, i - part_start);
      if (part.empty() || part.front() == '.' || part.front() == '-') return bad;
      part_start = i + 1;
      continue;
    }
    const char c = name[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '+' || c == '-';
    if (!ok) return bad;
  }
  const std::string path = zoneinfo_dir + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{"time_zone", "unknown time zone " + std::string(name) + " (no " + path + ")"};
  std::ostringstream content;
  content << in.rdbuf();
  const std::string bytes = content.str();
  if (bytes.size() > (1u << 20)) return Error{"time_zone", "zone file too large: " + path};
  auto zone = parse_tzif(bytes);
  if (!zone) return Error{"time_zone", path + ": " + zone.error().to_string()};
  return zone;
}

}  // namespace vouch::native
