#pragma once
// Validation of a review submission against a store Policy: the SAME function
// runs in the shopper's browser (wasm, as a courtesy while typing) and on the
// server (the law, for every submission and every import row).
//
// Verdict = errors (the submission is refused, HTTP 422) + flags (accepted but
// sent to moderation with a reason) + the normalized submission that the server
// stores. No rule looks at the star rating except the rating range itself
// (US FTC rule 16 CFR 465); a test checks verdicts do not change with it.
// Codes, JSON shapes and normalisations: docs/validation.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/i18n.hpp"
#include "vouch/policy.hpp"
#include "vouch/status.hpp"

namespace vouch {

// ---- the submission --------------------------------------------------------
struct SubmittedPhoto {
  std::string type;         // MIME type as declared ("image/jpeg"); the server
                            // should pass the sniffed type (sniff_image_type)
  std::uint64_t bytes = 0;  // size in bytes
  std::string name;         // file name, informational only
};

struct SubmittedAspect {
  std::string name;
  std::int64_t value = 0;
};

// Parsed from a JSON object (the form and the API send JSON):
//   {"rating": 5, "title": "...", "body": "...", "author": "...",
//    "email": "...", "aspects": {"fit": 4}, "recommends": true,
//    "language": "en", "consent": true, "photos": [{"type": "image/png", "bytes": 1234,
//    "name": "a.png"}], "<policy.honeypot_field>": ""}
// Absent keys and JSON null mean "not given". Other top-level keys (product_id,
// token, ...) are ignored: they belong to the transport, not to the review.
struct Submission {
  std::optional<std::int64_t> rating;
  std::string title;
  std::string body;
  std::string author;
  std::string email;
  std::vector<SubmittedAspect> aspects;  // in input order
  std::optional<bool> recommends;
  // The shopper ticked "I agree" (policy.consent_required, form mode). Absent
  // or false is the `required` error on field "consent".
  std::optional<bool> consent;
  std::string language;  // normalised to BCP 47 by the validator ("en_US" -> "en-US")
  std::vector<SubmittedPhoto> photos;
  std::string honeypot;  // value of the policy's honeypot field, "" when absent
};

// ---- the context -----------------------------------------------------------
// Form: a shopper submitted through the widget. Import: a row from another
// review app (issue 6): honeypot, time-to-fill and "e-mail required" are skipped.
enum class ValidationMode : std::uint8_t { Form = 0, Import = 1 };

// Shingle fingerprint of a text for near-duplicate detection: sorted, unique
// 32-bit hashes of word 3-grams (Latin etc.) or character 3-grams (CJK), taken
// after case folding, NFC and dropping punctuation/space differences. A text
// too short for one shingle gets one hash of its whole folded form.
using Fingerprint = std::vector<std::uint32_t>;
Fingerprint text_fingerprint(std::string_view utf8);
// Resemblance |A∩B| / |A∪B| in percent (0..100); 100 for identical folded texts.
std::uint32_t resemblance_percent(const Fingerprint& a, const Fingerprint& b);

struct ValidationContext {
  ValidationMode mode = ValidationMode::Form;
  std::string store_name;  // display names confusable with it are refused
  // Existing reviews of the same product, as bodies and/or precomputed
  // fingerprints (the server stores text_fingerprint of each body).
  std::vector<std::string> existing_texts;
  std::vector<Fingerprint> existing_fingerprints;
  // Milliseconds between the form being opened and submitted, as the client
  // says; -1 = unknown (no too_fast flag then). Advisory only: the client can
  // send any number, so too_fast never holds a review alone (see
  // holds_for_moderation and docs/decisions.md).
  std::int64_t elapsed_ms = -1;
};

// ---- the verdict -----------------------------------------------------------
// Stable machine codes. Errors (field -> code):
//   ""       invalid_utf8 {offset}, invalid_json, wrong_type (input is not an
//            object), too_large {max,actual} (over 1 MiB)
//   any      required, wrong_type, too_short {min,actual}, too_long {max,actual}
//   rating   out_of_range {min,max}
//   aspects  unknown_aspect {name}, out_of_range {name,min,max}, duplicate_aspect {name}
//   author   bidi_control, impersonation {name}
//   email    invalid_email
//   consent  required (form mode, policy.consent_required)
//   language invalid_language (not a BCP 47 tag after normalisation)
//   title/body  links_not_allowed
//   photos   too_many_photos {max,actual}, photo_type {index,type},
//            photo_too_large {index,max,actual}
// Flags (code, field, detail): contains_link, contains_email, contains_phone,
//   repeated_characters, repeated_words, shouting, profanity, bidi_control,
//   honeypot, too_fast, near_duplicate.
// Import mode keeps a real review that breaks a content rule and holds it for
// a moderator instead: too_long, impersonation, bidi_control (author),
// invalid_email and invalid_language (the tag is dropped) are flags there, and
// a link is contains_link whatever links_allowed says. Only rows that are not
// a review (no rating, no text) or cannot be read stay errors.
struct FieldError {
  std::string field;  // "body", "aspects.fit", "photos[2]", "" for the whole input
  std::string code;
  i18n::Params params;  // values are decimal integers or plain strings
};

struct Flag {
  std::string code;
  std::string field;   // where it was seen ("body"), "" when not about a field
  std::string detail;  // what was seen (the link, the word, "1200 ms < 4000 ms")
};

struct ValidationResult {
  bool ok = false;  // no errors (flags do not make ok false)
  std::vector<FieldError> errors;
  std::vector<Flag> flags;
  Submission normalized;  // the cleaned submission (meaningful when ok)
};

// True when the flags should hold a review for a moderator: any flag except
// the advisory too_fast (a client-reported time, recorded for moderators but
// never decisive alone).
bool holds_for_moderation(const std::vector<Flag>& flags);

// Parses the submission JSON. Errors: invalid_utf8 / invalid_json / wrong_type
// (with the field path). Used by validate_submission_json; exposed for the server.
Result<Submission> parse_submission(std::string_view json, const Policy& policy,
                                    std::vector<FieldError>* type_errors);

// Validates a parsed submission.
ValidationResult validate_submission(const Submission& submission, const Policy& policy,
                                     const ValidationContext& context);

// Bytes in, verdict out: parses then validates. Parse failures are errors in
// the result (ok=false), never a crash.
ValidationResult validate_submission_json(std::string_view submission_json, const Policy& policy,
                                          const ValidationContext& context);

// Context from JSON: {"mode": "form"|"import", "store_name": "...",
// "existing_texts": ["..."], "existing_fingerprints": [[1,2,3]], "elapsed_ms": 5300}.
// Strict like parse_policy.
Result<ValidationContext> parse_context(std::string_view json);

// The verdict as JSON:
// {"ok":false,"errors":[{"field":"body","code":"too_short","params":{"min":10,
//  "actual":3},"message":"..."}],"flags":[{"code":"contains_link","field":"body",
//  "detail":"http://x.io","message":"..."}],"normalized":{...submission keys...}}
// Integer-looking params are JSON numbers. Messages are in `locale`.
std::string result_to_json(const ValidationResult& result, i18n::Locale locale);

// The localized message for an error or flag code with its params
// ("Please write at least 10 characters"). Unknown codes give the code itself.
std::string validation_message(std::string_view code, const i18n::Params& params,
                               i18n::Locale locale);

// "image/jpeg", "image/png", "image/webp" from the first bytes of a file, or
// "" when it is none of them (the server checks uploads with this).
std::string_view sniff_image_type(std::string_view bytes);

}  // namespace vouch
