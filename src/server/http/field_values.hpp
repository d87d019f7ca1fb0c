#pragma once
// Pieces of HTTP field-value syntax (RFC 9110 §5.6) that more than one header
// check reads, so each has one definition.

#include <string>
#include <string_view>

namespace vouch::server::http {

// `text` without leading and trailing optional whitespace (OWS: spaces, tabs).
std::string_view trim_ows(std::string_view text);

// Whether an If-None-Match field names `etag` (quoted): "*" matches any, weak
// tags compare by their opaque part (weak comparison, RFC 9110 §13.1.2).
bool etag_listed(const std::string& if_none_match, const std::string& etag);

}  // namespace vouch::server::http
