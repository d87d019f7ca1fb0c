#pragma once
// Limits the JSON format shares between the writer and the loader. (Its enum
// names, verification_name/parse_verification, are public: vouch/model.hpp.)

#include <cstdint>

#include "vouch/model.hpp"
#include "vouch/review_rules.hpp"

namespace vouch::detail {

inline constexpr std::int64_t kMinTimeForFormat = kMinReviewTime;
inline constexpr std::int64_t kMaxTimeForFormat = kMaxReviewTime;

}  // namespace vouch::detail
