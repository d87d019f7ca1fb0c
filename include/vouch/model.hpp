#pragma once
// The public review model: what a shopper may see. E-mail and IP address are
// deliberately absent; they live only in the server's database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vouch {

// How we know the reviewer is who the badge says (EU Omnibus: say how reviews
// are checked). Only a real check may produce VerifiedPurchase.
enum class Verification : std::uint8_t {
  UnverifiedWeb = 0,     // written on the store's page, no purchase check
  VerifiedPurchase = 1,  // came through an HMAC-signed review link for an order
  Imported = 2,          // imported from another app; `source` names it
  Staff = 3,             // written by the store's staff
};

// The names the snapshot format gives these values (docs/snapshot-format.md):
// unverified_web, verified_purchase, imported, staff.
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

enum class Recommends : std::uint8_t { Unset = 0, Yes = 1, No = 2 };

struct Media {
  enum class Kind : std::uint8_t { Photo = 0, Video = 1 };
  Kind kind = Kind::Photo;
  std::string url;          // http/https only; anything else is rejected on load
  std::uint32_t width = 0;  // 0 when unknown (videos, imported photos)
  std::uint32_t height = 0;
};

struct AspectRating {
  std::string name;        // "quality", "shipping", "service", "fit", ...
  std::uint8_t value = 0;  // 1..5
};

struct MerchantReply {
  std::string text;       // empty: no reply
  std::int64_t time = 0;  // seconds since the Unix epoch, UTC
};

struct Review {
  std::string id;
  std::string product_id;
  std::uint8_t rating = 0;  // 1..5
  std::string title;
  std::string body;
  std::string author;        // display name only
  std::int64_t created = 0;  // seconds since the Unix epoch, UTC
  std::int64_t updated = 0;
  std::string language;  // BCP 47 tag, "" when unknown
  Verification verification = Verification::UnverifiedWeb;
  bool incentivized = false;  // labelled in the widget (FTC, EU)
  std::string source;         // "web", "invited", "import:judge.me", ...
  std::vector<Media> media;
  std::vector<AspectRating> aspects;
  Recommends recommends = Recommends::Unset;
  std::uint32_t helpful_up = 0;
  std::uint32_t helpful_down = 0;
  MerchantReply reply;
  bool featured = false;
  std::vector<std::string> topics;
};

struct Product {
  std::string id;
  std::string name;
  std::string url;
  std::string image;
};

// The reasons a shopper can give for reporting a review, in the order the
// picker lists them; POST /reviews/{id}/reports accepts exactly these. One list
// for the core's picker and the server's check.
inline constexpr std::string_view kReportReasons[] = {"spam",          "off_topic", "offensive",
                                                      "personal_data", "fake",      "other"};

}  // namespace vouch
