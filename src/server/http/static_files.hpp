#pragma once
// Mounted directories (--mount /prefix/=DIR): the widget's dist/ and the demo.
// Paths arrive decoded and free of control characters (target.hpp); here they
// are refused when a segment is "..", mapped to a regular file under the
// directory, typed by their extension, and answered with a precompressed
// sibling (FILE.br, FILE.gz written by scripts/bundle.mjs) when the client
// accepts it. A file without a sibling goes out as it is: nothing is
// compressed per request.

#include <httplib.h>

#include <string>
#include <utility>
#include <vector>

#include "http/reply.hpp"

namespace vouch::server::http {

// Per mount: the widget's files are public (any origin may read them); the
// owner console's are not, and carry their own CSP and framing headers.
struct MountOptions {
  bool cors = true;  // Access-Control-Allow-Origin: *
  std::vector<std::pair<std::string, std::string>> headers;
};

class StaticFiles {
 public:
  void mount(const std::string& prefix, const std::string& dir, MountOptions options = {});

  enum class Outcome {
    served,    // the reply is filled: 200 or 304
    bad_path,  // under a mount, but no file could have that name (400 if no route takes it)
    no_file,   // no mounted file by that name: routing goes on (as a "/" mount needs)
  };
  Outcome serve(const httplib::Request& req, Reply& reply) const;

 private:
  struct Mount {
    std::string prefix;  // ends with '/'
    std::string dir;
    MountOptions options;
  };
  std::vector<Mount> mounts_;
};

// "text/javascript" for "vouch.js"...; application/octet-stream when unknown.
std::string content_type_for(const std::string& file_name);

}  // namespace vouch::server::http
