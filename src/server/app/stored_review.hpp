#pragma once
// The one way a stored review is made from a validated submission, for the
// shopper's form and for import rows alike (the caller fills what only it
// knows: verification, dates, photos).

#include <string>
#include <vector>

#include "review_store.hpp"
#include "vouch/validate.hpp"

namespace vouch::server::app {

struct ReviewOrigin {
  std::string id;  // "" = a new random id
  std::string product_id;
  std::int64_t created = 0;
  std::string source;  // "web", "import:judge.me", ...
  Verification verification = Verification::UnverifiedWeb;
  std::string ip;
};

// `clean` is ValidationResult::normalized; `flags` its flags (stored as codes).
StoredReview stored_review_from(const Submission& clean, const std::vector<Flag>& flags,
                                const ReviewOrigin& origin);

// "contains_link,too_fast": each code once, in order.
std::string join_flag_codes(const std::vector<Flag>& flags);

}  // namespace vouch::server::app
