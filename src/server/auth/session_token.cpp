#include "auth/session_token.hpp"

#include <sodium.h>

#include "auth/password.hpp"
#include "crypto.hpp"

namespace vouch::server::auth {

std::string random_token() {
  (void)crypto_ready();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

bool is_token_shaped(std::string_view text) {
  if (text.size() != 43) return false;
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string secret_hash(std::string_view secret) {
  (void)crypto_ready();
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

}  // namespace vouch::server::auth
