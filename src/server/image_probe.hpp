#pragma once
// What an uploaded file really is, decided by decoding it with the format's own
// library (libpng, libjpeg-turbo, libwebp), never by its declared type, name or
// magic number alone. Order of checks, so a hostile file costs little:
//   1. magic bytes pick the decoder (anything else: not an image we take);
//   2. the header gives the real dimensions, checked against the pixel limit
//      BEFORE any pixel is decoded (a 60000x60000 header is refused here);
//   3. the whole image is decoded and thrown away, a row at a time (small
//      memory; JPEG and WebP at 1/8 scale): a file that is only a magic number,
//      truncated, or damaged so that the decoder has to invent data is refused.
// Bytes after the image's end (a polyglot's payload, a phone's appended video)
// are not part of the photo: `length` says where the image ends, and only that
// prefix is stored.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vouch::server {

// No side may be longer than this, whatever the pixel limit: it bounds the one
// row buffer the check decodes into, and WebP itself stops at 16383.
inline constexpr std::uint32_t kMaxPhotoSide = 16384;

enum class ImageVerdict {
  Ok,
  NotImage,       // no JPEG/PNG/WebP magic: the core's photo_type rule answers
  TooManyPixels,  // header dimensions over the limit (width/height are set)
  Unreadable,     // the decoder refused it (detail says why)
};

struct ProbedImage {
  ImageVerdict verdict = ImageVerdict::NotImage;
  std::string content_type;  // image/jpeg, image/png, image/webp ("" for NotImage)
  std::string extension;     // jpg, png, webp
  std::uint32_t width = 0;   // from the header (0 when it could not be read)
  std::uint32_t height = 0;
  std::size_t length = 0;  // bytes of the image itself (Ok only; <= input size)
  std::string detail;      // the decoder's reason, for logs (English, not for shoppers)
};

// `max_pixels` is Limits::max_photo_pixels (config.hpp): the one owner of the limit.
ProbedImage probe_image(std::string_view bytes, std::uint64_t max_pixels);

}  // namespace vouch::server
