#include "http/request_limits.hpp"

#include <charconv>
#include <string_view>
#include <vector>

#include "http/field_values.hpp"
#include "http_util.hpp"

namespace vouch::server::http {

namespace {

// Every comma-separated element of every field named `name`, in order; empty
// elements kept (so "chunked," is visible).
std::vector<std::string> list_elements(const httplib::Headers& headers, const char* name) {
  std::vector<std::string> elements;
  auto [begin, end] = headers.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    std::string_view value = it->second;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string_view::npos) comma = value.size();
      elements.emplace_back(trim_ows(value.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return elements;
}

}  // namespace

std::optional<Refusal> check_header_block(const httplib::Headers& headers,
                                          const HeaderLimits& limits) {
  if (headers.size() > limits.max_count) {
    return Refusal{431, "header_fields_too_large",
                   "the request has " + std::to_string(headers.size()) +
                       " header fields; at most " + std::to_string(limits.max_count) +
                       " are accepted"};
  }
  std::size_t bytes = 0;
  for (const auto& [name, value] : headers) bytes += name.size() + value.size() + 4;
  if (bytes > limits.max_bytes) {
    return Refusal{431, "header_fields_too_large",
                   "the request's header fields take " + std::to_string(bytes) +
                       " bytes; at most " + std::to_string(limits.max_bytes) + " are accepted"};
  }
  return std::nullopt;
}

std::optional<Refusal> check_framing(const httplib::Headers& headers, Framing& framing) {
  const std::vector<std::string> codings = list_elements(headers, "Transfer-Encoding");
  const std::vector<std::string> lengths = list_elements(headers, "Content-Length");
  if (!codings.empty()) {
    if (!lengths.empty()) {
      return Refusal{400, "bad_framing",
                     "Content-Length and Transfer-Encoding together (RFC 9112 §6.3)"};
    }
    // RFC 9112 §6.3: chunked must be the final coding, else the length is unknowable.
    if (!iequals(codings.back(), "chunked")) {
      return Refusal{400, "bad_framing",
                     "Transfer-Encoding must end with chunked (got \"" + codings.back() + "\")"};
    }
    for (std::size_t i = 0; i + 1 < codings.size(); ++i) {
      // RFC 9112 §6.1: chunked at most once; any other coding we do not decode -> 501.
      if (iequals(codings[i], "chunked"))
        return Refusal{400, "bad_framing", "chunked applied more than once"};
      return Refusal{501, "unsupported_transfer_coding",
                     "transfer coding \"" + codings[i] + "\" is not supported; send chunked only"};
    }
    framing.chunked = true;
    return std::nullopt;
  }
  for (const std::string& text : lengths) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      return Refusal{400, "bad_framing", "Content-Length \"" + text + "\" is not a number"};
    }
    if (framing.content_length && *framing.content_length != value) {
      return Refusal{400, "bad_framing", "differing Content-Length values"};
    }
    framing.content_length = value;
  }
  return std::nullopt;
}

std::optional<Refusal> check_declared_length(const Framing& framing, std::size_t limit) {
  if (framing.content_length && *framing.content_length > limit) return body_too_large(limit);
  return std::nullopt;
}

Refusal body_too_large(std::size_t limit) {
  return Refusal{413, "payload_too_large",
                 "request body larger than " + std::to_string(limit) + " bytes"};
}

}  // namespace vouch::server::http
