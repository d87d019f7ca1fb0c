#pragma once
// A store's submission policy: what a review must contain and which spam
// signals are raised. Loaded from JSON; every key is optional and falls back to
// the safe default below; a key with a wrong type or value is an Error with its
// path ("body.max: expected integer 1..100000"), never silently ignored.
// Unknown keys are errors too (a typo must not turn a check off).
// No policy setting can depend on the star rating (US FTC rule 16 CFR 465).
// Documented with its JSON shape in docs/validation.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/status.hpp"

namespace vouch {

// Length bounds in grapheme clusters (user-perceived characters).
struct LengthRule {
  bool required = false;
  std::uint32_t min = 0;  // checked only when the field is present and non-empty
  std::uint32_t max = 0;
};

// The one owner of photo limits: the form checks them in the browser and the
// server reads the same values (its request-size limits follow from them).
struct PhotoRule {
  std::uint32_t max_count = 5;
  // Allowed MIME types, from {"image/jpeg", "image/png", "image/webp"}.
  std::vector<std::string> types = {"image/jpeg", "image/png", "image/webp"};
  std::uint64_t max_bytes = 5u * 1024u * 1024u;  // per photo
};

// Thresholds of the spam signals (each raises a flag, never an error).
struct SpamRule {
  std::uint32_t repeated_char_run = 8;        // same character this many times in a row
  std::uint32_t repeated_word_run = 4;        // same word this many times in a row
  std::uint32_t shouting_min_letters = 20;    // SHOUTING needs at least this many cased letters
  std::uint32_t shouting_percent = 70;        // ... and this share of them upper case
  std::uint32_t near_duplicate_percent = 80;  // shingle resemblance that counts as a duplicate
};

struct Policy {
  LengthRule title{false, 0, 150};
  LengthRule body{true, 10, 5000};
  LengthRule author{true, 2, 50};
  // Product questions and their answers (issue 17, vouch/qa.hpp): the text is
  // always required, so their JSON members hold only "min" and "max". Every
  // other rule (hygiene, author, e-mail, consent, spam, profanity, honeypot,
  // time to fill) is the reviews' own.
  LengthRule question{true, 10, 500};
  LengthRule answer{true, 2, 2000};
  bool email_required = true;   // form mode only; a present e-mail is always checked
  std::uint8_t rating_min = 1;  // 1..5, min <= max
  std::uint8_t rating_max = 5;
  // Aspect names the form may rate (1..5 each); any other name is unknown_aspect.
  std::vector<std::string> aspects = {"quality", "value", "fit", "shipping", "service"};
  PhotoRule photos;
  bool links_allowed = false;  // false: a link in title/body is an error; true: a flag
  // Built-in profanity lists to apply, from {"en", "zh", "zh-TW"} (LDNOOBW, CC BY 4.0;
  // zh-TW is the zh list in Traditional script),
  // plus the store's own words; `profanity_allow` removes words from the lists.
  std::vector<std::string> profanity_lists = {"en", "zh", "zh-TW"};
  std::vector<std::string> profanity_extra;
  // Default allow list: list entries that are ordinary words in product reviews
  // (measured on 20,000 real clothing reviews, see docs/validation.md). "suck(s)"
  // is allowed so that blunt negative reviews are not held back more often
  // than positive ones.
  // "hard core"/"hardcore": fans and flavours ("hard-core Salt N Vinegar fans").
  std::vector<std::string> profanity_allow = {
      "boob",   "boobs",   "busty", "butt",     "camel toe", "hard core", "hardcore",
      "nipple", "nipples", "nude",  "panties",  "panty",     "poof",      "s&m",
      "sexy",   "snatch",  "spunk", "strap on", "suck",      "sucks",     "tied up",
      "tit",    "xx",      "成人"};  // "adult", as in adult sizes
  // Form mode: the shopper must tick the consent box ("consent": true in the
  // submission); the form renders the box only when this is on.
  bool consent_required = true;
  std::uint32_t min_fill_seconds = 4;      // form mode: faster submissions are flagged
  std::string honeypot_field = "website";  // form mode: a non-empty value is flagged; "" = off
  // Extra display names that nobody may use (besides "Verified Buyer", "Admin",
  // "Store Owner", "Moderator", "Staff" and the store name).
  std::vector<std::string> reserved_names;
  SpamRule spam;
};

// The defaults above (what an absent or empty "{}" policy gives).
Policy default_policy();

// Parses a policy JSON object. Strict: unknown keys, wrong types and
// out-of-range values are errors with a path.
Result<Policy> parse_policy(std::string_view json);

// The policy as JSON with every key (round-trips through parse_policy).
std::string policy_to_json(const Policy& policy);

}  // namespace vouch
