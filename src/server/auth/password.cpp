#include "auth/password.hpp"

#include <sodium.h>

namespace vouch::server::auth {

bool crypto_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

Result<std::string> hash_password(std::string_view password) {
  if (!crypto_ready()) return Error{"password", "libsodium could not start"};
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error{"password", "out of memory while hashing"};
  return std::string(out);
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
  if (!crypto_ready()) return false;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& stored_hash) {
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

namespace {

// A hash of a random password nobody knows, made once with today's limits.
const std::string& dummy_hash() {
  static const std::string dummy = [] {
    if (!crypto_ready()) return std::string();
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    Result<std::string> made =
        hash_password(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret));
    return made ? made.value() : std::string();
  }();
  return dummy;
}

}  // namespace

void prepare_dummy() { (void)dummy_hash(); }

void verify_dummy(std::string_view password) {
  if (!dummy_hash().empty()) (void)verify_password(dummy_hash(), password);
}

}  // namespace vouch::server::auth
