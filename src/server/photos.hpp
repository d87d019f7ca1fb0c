#pragma once
// Uploaded photos, from the bytes of a multipart part to a file the API serves.
//
// Checks: the content decides the type and the size (image_probe.hpp decodes
// it; the declared Content-Type and file name are ignored).
// URLs: built from the configured public_url only, never from the request
// (a Host header is the client's to choose); without public_url no photo is
// taken (docs/decisions.md "Photo URLs").
// Crash safety: a photo is written and fsynced as <name>.part, the review's
// transaction commits, then the file is renamed to <name>. A crash before the
// commit leaves only a .part with no row; a crash after it leaves a .part whose
// row exists. recover_photo_dir() at start completes the second and removes
// the first, so no orphan stays and no referenced photo is lost.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "db.hpp"
#include "vouch/status.hpp"
#include "vouch/validate.hpp"

namespace vouch::server {

struct CheckedPhoto {
  std::string content_type;  // "" = no JPEG/PNG/WebP magic: the core's photo_type rule refuses it
  std::string extension;     // jpg, png, webp
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::string_view image;  // the bytes to store: the image without bytes after its end
  // photos[index]: photo_unreadable {index,type} or
  // photo_too_large_pixels {index,width,height,max_megapixels,max_side}.
  std::optional<FieldError> error;
};

CheckedPhoto check_photo(std::string_view bytes, std::size_t index, const Limits& limits);

// photos_not_accepted on "photos" when the config cannot give photos a URL.
std::optional<FieldError> photo_uploads_unavailable(const Config& config);

// The public URL of a stored photo: public_url + "/api/v1/photos/" + name.
std::string photo_url(const Config& config, std::string_view name);

// Content type for a stored file name by its extension ("" when unknown).
std::string_view photo_content_type(std::string_view name);

// A stored file name is 32 lowercase hex characters + "." + a known extension.
bool is_photo_name(std::string_view name);

// Writes bytes to dir/<random>.<ext>.part with fsync and returns <random>.<ext>,
// the name to record in the review's transaction.
Result<std::string> stage_photo(const std::string& dir, std::string_view bytes,
                                std::string_view extension);
// After the commit: renames each .part to its name and fsyncs the directory.
// A failure is logged; the next start completes it (the row is committed).
void publish_staged_photos(const std::string& dir, const std::vector<std::string>& names);
// Instead of the commit (validation or database failure): removes the .part files.
void discard_staged_photos(const std::string& dir, const std::vector<std::string>& names);

// At start. Files younger than the grace period are left alone: another
// process sharing the directory (a rolling restart) may still be uploading.
inline constexpr std::int64_t kPhotoSweepGraceSeconds = 15 * 60;

struct PhotoRecovery {
  std::size_t completed = 0;        // .part with a committed row: renamed into place
  std::size_t removed_staged = 0;   // .part without a row (crash before the commit)
  std::size_t removed_orphans = 0;  // a photo file no row refers to
  std::size_t rebased_urls = 0;     // stored photo URLs rewritten onto public_url
};

// Sweeps the upload directory as above, then (when public_url is set) rewrites
// the URLs of uploaded photos stored by older versions — built from a request's
// Host, or from an earlier public_url — onto public_url.
Result<PhotoRecovery> recover_photo_dir(Database& db, const Config& config, std::int64_t now);

}  // namespace vouch::server
