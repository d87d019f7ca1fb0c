#pragma once
// Where the owner console's built files (index.html, console.js, console.css)
// are: found at start-up so `vouch-server serve` shows the console at /admin/
// with no flag. Order: the config key console_dir, then $VOUCH_CONSOLE_DIR,
// then dist/admin/ in the executable's folder or up to 5 folders above it (a
// build tree inside a checkout: build/native/src/server/vouch-server finds
// repo/dist/admin), then <exe_dir>/../share/vouch/admin (an installed binary).

#include <string>

namespace vouch::server::http {

struct ConsoleDir {
  std::string dir;      // "" = not found: the console is not served
  std::string source;   // "config console_dir", "VOUCH_CONSOLE_DIR", "next to the executable"...
  std::string problem;  // why an explicitly named folder is unusable (then dir is "")
};

// `configured` = Config::console_dir, `env` = the variable's value or nullptr,
// `exe_path` = the running binary (self_exe_path()).
ConsoleDir find_console_dir(const std::string& configured, const char* env,
                            const std::string& exe_path);

// /proc/self/exe resolved; "" when it cannot be read.
std::string self_exe_path();

// The one line `serve` logs about the console.
std::string describe(const ConsoleDir& found);

}  // namespace vouch::server::http
