#pragma once
// Staff passwords: libsodium's argon2id (crypto_pwhash_str), interactive
// limits. The stored string carries its own parameters, so a later change of
// limits shows up as needs_rehash and the login that proves the password
// stores a fresh hash.

#include <string>
#include <string_view>

#include "vouch/status.hpp"

namespace vouch::server::auth {

// sodium_init() once per process (thread-safe, idempotent); false when the
// library cannot start (no entropy source): then nothing here may be used.
bool crypto_ready();

Result<std::string> hash_password(std::string_view password);
bool verify_password(const std::string& stored_hash, std::string_view password);
bool needs_rehash(const std::string& stored_hash);

// Spends the time of one verification against a hash no password matches, so
// an unknown user name takes as long to refuse as a wrong password.
void verify_dummy(std::string_view password);
// Makes that hash now (the server does at start), so the first unknown name
// does not take twice as long as the others.
void prepare_dummy();

}  // namespace vouch::server::auth
