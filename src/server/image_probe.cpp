#include "image_probe.hpp"

// libpng and libjpeg report fatal errors by longjmp. The functions that call
// setjmp keep every value that must survive a jump in a job struct whose
// address the library holds (so it lives in memory, not in a register), and
// create no C++ object with a destructor after the setjmp.
#include <jpeglib.h>
#include <png.h>
#include <webp/decode.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include "vouch/validate.hpp"

namespace vouch::server {

namespace {

// Chunk and scan limits against decompression bombs that are not about pixels:
// a PNG text/ICC chunk inflating to gigabytes, a progressive JPEG with
// thousands of scans (each one a full pass over the coefficients).
constexpr png_alloc_size_t kMaxPngChunkBytes = 8u * 1024u * 1024u;
constexpr png_uint_32 kMaxPngAncillaryChunks = 1000;
constexpr int kMaxJpegScans = 500;  // libjpeg-turbo's own advice for untrusted input
// libjpeg's working memory. A progressive JPEG keeps every coefficient until
// its last scan: 2 bytes per sample, so 150 MB for 25 MP at 4:4:4 (measured:
// +74 MB for a 25 MP 4:2:0 file). The pixel limit bounds it; this caps it
// whatever the limit is configured to.
constexpr long kMaxJpegMemory = 512L * 1024L * 1024L;

bool too_many_pixels(std::uint64_t width, std::uint64_t height, std::uint64_t max_pixels) {
  return width == 0 || height == 0 || width > kMaxPhotoSide || height > kMaxPhotoSide ||
         width * height > max_pixels;
}

void copy_message(char* to, std::size_t size, const char* message) {
  std::snprintf(to, size, "%s", message ? message : "decoder error");
}

// ---- PNG --------------------------------------------------------------------

struct PngJob {
  std::string_view bytes;
  std::size_t at = 0;  // read position: after png_read_end, the end of IEND
  std::vector<png_byte> row;
  char message[200] = "";
};

void png_read_bytes(png_structp png, png_bytep out, png_size_t length) {
  auto* job = static_cast<PngJob*>(png_get_io_ptr(png));
  if (length > job->bytes.size() - job->at) png_error(png, "the file ends inside the image");
  std::memcpy(out, job->bytes.data() + job->at, length);
  job->at += length;
}

void png_fail(png_structp png, png_const_charp message) {
  auto* job = static_cast<PngJob*>(png_get_error_ptr(png));
  copy_message(job->message, sizeof job->message, message);
  png_longjmp(png, 1);
}

// Warnings are about ancillary chunks, which libpng drops: the image is intact.
void png_ignore_warning(png_structp, png_const_charp) {}

void probe_png(std::string_view bytes, std::uint64_t max_pixels, ProbedImage& image) {
  PngJob job;
  job.bytes = bytes;
  png_structp png =
      png_create_read_struct(PNG_LIBPNG_VER_STRING, &job, png_fail, png_ignore_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_read_struct(png ? &png : nullptr, nullptr, nullptr);
    image.verdict = ImageVerdict::Unreadable;
    image.detail = "out of memory";
    return;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    image.verdict = ImageVerdict::Unreadable;
    image.detail = job.message;
    return;
  }
  // libpng's own size limit would fail as a generic error; we judge the size.
  png_set_user_limits(png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
  png_set_chunk_malloc_max(png, kMaxPngChunkBytes);
  png_set_chunk_cache_max(png, kMaxPngAncillaryChunks);
  png_set_read_fn(png, &job, png_read_bytes);
  png_read_info(png, info);
  image.width = png_get_image_width(png, info);
  image.height = png_get_image_height(png, info);
  if (too_many_pixels(image.width, image.height, max_pixels)) {
    png_destroy_read_struct(&png, &info, nullptr);
    image.verdict = ImageVerdict::TooManyPixels;
    return;
  }
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  job.row.resize(png_get_rowbytes(png, info));
  // One scratch row for every row of every pass: only "does it decode" matters.
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < image.height; ++y) png_read_row(png, job.row.data(), nullptr);
  }
  png_read_end(png, nullptr);  // through IEND, checking every chunk's CRC
  png_destroy_read_struct(&png, &info, nullptr);
  image.verdict = ImageVerdict::Ok;
  image.length = job.at;
}

// ---- JPEG -------------------------------------------------------------------

struct JpegJob {
  jpeg_error_mgr errors;  // first member: libjpeg hands us &errors
  jpeg_progress_mgr progress;
  std::jmp_buf jump;
  std::vector<JSAMPLE> row;
  char message[JMSG_LENGTH_MAX] = "";
};

JpegJob* job_of(j_common_ptr cinfo) { return reinterpret_cast<JpegJob*>(cinfo->err); }

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
  (*cinfo->err->format_message)(cinfo, job_of(cinfo)->message);
  std::longjmp(job_of(cinfo)->jump, 1);
}

