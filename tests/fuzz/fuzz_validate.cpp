// libFuzzer: the submission validator and the text primitives under it.
// The same bytes are tried as a submission, a policy and a context; valid UTF-8
// also goes through every text function. Invariants: no sanitizer report,
// ok == no errors, the normalisations are idempotent (validating the
// normalized submission changes nothing), NFC and clean_text are idempotent,
// grapheme boundaries are strictly increasing code-point boundaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "validate_api.hpp"
#include "vouch/policy.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"
#include "vouch/validate.hpp"

namespace {

void check(bool condition) {
  if (!condition) __builtin_trap();
}

void text_invariants(std::string_view text) {
  using namespace vouch::text;
  const std::string composed = nfc(text);
  check(vouch::utf8::is_valid(composed));
  check(nfc(composed) == composed);
  check(nfc(nfd(text)) == composed);
  const std::string cleaned = clean_text(text);
  check(clean_text(cleaned) == cleaned);
  const std::string line = clean_line(text);
  check(clean_line(line) == line);
  const auto bounds = grapheme_boundaries(text);
  check(bounds.front() == 0 && bounds.back() == text.size());
  for (std::size_t i = 1; i < bounds.size(); ++i) check(bounds[i] > bounds[i - 1]);
  check(count_graphemes(text) + 1 == bounds.size());
  const std::size_t half = grapheme_prefix_bytes(text, bounds.size() / 2);
  check(vouch::utf8::is_valid(text.substr(0, half)));
  (void)confusable_key(text);
  (void)skeleton(text);
  (void)vouch::text_fingerprint(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)vouch::parse_policy(bytes);
  (void)vouch::parse_context(bytes);
  if (vouch::utf8::is_valid(bytes)) text_invariants(bytes);

  vouch::Policy policy;
  policy.links_allowed = size % 2 == 0;  // both link paths
  vouch::ValidationContext context;
  context.mode = size % 3 == 0 ? vouch::ValidationMode::Import : vouch::ValidationMode::Form;
  context.store_name = "Acme Outfitters";
  context.existing_texts = {"Lovely soft fabric, runs a little small.", "质量很好，推荐购买。"};
  context.elapsed_ms = 1500;
  const vouch::ValidationResult result = vouch::validate_submission_json(bytes, policy, context);
  check(result.ok == result.errors.empty());
  if (result.ok) {
    const vouch::ValidationResult again =
        vouch::validate_submission(result.normalized, policy, context);
    check(again.ok);
    check(again.normalized.title == result.normalized.title);
    check(again.normalized.body == result.normalized.body);
    check(again.normalized.author == result.normalized.author);
    check(again.normalized.email == result.normalized.email);
  }
  const std::string json =
      vouch::result_to_json(result, static_cast<vouch::i18n::Locale>(size % 7));
  check(vouch::utf8::is_valid(json));
  (void)vouch::facade::validate_submission(std::string(bytes), "", "", "ja");
  return 0;
}
