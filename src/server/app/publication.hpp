#pragma once
// The one rule for what a shopper's submission (a review, an answer) is
// stored as: the store's moderation mode and the validator's flags decide,
// never the star rating (16 CFR 465; docs/decisions.md).

#include <string>
#include <vector>

#include "config.hpp"
#include "vouch/validate.hpp"

namespace vouch::server::app {

// "pending" or "published".
std::string status_at_submission(ModerationMode mode, const std::vector<Flag>& flags);

}  // namespace vouch::server::app
