// The tagger: compiled terms run over a review's folded title and body.

#include "vouch/triage.hpp"

#include <algorithm>

#include "console_match.hpp"
#include "vouch/utf8.hpp"

namespace vouch::triage {

namespace {

struct CompiledEntry {
  console::CompiledTerm term;
  std::string text;
  std::string locale;  // primary subtag, lower case; "" = any
};

struct CompiledRule {
  std::string id;
  std::vector<CompiledEntry> entries;
};

std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return out;
}

CompiledRule compile_rule(const std::string& id, const std::vector<Term>& terms) {
  CompiledRule rule;
  rule.id = id;
  for (const Term& t : terms) {
    CompiledEntry e{console::compile_term(t.text, t.except), t.text, primary_subtag(t.locale)};
    if (!e.term.empty()) rule.entries.push_back(std::move(e));
  }
  return rule;
}

struct Field {
  const char* name;
  console::PreparedText text;
};

// Matches of one rule in the fields, appended to `evidence`; true when any.
bool run_rule(const CompiledRule& rule, const std::vector<Field>& fields,
              const std::string& language, std::vector<MatchedTerm>& evidence,
              bool* any_not_negated) {
  bool matched = false;
  for (const CompiledEntry& e : rule.entries) {
    if (!e.locale.empty() && !language.empty() && e.locale != language) continue;
    for (const Field& f : fields) {
      for (const console::Word& m : console::find_term(f.text, e.term)) {
        MatchedTerm hit;
        hit.rule = rule.id;
        hit.term = e.text;
        hit.field = f.name;
        hit.begin = f.text.folded.source_of_begin(m.begin);
        hit.end = f.text.folded.source_of_end(m.end);
        hit.negated = console::is_negated(f.text, m, e.term.cjk);
        if (any_not_negated && !hit.negated) *any_not_negated = true;
        evidence.push_back(std::move(hit));
        matched = true;
      }
    }
  }
  return matched;
}

}  // namespace

struct Tagger::Compiled {
  std::vector<CompiledRule> tags;
  CompiledRule urgent;
  CompiledRule problem;
  int high_max_rating = 2;
  int low_min_rating = 4;
};

Tagger::Tagger(const TriageConfig& config) : compiled_(std::make_unique<Compiled>()) {
  for (const TagDefinition& tag : config.tags)
    compiled_->tags.push_back(compile_rule(tag.id, tag.terms));
  compiled_->urgent = compile_rule("urgent", config.urgent_terms);
  compiled_->problem = compile_rule("problem", config.problem_terms);
  compiled_->high_max_rating = config.high_max_rating;
  compiled_->low_min_rating = config.low_min_rating;
}

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

Triage Tagger::run(const ReviewText& review) const {
  Triage result;
  if (review.flags) result.spam = spam_risk_from_flags(*review.flags);
  if (!utf8::is_valid(review.title) || !utf8::is_valid(review.body)) return result;
  std::vector<Field> fields;
  fields.push_back({"title", console::prepare_text(review.title)});
  fields.push_back({"body", console::prepare_text(review.body)});
  const std::string language = primary_subtag(review.language);

  for (const CompiledRule& tag : compiled_->tags)
    if (run_rule(tag, fields, language, result.evidence, nullptr)) result.tags.push_back(tag.id);
  bool urgent = false, problem = false;
  run_rule(compiled_->urgent, fields, language, result.evidence, &urgent);
  run_rule(compiled_->problem, fields, language, result.evidence, &problem);

  const int rating = review.rating;
  if (urgent)
    result.priority = Priority::Urgent;
  else if (problem && rating > 0 && rating <= compiled_->high_max_rating)
    result.priority = Priority::High;
  else if (!problem && rating >= compiled_->low_min_rating)
    result.priority = Priority::Low;
  else
    result.priority = Priority::Normal;

  std::stable_sort(result.evidence.begin(), result.evidence.end(),
                   [](const MatchedTerm& a, const MatchedTerm& b) {
                     if (a.field != b.field) return a.field == "title";
                     return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
                   });
  return result;
}

Triage triage_review(const ReviewText& review, const TriageConfig& config) {
  return Tagger(config).run(review);
}

const char* priority_name(Priority priority) {
  switch (priority) {
    case Priority::Low:
      return "low";
    case Priority::Normal:
      return "normal";
    case Priority::High:
      return "high";
    case Priority::Urgent:
      return "urgent";
  }
  return "normal";
}

const char* spam_risk_name(SpamRisk risk) {
  switch (risk) {
    case SpamRisk::None:
      return "none";
    case SpamRisk::Low:
      return "low";
    case SpamRisk::Medium:
      return "medium";
    case SpamRisk::High:
      return "high";
  }
  return "none";
}

SpamRisk spam_risk_from_flags(const std::vector<Flag>& flags) {
  bool strong = false, medium = false;
  std::vector<std::string> codes;  // distinct signals: two links are one signal
  for (const Flag& f : flags) {
    if (std::find(codes.begin(), codes.end(), f.code) != codes.end()) continue;
    codes.push_back(f.code);
    if (f.code == "honeypot" || f.code == "near_duplicate") strong = true;
    if (f.code == "contains_link" || f.code == "too_fast" || f.code == "bidi_control")
      medium = true;
  }
  if (strong || codes.size() >= 3) return SpamRisk::High;
  if (medium || codes.size() == 2) return SpamRisk::Medium;
  if (codes.size() == 1) return SpamRisk::Low;
  return SpamRisk::None;
}

}  // namespace vouch::triage
