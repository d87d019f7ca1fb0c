#pragma once
// The validator's rule checks, shared by every kind of submission (reviews in
// validate.cpp, questions and answers in validate_qa.cpp): one owner for text
// hygiene, names, e-mail, consent, the spam/abuse signals and the form-only
// checks (honeypot, time to fill). Internal to the core.

#include <algorithm>
#include <string>

#include "content_signals.hpp"
#include "vouch/email.hpp"
#include "vouch/review_rules.hpp"
#include "vouch/text.hpp"
#include "vouch/validate.hpp"

namespace vouch::detail {

// Display names nobody may use (the store's own name is added from the context).
inline const char* const kReservedNames[] = {"Verified Buyer",    "Verified Purchase",
                                             "Verified Customer", "Admin",
                                             "Administrator",     "Store Owner",
                                             "Shop Owner",        "Owner",
                                             "Moderator",         "Staff",
                                             "Support",           "Customer Service"};

inline constexpr std::size_t kMaxSubmissionBytes = 1u << 20;

inline std::string str(std::uint64_t n) { return std::to_string(n); }

class Checker {
 public:
  Checker(const Policy& policy, const ValidationContext& context, ValidationResult& result)
      : policy_(policy), context_(context), result_(result) {}

  void error(std::string field, std::string code, i18n::Params params = {}) {
    result_.errors.push_back({std::move(field), std::move(code), std::move(params)});
  }
  void flag(std::string code, std::string field, std::string detail) {
    result_.flags.push_back({std::move(code), std::move(field), std::move(detail)});
  }
  // A content rule: refuses a shopper's submission (the shopper can fix it),
  // but an import row is a real review already written: it is kept and held
  // for a moderator with the rule as its flag (issue 12, C3).
  void content(std::string field, std::string code, i18n::Params params, std::string detail) {
    if (context_.mode == ValidationMode::Import)
      flag(std::move(code), std::move(field), std::move(detail));
    else
      error(std::move(field), std::move(code), std::move(params));
  }

  // Presence and length (grapheme clusters) of a cleaned text field.
  void length(const char* field, const std::string& value, const LengthRule& rule) {
    if (value.empty()) {
      if (rule.required) error(field, "required");
      return;
    }
    const std::size_t n = text::count_graphemes(value);
    if (n < rule.min) error(field, "too_short", {{"min", str(rule.min)}, {"actual", str(n)}});
    if (n > rule.max)
      content(field, "too_long", {{"max", str(rule.max)}, {"actual", str(n)}},
              str(n) + " > " + str(rule.max));
  }

  void rating(const std::optional<std::int64_t>& rating) {
    if (!rating) return error("rating", "required");
    if (*rating < policy_.rating_min || *rating > policy_.rating_max)
      error("rating", "out_of_range",
            {{"min", str(policy_.rating_min)}, {"max", str(policy_.rating_max)}});
  }

  void aspects(const std::vector<SubmittedAspect>& aspects) {
    for (std::size_t i = 0; i < aspects.size(); ++i) {
      const SubmittedAspect& a = aspects[i];
      const std::string field = "aspects." + a.name;
      const bool known = std::find(policy_.aspects.begin(), policy_.aspects.end(), a.name) !=
                         policy_.aspects.end();
      const bool duplicate =
          std::any_of(aspects.begin(), aspects.begin() + i,
                      [&](const SubmittedAspect& b) { return b.name == a.name; });
      if (!known)
        error(field, "unknown_aspect", {{"name", a.name}});
      else if (duplicate)
        error(field, "duplicate_aspect", {{"name", a.name}});
      else if (a.value < 1 || a.value > 5)
        error(field, "out_of_range", {{"name", a.name}, {"min", "1"}, {"max", "5"}});
    }
  }

  void author(const std::string& raw, std::string& clean) {
    // Direction overrides can make a name render as something else: refuse.
    if (text::has_bidi_control(raw))
      content("author", "bidi_control", {}, "U+202A..U+202E/U+2066..U+2069");
    clean = text::trim(text::strip_zero_width(text::clean_line(raw)));
    length("author", clean, policy_.author);
    if (clean.empty()) return;
    std::vector<std::string> reserved(std::begin(kReservedNames), std::end(kReservedNames));
    reserved.insert(reserved.end(), policy_.reserved_names.begin(), policy_.reserved_names.end());
    if (!context_.store_name.empty()) reserved.push_back(context_.store_name);
    const std::string key = text::confusable_key(clean);
    for (const std::string& name : reserved) {
      if (!key.empty() && key == text::confusable_key(name)) {
        content("author", "impersonation", {{"name", name}}, name);
        break;
      }
    }
  }

