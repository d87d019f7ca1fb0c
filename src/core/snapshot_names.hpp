#pragma once
// Names the JSON format uses for enum values, shared by the writer and the loader.

#include <cstdint>
#include <optional>
#include <string_view>

#include "snapshot_rules.hpp"
#include "vouch/model.hpp"

namespace vouch::detail {

inline constexpr std::int64_t kMinTimeForFormat = kMinTime;
inline constexpr std::int64_t kMaxTimeForFormat = kMaxTime;

inline std::string_view verification_name(Verification v) {
  switch (v) {
    case Verification::VerifiedPurchase:
      return "verified_purchase";
    case Verification::Imported:
      return "imported";
    case Verification::Staff:
      return "staff";
    case Verification::UnverifiedWeb:
      break;
  }
  return "unverified_web";
}

inline std::optional<Verification> parse_verification(std::string_view name) {
  if (name == "unverified_web") return Verification::UnverifiedWeb;
  if (name == "verified_purchase") return Verification::VerifiedPurchase;
  if (name == "imported") return Verification::Imported;
  if (name == "staff") return Verification::Staff;
  return std::nullopt;
}

}  // namespace vouch::detail
