#include "photos.hpp"

#include <fcntl.h>
#include <unistd.h>

#include "crypto.hpp"

namespace vouch::server {

namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) |
         static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) {
  return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le16(std::string_view b, std::size_t at) {
  return static_cast<unsigned char>(b[at]) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8);
}
std::uint32_t le24(std::string_view b, std::size_t at) {
  return le16(b, at) | (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16);
}

void jpeg_size(std::string_view b, ImageInfo& info) {
  // Walk the marker segments to the first start-of-frame (SOF0..SOF15 except
  // DHT/JPG/DAC), whose payload holds height then width.
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return;
    const unsigned marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    const std::uint32_t length = be16(b, at + 2);
    if (length < 2) return;
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (at + 9 > b.size()) return;
      info.height = be16(b, at + 5);
      info.width = be16(b, at + 7);
      return;
    }
    at += 2 + length;
  }
}

void webp_size(std::string_view b, ImageInfo& info) {
  if (b.size() < 30) return;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8X") {
    info.width = le24(b, 24) + 1;
    info.height = le24(b, 27) + 1;
  } else if (chunk == "VP8L" && b.size() >= 25 && static_cast<unsigned char>(b[20]) == 0x2F) {
    const std::uint32_t bits = le16(b, 21) | (le16(b, 23) << 16);
    info.width = (bits & 0x3FFF) + 1;
    info.height = ((bits >> 14) & 0x3FFF) + 1;
  } else if (chunk == "VP8 ") {
    info.width = le16(b, 26) & 0x3FFF;
    info.height = le16(b, 28) & 0x3FFF;
  }
}

}  // namespace

ImageInfo inspect_image(std::string_view b) {
  ImageInfo info;
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") {
    info = {"image/jpeg", "jpg"};
    jpeg_size(b, info);
  } else if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) {
    info = {"image/png", "png"};
    if (b.size() >= 24 && b.substr(12, 4) == "IHDR") {
      info.width = be32(b, 16);
      info.height = be32(b, 20);
    }
  } else if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") {
    info = {"image/webp", "webp"};
    webp_size(b, info);
  }
  return info;
}

std::string_view photo_content_type(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  const std::string_view ext = name.substr(dot + 1);
  if (ext == "jpg") return "image/jpeg";
  if (ext == "png") return "image/png";
  if (ext == "webp") return "image/webp";
  return "";
}

bool is_photo_name(std::string_view name) {
  const std::size_t dot = name.find('.');
  if (dot != 32 || photo_content_type(name).empty()) return false;
  for (std::size_t i = 0; i < 32; ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<std::string> store_photo(const std::string& dir, std::string_view bytes,
                                std::string_view extension) {
  const std::string name = random_hex(16) + "." + std::string(extension);
  const std::string path = dir + "/" + name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return Error{"photos", "cannot store photo"};
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != bytes.size() || !synced) {
    ::unlink(path.c_str());
    return Error{"photos", "cannot store photo"};
  }
  return name;
}

}  // namespace vouch::server
