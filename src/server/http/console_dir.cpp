#include "http/console_dir.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>

namespace vouch::server::http {

namespace {

bool has_index(const std::string& dir) {
  struct stat info {};
  return ::stat((dir + "/index.html").c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string parent_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// An explicitly named folder must hold index.html: a typo is reported, not
// silently replaced by another console found further down the list.
ConsoleDir named(const std::string& dir, const char* source) {
  if (has_index(dir)) return ConsoleDir{dir, source, ""};
  return ConsoleDir{"", source, dir + "/index.html is missing"};
}

}  // namespace

ConsoleDir find_console_dir(const std::string& configured, const char* env,
                            const std::string& exe_path) {
  if (!configured.empty()) return named(configured, "config console_dir");
  if (env != nullptr && *env != '\0') return named(env, "VOUCH_CONSOLE_DIR");
  if (exe_path.empty()) return ConsoleDir{"", "", "the executable's path is unknown"};
  const std::string exe_dir = parent_of(exe_path);
  std::string dir = exe_dir;
  for (int level = 0; level <= 5; ++level) {
    if (has_index(dir + "/dist/admin")) return ConsoleDir{dir + "/dist/admin", "build tree", ""};
    if (dir == "/") break;
    dir = parent_of(dir);
  }
  const std::string installed = exe_dir + "/../share/vouch/admin";
  if (has_index(installed)) return ConsoleDir{installed, "installed share/vouch/admin", ""};
  return ConsoleDir{"", "", "no dist/admin/index.html near " + exe_dir + " (run npm run build)"};
}

std::string self_exe_path() {
  char buffer[PATH_MAX];
  const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (length <= 0) return "";
  return std::string(buffer, static_cast<std::size_t>(length));
}

std::string describe(const ConsoleDir& found) {
  if (!found.dir.empty())
    return "owner console at /admin/ from " + found.dir + " (" + found.source + ")";
  return "owner console not available: " +
         (found.source.empty() ? found.problem : found.source + ": " + found.problem);
}

}  // namespace vouch::server::http
