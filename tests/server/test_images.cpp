#include "test_images.hpp"

// The encoders abort the test on error (a broken helper must not pass silently).
#include <jpeglib.h>
#include <png.h>
#include <webp/encode.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace vouch_test {

namespace {

// A colour gradient: real photo-like content that compresses unevenly.
std::vector<unsigned char> rgb_pixels(std::uint32_t width, std::uint32_t height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      unsigned char* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 3];
      p[0] = static_cast<unsigned char>(x * 255 / (width ? width : 1));
      p[1] = static_cast<unsigned char>(y * 255 / (height ? height : 1));
      p[2] = static_cast<unsigned char>((x * 7 + y * 13) & 0xFF);
    }
  }
  return pixels;
}

void append_png(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}

std::uint32_t crc32(const unsigned char* data, std::size_t size) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void put_be32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (24 - 8 * i)) & 0xFF);
}

}  // namespace

std::string png_image(std::uint32_t width, std::uint32_t height, bool interlaced) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) std::abort();
  png_set_write_fn(png, &out, append_png, nullptr);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB,
               interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  std::vector<unsigned char> pixels = rgb_pixels(width, height);
  std::vector<png_bytep> rows(height);
  for (std::uint32_t y = 0; y < height; ++y)
    rows[y] = &pixels[static_cast<std::size_t>(y) * width * 3];
  png_set_rows(png, info, rows.data());
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

std::string jpeg_image(std::uint32_t width, std::uint32_t height, bool progressive) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr errors;
  cinfo.err = jpeg_std_error(&errors);  // error_exit exits the process: fine for a helper
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 85, TRUE);
  if (progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> pixels = rgb_pixels(width, height);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = &pixels[static_cast<std::size_t>(cinfo.next_scanline) * width * 3];
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(buffer), size);
  jpeg_destroy_compress(&cinfo);
  std::free(buffer);
  return out;
}

std::string webp_image(std::uint32_t width, std::uint32_t height) {
  std::vector<unsigned char> pixels = rgb_pixels(width, height);
  std::uint8_t* encoded = nullptr;
  const std::size_t size =
      WebPEncodeRGB(pixels.data(), static_cast<int>(width), static_cast<int>(height),
                    static_cast<int>(width * 3), 80.0f, &encoded);
  if (size == 0) std::abort();
  std::string out(reinterpret_cast<char*>(encoded), size);
  WebPFree(encoded);
  return out;
}

std::string png_with_declared_size(std::string png, std::uint32_t width, std::uint32_t height) {
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), 5 bytes, CRC (4).
  if (png.size() < 33 || png.compare(12, 4, "IHDR") != 0) std::abort();
  put_be32(png, 16, width);
  put_be32(png, 20, height);
  put_be32(png, 29, crc32(reinterpret_cast<const unsigned char*>(png.data()) + 12, 17));
  return png;
}

std::string jpeg_with_declared_size(std::string jpeg, std::uint16_t width, std::uint16_t height) {
  for (std::size_t at = 2; at + 9 < jpeg.size();) {
    const unsigned marker = static_cast<unsigned char>(jpeg[at + 1]);
    const std::size_t length =
        (static_cast<unsigned char>(jpeg[at + 2]) << 8) | static_cast<unsigned char>(jpeg[at + 3]);
    if (marker == 0xC0 || marker == 0xC2) {  // baseline or progressive start of frame
      jpeg[at + 5] = static_cast<char>(height >> 8);
      jpeg[at + 6] = static_cast<char>(height & 0xFF);
      jpeg[at + 7] = static_cast<char>(width >> 8);
      jpeg[at + 8] = static_cast<char>(width & 0xFF);
      return jpeg;
    }
    at += 2 + length;
  }
  std::abort();
}

}  // namespace vouch_test