// A warning (level -1) means the decoder had to invent data: a premature end
// of file or of a scan, corrupt entropy data. We publish what we store, so we
// do not take files that need repairing. Trace messages (level >= 0) are noise.
void jpeg_warning(j_common_ptr cinfo, int level) {
  if (level < 0) jpeg_fail(cinfo);
}

void jpeg_count_scans(j_common_ptr cinfo) {
  auto* decompress = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (decompress->input_scan_number > kMaxJpegScans) {
    copy_message(job_of(cinfo)->message, sizeof job_of(cinfo)->message,
                 "too many progressive scans");
    std::longjmp(job_of(cinfo)->jump, 1);
  }
}

void probe_jpeg(std::string_view bytes, std::uint64_t max_pixels, ProbedImage& image) {
  JpegJob job;
  jpeg_decompress_struct cinfo{};
  cinfo.err = jpeg_std_error(&job.errors);
  job.errors.error_exit = jpeg_fail;
  job.errors.emit_message = jpeg_warning;
  job.progress.progress_monitor = jpeg_count_scans;
  if (setjmp(job.jump)) {
    jpeg_destroy_decompress(&cinfo);
    image.verdict = ImageVerdict::Unreadable;
    image.detail = job.message;
    return;
  }
  jpeg_create_decompress(&cinfo);
  cinfo.mem->max_memory_to_use = kMaxJpegMemory;
  cinfo.progress = &job.progress;
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  image.width = cinfo.image_width;
  image.height = cinfo.image_height;
  if (too_many_pixels(image.width, image.height, max_pixels)) {
    jpeg_destroy_decompress(&cinfo);
    image.verdict = ImageVerdict::TooManyPixels;
    return;
  }
  // 1/8 scale still entropy-decodes every block (all of the file is checked)
  // while skipping most of the IDCT and colour work.
  cinfo.scale_num = 1;
  cinfo.scale_denom = 8;
  cinfo.dct_method = JDCT_IFAST;
  cinfo.do_fancy_upsampling = FALSE;
  jpeg_start_decompress(&cinfo);
  job.row.resize(static_cast<std::size_t>(cinfo.output_width) *
                 static_cast<std::size_t>(cinfo.output_components));
  JSAMPROW rows[1] = {job.row.data()};
  while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, rows, 1);
  jpeg_finish_decompress(&cinfo);  // reads through EOI
  image.length = bytes.size() - cinfo.src->bytes_in_buffer;
  jpeg_destroy_decompress(&cinfo);
  image.verdict = ImageVerdict::Ok;
}

// ---- WebP -------------------------------------------------------------------

void probe_webp(std::string_view bytes, std::uint64_t max_pixels, ProbedImage& image) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  image.verdict = ImageVerdict::Unreadable;
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(data, bytes.size(), &features) != VP8_STATUS_OK) {
    image.detail = "no readable WebP header";
    return;
  }
  image.width = static_cast<std::uint32_t>(features.width);
  image.height = static_cast<std::uint32_t>(features.height);
  if (too_many_pixels(image.width, image.height, max_pixels)) {
    image.verdict = ImageVerdict::TooManyPixels;
    return;
  }
  if (features.has_animation) {
    image.detail = "animated WebP is not a photo";
    return;
  }
  // The RIFF header says where the file ends; a shorter file is truncated.
  const std::size_t riff_size =
      static_cast<std::size_t>(data[4]) | (static_cast<std::size_t>(data[5]) << 8) |
      (static_cast<std::size_t>(data[6]) << 16) | (static_cast<std::size_t>(data[7]) << 24);
  const std::size_t length = riff_size + 8 + (riff_size & 1);
  if (riff_size < 4 || length > bytes.size()) {
    image.detail = "the file ends inside the image";
    return;
  }
  WebPDecoderConfig config;
  if (!WebPInitDecoderConfig(&config)) {
    image.detail = "libwebp version mismatch";
    return;
  }
  // Scaled output: every row is decoded, into a buffer 1/64 of the image.
  config.options.use_scaling = 1;
  config.options.scaled_width = std::max(1, features.width / 8);
  config.options.scaled_height = std::max(1, features.height / 8);
  config.output.colorspace = MODE_RGBA;
  const VP8StatusCode status = WebPDecode(data, length, &config);
  WebPFreeDecBuffer(&config.output);
  if (status != VP8_STATUS_OK) {
    image.detail = "WebP decoder status " + std::to_string(static_cast<int>(status));
    return;
  }
  image.verdict = ImageVerdict::Ok;
  image.length = length;
}

}  // namespace

ProbedImage probe_image(std::string_view bytes, std::uint64_t max_pixels) {
  ProbedImage image;
  image.content_type = std::string(sniff_image_type(bytes));
  if (image.content_type == "image/png") {
    image.extension = "png";
    probe_png(bytes, max_pixels, image);
  } else if (image.content_type == "image/jpeg") {
    image.extension = "jpg";
    probe_jpeg(bytes, max_pixels, image);
  } else if (image.content_type == "image/webp") {
    image.extension = "webp";
    probe_webp(bytes, max_pixels, image);
  }
  return image;
}

}  // namespace vouch::server
