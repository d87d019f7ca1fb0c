#include "stored_review.hpp"

#include "crypto.hpp"

namespace vouch::server::app {

std::string join_flag_codes(const std::vector<Flag>& flags) {
  std::vector<std::string> seen;
  std::string joined;
  for (const Flag& flag : flags) {
    bool repeated = false;
    for (const std::string& code : seen) repeated = repeated || code == flag.code;
    if (repeated) continue;
    seen.push_back(flag.code);
    if (!joined.empty()) joined += ',';
    joined += flag.code;
  }
  return joined;
}

StoredReview stored_review_from(const Submission& clean, const std::vector<Flag>& flags,
                                const ReviewOrigin& origin) {
  StoredReview stored;
  Review& review = stored.review;
  review.id = origin.id.empty() ? "r" + random_hex(12) : origin.id;
  review.product_id = origin.product_id;
  review.rating = static_cast<std::uint8_t>(clean.rating.value_or(0));
  review.title = clean.title;
  review.body = clean.body;
  review.author = clean.author;
  review.language = clean.language;
  review.created = origin.created;
  review.updated = origin.created;
  review.source = origin.source;
  review.verification = origin.verification;
  review.recommends = !clean.recommends ? Recommends::Unset
                                        : (*clean.recommends ? Recommends::Yes : Recommends::No);
  for (const SubmittedAspect& aspect : clean.aspects)
    review.aspects.push_back({aspect.name, static_cast<std::uint8_t>(aspect.value)});
  stored.email = clean.email;
  stored.ip = origin.ip;
  stored.flags = join_flag_codes(flags);
  return stored;
}

}  // namespace vouch::server::app
