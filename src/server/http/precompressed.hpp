#pragma once
// A representation compressed once, when it was made (a cached snapshot), and
// the answer that picks the variant the client accepts. Each variant is its
// own entity: its own ETag (RFC 9110 §8.8.3), and `Vary: Accept-Encoding`.

#include <httplib.h>

#include <string>
#include <string_view>

namespace vouch::server::http {

struct Precompressed {
  std::string br;    // empty: not worth it (no smaller than identity) or failed
  std::string gzip;  // likewise
};

// brotli and gzip of `identity`, each kept only when smaller.
Precompressed precompress(std::string_view identity);

// Sets ETag (`etag_base` + a coding suffix, quoted), Vary, Content-Encoding
// and the body; answers 304 when If-None-Match names the chosen variant.
// `vary` is the route's own Vary list ("Accept"), Accept-Encoding is added.
void send_precompressed(const httplib::Request& req, httplib::Response& res,
                        const std::string& identity, const Precompressed& encoded,
                        const std::string& etag_base, const char* content_type,
                        const std::string& vary);

}  // namespace vouch::server::http
