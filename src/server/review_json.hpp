#pragma once
// JSON views of a stored review: the admin view (everything, incl. e-mail)
// and the export format (docs/api.md "Vouch JSON export").

#include "http_util.hpp"
#include "review_store.hpp"

namespace vouch::server {

json admin_review_json(const StoredReview& stored);
// The name the admin view and the export give a verification state: "unverified",
// "verified_purchase", "imported", "staff".
std::string_view api_verification_name(Verification verification);

}  // namespace vouch::server
