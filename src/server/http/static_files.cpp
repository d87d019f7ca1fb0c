#include "http/static_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "http/content_coding.hpp"
#include "http/field_values.hpp"
#include "http_util.hpp"

namespace vouch::server::http {

namespace {

// Opens `path` when it is a regular file; -1 otherwise.
int open_regular(const std::string& path, struct stat& info) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool has_dot_segment(const std::string& path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment = std::string_view(path).substr(start, end - start);
    if (segment == ".." || segment == "." || segment.find('\\') != std::string_view::npos)
      return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::string content_type_for(const std::string& file_name) {
  const std::size_t dot = file_name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : file_name.substr(dot + 1);
  struct Entry {
    const char* ext;
    const char* type;
  };
  static constexpr Entry kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"wasm", "application/wasm"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"webp", "image/webp"},
      {"gif", "image/gif"},
      {"ico", "image/x-icon"},
      {"txt", "text/plain; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"woff2", "font/woff2"},
      {"xml", "application/xml"},
  };
  for (const Entry& entry : kTypes) {
    if (iequals(ext, entry.ext)) return entry.type;
  }
  return "application/octet-stream";
}

void StaticFiles::mount(const std::string& prefix, const std::string& dir, MountOptions options) {
  std::string normalized = prefix;
  if (normalized.empty() || normalized.back() != '/') normalized += '/';
  mounts_.push_back(Mount{normalized, dir, std::move(options)});
}

StaticFiles::Outcome StaticFiles::serve(const httplib::Request& req, Reply& reply) const {
  if (req.method != "GET" && req.method != "HEAD") return Outcome::no_file;
  Outcome outcome = Outcome::no_file;
  // Mounts in order; the first holding the file answers (like "/dist/" before "/").
  for (const Mount& mount : mounts_) {
    if (req.path.rfind(mount.prefix, 0) != 0) continue;
    httplib::Response& res = reply.res;
    std::string sub_path = req.path.substr(mount.prefix.size());
    // A NUL would end the file name at the system call while the extension
    // after it chose the type ("vouch-core.wasm%00.html"): no control byte
    // is part of a file name we serve, and no "." or ".." segment.
    bool bad = has_dot_segment(sub_path);
    for (unsigned char c : sub_path) bad = bad || c < 0x20 || c == 0x7F;
    if (bad) {
      outcome = Outcome::bad_path;
      continue;
    }
    if (sub_path.empty() || sub_path.back() == '/') sub_path += "index.html";
    const std::string path = mount.dir + "/" + sub_path;
    struct stat info {};
    int fd = open_regular(path, info);
    if (fd < 0) continue;
    // The precompressed siblings, if the client takes them.
    struct stat br_info {
    }, gz_info{};
    const int br_fd = open_regular(path + ".br", br_info);
    const int gz_fd = open_regular(path + ".gz", gz_info);
    const Coding coding =
        choose_coding(req.get_header_value("Accept-Encoding"), br_fd >= 0, gz_fd >= 0);
    if (coding == Coding::br) {
      ::close(fd);
      fd = br_fd;
      info = br_info;
    } else if (br_fd >= 0) {
      ::close(br_fd);
    }
    if (coding == Coding::gzip) {
      ::close(fd);
      fd = gz_fd;
      info = gz_info;
    } else if (gz_fd >= 0) {
      ::close(gz_fd);
    }
    // One entity per encoding: the served file's own size and mtime.
    char etag[96];
    std::snprintf(etag, sizeof etag, "\"%llx-%llx-%s\"",
                  static_cast<unsigned long long>(info.st_size),
                  static_cast<unsigned long long>(info.st_mtim.tv_sec) * 1000000000ULL +
                      static_cast<unsigned long long>(info.st_mtim.tv_nsec),
                  coding == Coding::identity ? "id" : std::string(coding_name(coding)).c_str());
    res.set_header("ETag", etag);
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("Cache-Control", "no-cache");
    if (mount.options.cors) res.set_header("Access-Control-Allow-Origin", "*");
    for (const auto& [name, value] : mount.options.headers) res.set_header(name, value);
    res.set_header("Content-Type", content_type_for(sub_path));
    if (coding != Coding::identity)
      res.set_header("Content-Encoding", std::string(coding_name(coding)));
    if (etag_listed(req.get_header_value("If-None-Match"), etag)) {
      ::close(fd);
      res.status = 304;
      return Outcome::served;
    }
    res.status = 200;
    reply.file_fd = fd;
    reply.file_size = static_cast<std::uint64_t>(info.st_size);
    return Outcome::served;
  }
  return outcome;
}

}  // namespace vouch::server::http
