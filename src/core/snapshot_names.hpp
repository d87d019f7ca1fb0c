#pragma once
// Limits the JSON format shares between the writer and the loader. (Its enum
// names, verification_name/parse_verification, are public: vouch/model.hpp.)

#include <cstdint>

#include "snapshot_rules.hpp"
#include "vouch/model.hpp"

namespace vouch::detail {

inline constexpr std::int64_t kMinTimeForFormat = kMinTime;
inline constexpr std::int64_t kMaxTimeForFormat = kMaxTime;

}  // namespace vouch::detail
