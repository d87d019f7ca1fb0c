#pragma once
// The random values of a console session. The cookie secret goes to the
// browser only; the database keeps its hash, so a copy of the database (a
// backup, a leak) cannot be replayed as a login.

#include <string>
#include <string_view>

namespace vouch::server::auth {

// 32 random bytes as base64url without padding: 43 characters.
std::string random_token();
// Does `text` look like random_token() output (length and alphabet)?
bool is_token_shaped(std::string_view text);
// BLAKE2b-256 (crypto_generichash) of the cookie secret, raw 32 bytes.
std::string secret_hash(std::string_view secret);

}  // namespace vouch::server::auth
