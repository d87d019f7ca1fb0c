#pragma once
// Uploaded photos: the content decides the type (magic bytes; the declared
// Content-Type and file name are ignored), files get random names, and the
// pixel size is read from the header so the widget can reserve space.

#include <cstdint>
#include <string>
#include <string_view>

#include "vouch/status.hpp"

namespace vouch::server {

struct ImageInfo {
  std::string content_type;  // image/jpeg, image/png, image/webp; "" = not an image we accept
  std::string extension;     // jpg, png, webp
  std::uint32_t width = 0;   // 0 when the header does not say
  std::uint32_t height = 0;
};

ImageInfo inspect_image(std::string_view bytes);

// Content type for a stored file name by its extension ("" when unknown).
std::string_view photo_content_type(std::string_view name);

// A stored file name is 32 lowercase hex characters + "." + a known extension.
bool is_photo_name(std::string_view name);

// Writes bytes to dir/<random>.<ext> with fsync (a 201 covers the photo too).
Result<std::string> store_photo(const std::string& dir, std::string_view bytes,
                                std::string_view extension);

}  // namespace vouch::server
