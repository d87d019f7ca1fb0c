#pragma once
// Content codings (RFC 9110 §8.4): which one a client accepts (Accept-Encoding
// with q-values) and the compressors that make them. Compression happens once
// per representation — at build time for dist/ (scripts/bundle.mjs), when a
// snapshot is cached for the API — never while answering a request.

#include <string>
#include <string_view>

namespace vouch::server::http {

enum class Coding { identity, gzip, br };

// "br", "gzip", "" for identity: the Content-Encoding value.
std::string_view coding_name(Coding coding);

// The coding to send, among those available for this representation:
// highest q first, ties broken br > gzip > identity. "*" covers codings not
// named; q=0 refuses. When nothing acceptable is available, identity (a 406
// would only break clients that sent a sloppy header).
Coding choose_coding(std::string_view accept_encoding, bool have_br, bool have_gzip);

// Whole-buffer compressors (libbrotli, zlib). Empty string on failure.
std::string brotli_compress(std::string_view data, int quality);
std::string gzip_compress(std::string_view data, int level);

}  // namespace vouch::server::http
