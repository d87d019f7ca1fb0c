#include "photos.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "crypto.hpp"
#include "image_probe.hpp"

namespace vouch::server {

namespace {

using json = nlohmann::json;

constexpr std::string_view kPhotoPath = "/api/v1/photos/";
constexpr std::string_view kStagedSuffix = ".part";

// Test hook on the real write path: VOUCH_TEST_CRASH_AT=<point> makes the
// process SIGKILL itself there, so a test can check what a crash leaves.
// Points: "photo_staged" (file fsynced, review not committed) and
// "photo_committed" (review committed, file not yet renamed).
void crash_point(const char* point) {
  const char* at = std::getenv("VOUCH_TEST_CRASH_AT");
  if (at && std::strcmp(at, point) == 0) std::raise(SIGKILL);
}

std::string megapixels(std::size_t pixels) {
  char text[32];
  if (pixels % 1000000 == 0)
    std::snprintf(text, sizeof text, "%zu", pixels / 1000000);
  else
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / 1e6);
  return text;
}

bool fsync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

CheckedPhoto check_photo(std::string_view bytes, std::size_t index, const Limits& limits) {
  const ProbedImage probed = probe_image(bytes, limits.max_photo_pixels);
  CheckedPhoto photo;
  photo.content_type = probed.content_type;
  photo.extension = probed.extension;
  photo.width = probed.width;
  photo.height = probed.height;
  const std::string field = "photos[" + std::to_string(index) + "]";
  switch (probed.verdict) {
    case ImageVerdict::Ok:
      photo.image = bytes.substr(0, probed.length);
      break;
    case ImageVerdict::NotImage:
      break;
    case ImageVerdict::TooManyPixels:
      photo.error = FieldError{field,
                               "photo_too_large_pixels",
                               {{"index", std::to_string(index)},
                                {"width", std::to_string(probed.width)},
                                {"height", std::to_string(probed.height)},
                                {"max_megapixels", megapixels(limits.max_photo_pixels)},
                                {"max_side", std::to_string(kMaxPhotoSide)}}};
      break;
    case ImageVerdict::Unreadable:
      photo.error = FieldError{field,
                               "photo_unreadable",
                               {{"index", std::to_string(index)}, {"type", probed.content_type}}};
      break;
  }
  return photo;
}

std::optional<FieldError> photo_uploads_unavailable(const Config& config) {
  if (!config.public_url.empty()) return std::nullopt;
  return FieldError{"photos", "photos_not_accepted", {}};
}

std::string photo_url(const Config& config, std::string_view name) {
  return config.public_url + std::string(kPhotoPath) + std::string(name);
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

Result<std::string> stage_photo(const std::string& dir, std::string_view bytes,
                                std::string_view extension) {
  const std::string name = random_hex(16) + "." + std::string(extension);
  const std::string path = dir + "/" + name + std::string(kStagedSuffix);
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
  crash_point("photo_staged");
  return name;
}

void publish_staged_photos(const std::string& dir, const std::vector<std::string>& names) {
  if (names.empty()) return;
  crash_point("photo_committed");
  for (const std::string& name : names) {
    const std::string path = dir + "/" + name;
    if (::rename((path + std::string(kStagedSuffix)).c_str(), path.c_str()) != 0)
      std::fprintf(stderr, "vouch-server: photo %s: rename failed (%s); completed at next start\n",
                   name.c_str(), std::strerror(errno));
  }
  if (!fsync_dir(dir))
    std::fprintf(stderr, "vouch-server: %s: fsync of the directory failed\n", dir.c_str());
}

void discard_staged_photos(const std::string& dir, const std::vector<std::string>& names) {
  for (const std::string& name : names)
    ::unlink((dir + "/" + name + std::string(kStagedSuffix)).c_str());
}

namespace {

Result<std::set<std::string>> referenced_photos(Database& db) {
  std::set<std::string> names;
  Statement query(db.handle(), "SELECT name FROM photos");
  while (query.step()) names.insert(query.text(0));
  if (query.failed()) return Error{"sql", query.error_message()};
  return names;
}

Status sweep(const std::string& dir, const std::set<std::string>& referenced, std::int64_t now,
             PhotoRecovery& report) {
  DIR* listing = ::opendir(dir.c_str());
  if (!listing) return Error{dir, "cannot read the upload directory"};
  std::vector<std::string> entries;
  while (const dirent* entry = ::readdir(listing)) entries.emplace_back(entry->d_name);
  ::closedir(listing);
  bool changed = false;
  for (const std::string& entry : entries) {
    const bool staged = ends_with(entry, kStagedSuffix);
    const std::string name = staged ? entry.substr(0, entry.size() - kStagedSuffix.size()) : entry;
    if (!is_photo_name(name)) continue;  // not ours: leave it
    const std::string path = dir + "/" + entry;
    if (staged && referenced.count(name)) {
      // The review committed but the rename was lost: finish it.
      if (::rename(path.c_str(), (dir + "/" + name).c_str()) == 0) {
        ++report.completed;
        changed = true;
      }
      continue;
    }
    if (referenced.count(name)) continue;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || now - info.st_mtime < kPhotoSweepGraceSeconds) continue;
    if (::unlink(path.c_str()) == 0) {
      ++(staged ? report.removed_staged : report.removed_orphans);
      changed = true;
    }
  }
  if (changed && !fsync_dir(dir)) return Error{dir, "fsync of the upload directory failed"};
  return Ok{};
}

// Rewrites media URLs of this server's uploads (path /api/v1/photos/<name>,
// <name> a photo of that review) onto public_url; other URLs (imports) stay.
Result<std::size_t> rebase_urls(Database& db, const Config& config) {
  struct Row {
    std::string id;
    std::string media;
  };
  std::vector<Row> changed;
  {
    Statement query(db.handle(),
                    "SELECT r.id, r.media, group_concat(p.name, ' ') FROM reviews r "
                    "JOIN photos p ON p.review_id = r.id GROUP BY r.id");
    while (query.step()) {
      const std::string names = " " + query.text(2) + " ";
      json media = json::parse(query.text(1), nullptr, false);
      if (!media.is_array()) continue;
      bool rewritten = false;
      for (json& item : media) {
        if (!item.is_object() || !item.contains("url") || !item["url"].is_string()) continue;
        const std::string url = item["url"].get<std::string>();
        const std::size_t at = url.rfind(kPhotoPath);
        if (at == std::string::npos) continue;
        const std::string name = url.substr(at + kPhotoPath.size());
        if (!is_photo_name(name) || names.find(" " + name + " ") == std::string::npos) continue;
        const std::string wanted = photo_url(config, name);
        if (url != wanted) {
          item["url"] = wanted;
          rewritten = true;
        }
      }
      if (rewritten)
        changed.push_back(
            {query.text(0), media.dump(-1, ' ', false, json::error_handler_t::replace)});
    }
    if (query.failed()) return Error{"sql", query.error_message()};
  }
  if (changed.empty()) return std::size_t{0};
  Transaction transaction(db);
  for (const Row& row : changed) {
    Statement update(db.handle(), "UPDATE reviews SET media = ?1 WHERE id = ?2");
    update.bind(1, row.media).bind(2, row.id);
    if (Status s = update.run(); !s) return s.error();
  }
  if (Status s = transaction.commit(); !s) return s.error();
  return changed.size();
}

}  // namespace

Result<PhotoRecovery> recover_photo_dir(Database& db, const Config& config, std::int64_t now) {
  std::lock_guard<std::recursive_mutex> lock(db.mutex());
  PhotoRecovery report;
  if (!config.upload_dir.empty()) {
    Result<std::set<std::string>> referenced = referenced_photos(db);
    if (!referenced) return referenced.error();
    if (Status s = sweep(config.upload_dir, referenced.value(), now, report); !s) return s.error();
  }
  if (!config.public_url.empty()) {
    Result<std::size_t> rebased = rebase_urls(db, config);
    if (!rebased) return rebased.error();
    report.rebased_urls = rebased.value();
  }
  return report;
}

}  // namespace vouch::server
