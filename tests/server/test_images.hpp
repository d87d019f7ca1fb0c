#pragma once
// Real image files for the photo tests, encoded in memory with libpng,
// libjpeg-turbo and libwebp (the libraries the server decodes with), and the
// hostile variants built from them: headers that lie about the size, files cut
// short, polyglots.

#include <cstdint>
#include <string>

namespace vouch_test {

std::string png_image(std::uint32_t width, std::uint32_t height, bool interlaced = false);
std::string jpeg_image(std::uint32_t width, std::uint32_t height, bool progressive = false);
std::string webp_image(std::uint32_t width, std::uint32_t height);

// The same file with IHDR saying width x height (its CRC recomputed, so only
// the size lies).
std::string png_with_declared_size(std::string png, std::uint32_t width, std::uint32_t height);
// The same file with its start-of-frame saying width x height.
std::string jpeg_with_declared_size(std::string jpeg, std::uint16_t width, std::uint16_t height);

}  // namespace vouch_test
