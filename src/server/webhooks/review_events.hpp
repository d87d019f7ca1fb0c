#pragma once
// The review events of webhook version 1 (CONTRACT): review.created and
// review.published from the submit and moderation paths, review.replied from
// the reply path, each recorded in the caller's transaction. `data` never
// holds the reviewer's e-mail address; it is in the private part, which only
// endpoints that opted in to personal data receive.

#include <cstdint>
#include <string>
#include <string_view>

#include "db.hpp"
#include "review_store.hpp"
#include "vouch/status.hpp"

namespace vouch::server::webhooks {

// `type` is review.created or review.published. The caller holds the lock.
Status announce_review(Database& db, std::string_view type, const StoredReview& stored,
                       std::int64_t now);
// review.replied: the public reply as it now stands.
Status announce_reply(Database& db, const StoredReview& stored, const std::string& text,
                      std::int64_t now);

}  // namespace vouch::server::webhooks
