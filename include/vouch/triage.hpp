#pragma once
// Triage of a review for the store owner's console (issue 15, item 3): what it
// is about (tags), how urgently it needs a person (priority) and how likely it
// is spam (from the validator's moderation flags). Computed by the core so the
// console, the analytics and the shopper's topic chips agree.
//
// Matching runs on folded text (the search folding, console_fold.hpp):
//   * a Latin-script term matches whole words in sequence; a trailing "*"
//     makes its last word a prefix ("defect*" = defect, defects, defective);
//   * a Han/Kana/Hangul term matches as a substring; "except" phrases that
//     contain it cancel a match they cover ("假" except "假期");
//   * a term may name a locale ("de"): it then applies only to reviews in
//     that language (primary subtag), or to reviews whose language is unknown.
// Priority (ratings 1..5, 0 = unknown):
//   urgent  an urgent term (safety, injury, allergy, fraud...) that is not negated
//   high    a problem term (defect, broken, refund...) not negated, rating <= high_max_rating
//   low     rating >= low_min_rating and no urgent or problem term
//   normal  everything else
// Negation ("not broken", "no damage", "没有破损") is recognised in simple
// cases only: a negating word up to 3 words before, in the same clause.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/status.hpp"
#include "vouch/validate.hpp"

namespace vouch::triage {

struct Term {
  std::string text;                 // as the store wrote it ("wrong item", "质量", "defect*")
  std::string locale;               // "" = any language; else "en", "zh", "ja", "es", "fr", "de"
  std::vector<std::string> except;  // longer phrases in which the term does not count
};

struct TagDefinition {
  std::string id;     // stable id stored with reviews: [a-z0-9_-]{1,32}
  std::string label;  // shown to staff (the store may rename it)
  std::vector<Term> terms;
};

struct TriageConfig {
  std::vector<TagDefinition> tags;
  std::vector<Term> urgent_terms;
  std::vector<Term> problem_terms;
  int high_max_rating = 2;
  int low_min_rating = 4;
};

// The built-in tags quality, logistics, service, fit, value, packaging,
// suggestion and the urgent/problem terms, for en, zh-CN, zh-TW, ja, es, fr, de.
const TriageConfig& default_triage_config();

// The "triage" object of vouch.json. Every key optional; a given key replaces
// the default whole ("tags" replaces all tags: start from
// triage_config_to_json(default_triage_config()) to edit the defaults).
//   {"tags": [{"id": "quality", "label": "Quality",
//              "terms": ["defect*", {"text": "gift", "locale": "en"},
//                        {"text": "假", "except": ["假期"]}]}],
//    "urgent_terms": [...], "problem_terms": [...],
//    "high_max_rating": 2, "low_min_rating": 4}
// Errors carry the path: "triage.tags[2].terms[0]: expected a non-empty string".
Result<TriageConfig> parse_triage_config(std::string_view json);
std::string triage_config_to_json(const TriageConfig& config);

enum class Priority : std::uint8_t { Low, Normal, High, Urgent };
const char* priority_name(Priority priority);  // "low", "normal", "high", "urgent"

// From the validator's flags: high = honeypot or near_duplicate, or three or
// more signals; medium = a link, too_fast, bidi_control, or two signals;
// low = one other signal (e-mail, phone, shouting, repetition, profanity).
enum class SpamRisk : std::uint8_t { None, Low, Medium, High };
const char* spam_risk_name(SpamRisk risk);  // "none", "low", "medium", "high"
SpamRisk spam_risk_from_flags(const std::vector<Flag>& flags);

struct MatchedTerm {
  std::string rule;       // a tag id, or "urgent" / "problem"
  std::string term;       // the term as configured
  std::string field;      // "title" or "body"
  std::size_t begin = 0;  // byte span in that field
  std::size_t end = 0;
  bool negated = false;  // counted for tags, not for priority
};

struct Triage {
  std::vector<std::string> tags;  // tag ids in configuration order
  Priority priority = Priority::Normal;
  SpamRisk spam = SpamRisk::None;
  std::vector<MatchedTerm> evidence;  // in field then text order
};

struct ReviewText {
  std::string_view title;
  std::string_view body;
  int rating = 0;             // 1..5, 0 = unknown (a question)
  std::string_view language;  // BCP 47 ("de-AT"), "" = unknown
  const std::vector<Flag>* flags = nullptr;
};

// The configuration compiled once (terms folded) for many reviews.
class Tagger {
 public:
  explicit Tagger(const TriageConfig& config);
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Text that is not UTF-8 gets no tags (the validator refuses it anyway).
  Triage run(const ReviewText& review) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

// One-off convenience: Tagger(config).run(review).
Triage triage_review(const ReviewText& review,
                     const TriageConfig& config = default_triage_config());

}  // namespace vouch::triage
