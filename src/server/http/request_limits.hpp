#pragma once
// Checks on a request's head that libmicrohttpd 0.9.75 does not make itself
// (docs/decisions.md lists what it does): header count and total size, and
// message framing per RFC 9112 §6 — one Content-Length, Transfer-Encoding only
// as "chunked" last, never both. A request failing them is answered before its
// body is read, and the connection is closed (its framing cannot be trusted).

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace vouch::server::http {

struct HeaderLimits {
  std::size_t max_count = 100;        // header fields
  std::size_t max_bytes = 16 * 1024;  // names + values + ": " + CRLF, summed
};

struct Refusal {
  int status = 400;
  std::string code;
  std::string message;
};

// 431 when the head has too many fields or too many bytes.
std::optional<Refusal> check_header_block(const httplib::Headers& headers,
                                          const HeaderLimits& limits);

// How the body is delimited, once the framing is known to be sound.
struct Framing {
  bool chunked = false;
  std::optional<std::uint64_t> content_length;  // nullopt: none declared
};

// 400 for differing or malformed Content-Lengths, Content-Length with
// Transfer-Encoding, or chunked not the final coding; 501 for a transfer
// coding we do not decode (anything but chunked).
std::optional<Refusal> check_framing(const httplib::Headers& headers, Framing& framing);

// 413 when the declared length is over the route's limit (before reading it).
std::optional<Refusal> check_declared_length(const Framing& framing, std::size_t limit);

// The 413 for a body that grew past the limit while it was read.
Refusal body_too_large(std::size_t limit);

}  // namespace vouch::server::http
