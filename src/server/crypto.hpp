#pragma once
// The few cryptographic primitives the server needs, over OpenSSL's libcrypto.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vouch::server {

// RFC 4648 §5 base64url without padding; decoding refuses padding, whitespace
// and any character outside the alphabet.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

// Raw 32-byte HMAC-SHA256 / SHA-256.
std::string hmac_sha256(std::string_view key, std::string_view message);
std::string sha256(std::string_view bytes);
std::string hex(std::string_view bytes);

// `count` bytes from the OS CSPRNG, as lowercase hex (2*count characters).
std::string random_hex(std::size_t count);

// Compares without an early exit, so the time taken says nothing about where
// two secrets differ (admin tokens, HMAC tags).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace vouch::server
