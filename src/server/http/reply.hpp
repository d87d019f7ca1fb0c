#pragma once
// What a request is answered with: httplib's Response value (status, headers,
// body) or, for a mounted file, an open descriptor the transport sends with
// sendfile and then closes.

#include <httplib.h>

#include <cstdint>

namespace vouch::server::http {

struct Reply {
  httplib::Response res;
  int file_fd = -1;  // owned; when >= 0 it is the body (res.body unused)
  std::uint64_t file_size = 0;
  bool close = false;  // send Connection: close (framing of the rest is unknown)
};

}  // namespace vouch::server::http