  void email(const std::string& raw, std::string& clean) {
    clean = text::trim(text::strip_controls(raw));
    if (clean.empty()) {
      if (policy_.email_required && context_.mode == ValidationMode::Form)
        error("email", "required");
      return;
    }
    if (!is_valid_email(clean)) content("email", "invalid_email", {}, clean);
  }

  // Normalised to BCP 47 here ("en_US" -> "en-US"), so what is stored always
  // passes check_review (vouch/review_rules.hpp).
  void language(const std::string& raw, std::string& clean) {
    std::optional<std::string> tag = normalize_language_tag(raw);
    if (!tag) {
      // An import keeps the review without the unreadable tag.
      clean = context_.mode == ValidationMode::Import ? "" : text::trim(raw);
      return content("language", "invalid_language", {}, text::trim(raw));
    }
    clean = std::move(*tag);
  }

  // Consent to the store's terms: part of the submission so that the server,
  // not only the form, refuses a review without it (policy.consent_required).
  void consent(const std::optional<bool>& given) {
    if (!policy_.consent_required || context_.mode != ValidationMode::Form) return;
    if (!given.value_or(false)) error("consent", "required");
  }

  void photos(const std::vector<SubmittedPhoto>& photos) {
    if (photos.size() > policy_.photos.max_count)
      error("photos", "too_many_photos",
            {{"max", str(policy_.photos.max_count)}, {"actual", str(photos.size())}});
    for (std::size_t i = 0; i < photos.size(); ++i) {
      const SubmittedPhoto& p = photos[i];
      const std::string field = "photos[" + str(i) + "]";
      const auto& types = policy_.photos.types;
      if (!p.type.empty() && std::find(types.begin(), types.end(), p.type) == types.end())
        error(field, "photo_type", {{"index", str(i)}, {"type", p.type}});
      if (p.bytes > policy_.photos.max_bytes)
        error(
            field, "photo_too_large",
            {{"index", str(i)}, {"max", str(policy_.photos.max_bytes)}, {"actual", str(p.bytes)}});
    }
  }

  // Spam and abuse signals on one free-text field (already cleaned).
  void signals(const char* field, const std::string& value) {
    if (value.empty()) return;
    if (std::string link = find_link(value); !link.empty()) {
      if (policy_.links_allowed || context_.mode == ValidationMode::Import)
        flag("contains_link", field, link);
      else
        error(field, "links_not_allowed", {{"link", link}});
    }
    if (std::string address = find_email_address(value); !address.empty())
      flag("contains_email", field, address);
    if (std::string phone = find_phone_number(value); !phone.empty())
      flag("contains_phone", field, phone);
    if (std::string run = find_repeated_character(value, policy_.spam.repeated_char_run);
        !run.empty())
      flag("repeated_characters", field, run);
    if (std::string word = find_repeated_word(value, policy_.spam.repeated_word_run); !word.empty())
      flag("repeated_words", field, word);
    if (std::string ratio =
            find_shouting(value, policy_.spam.shouting_min_letters, policy_.spam.shouting_percent);
        !ratio.empty())
      flag("shouting", field, ratio);
    if (std::string words = find_profanity(value, policy_); !words.empty())
      flag("profanity", field, words);
  }

  // `field` is where the text came from ("body", a question's "text").
  void near_duplicate(const char* field, const std::string& text) {
    if (text.empty()) return;
    const Fingerprint mine = text_fingerprint(text);
    std::uint32_t best = 0;
    std::size_t best_index = 0;
    std::size_t index = 0;
    const auto consider = [&](const Fingerprint& other) {
      const std::uint32_t r = resemblance_percent(mine, other);
      if (r > best) best = r, best_index = index;
      ++index;
    };
    for (const std::string& text : context_.existing_texts) consider(text_fingerprint(text));
    for (const Fingerprint& fp : context_.existing_fingerprints) consider(fp);
    if (best >= policy_.spam.near_duplicate_percent)
      flag("near_duplicate", field, str(best) + "% like existing review " + str(best_index));
  }

  // `honeypot`: the value of the policy's honeypot field in the submission.
  void form_only(const std::string& honeypot) {
    if (context_.mode != ValidationMode::Form) return;
    if (!text::trim(honeypot).empty()) flag("honeypot", policy_.honeypot_field, "filled");
    const std::int64_t min_ms = std::int64_t{policy_.min_fill_seconds} * 1000;
    if (context_.elapsed_ms >= 0 && context_.elapsed_ms < min_ms)
      flag("too_fast", "",
           str(static_cast<std::uint64_t>(context_.elapsed_ms)) + " ms < " + str(min_ms) + " ms");
  }

 private:
  const Policy& policy_;
  const ValidationContext& context_;
  ValidationResult& result_;
};

}  // namespace vouch::detail
