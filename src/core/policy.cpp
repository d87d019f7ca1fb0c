// Policy JSON: safe defaults, strict parsing with paths (docs/validation.md).
#include "vouch/policy.hpp"

#include <nlohmann/json.hpp>

#include "json_reader.hpp"

namespace vouch {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxListItems = 1000;  // words, names, aspects
constexpr std::size_t kMaxItemBytes = 200;
constexpr std::int64_t kMaxTextGraphemes = 100000;

void read_length(detail::ObjectReader& parent, const char* key, LengthRule& rule) {
  const json* v = parent.object(key);
  if (!v) return;
  detail::ObjectReader r(*v, parent.path_of(key), parent.error());
  r.only({"required", "min", "max"});
  r.boolean("required", rule.required);
  r.integer("min", rule.min, 0, kMaxTextGraphemes);
  r.integer("max", rule.max, 1, kMaxTextGraphemes);
  if (!r.failed() && rule.min > rule.max)
    r.fail(parent.path_of(key) + ".min", "must not exceed max");
}

// A text that is always required (questions, answers): only min and max.
void read_bounds(detail::ObjectReader& parent, const char* key, LengthRule& rule) {
  const json* v = parent.object(key);
  if (!v) return;
  detail::ObjectReader r(*v, parent.path_of(key), parent.error());
  r.only({"min", "max"});
  r.integer("min", rule.min, 1, kMaxTextGraphemes);
  r.integer("max", rule.max, 1, kMaxTextGraphemes);
  if (!r.failed() && rule.min > rule.max)
    r.fail(parent.path_of(key) + ".min", "must not exceed max");
}

}  // namespace

Policy default_policy() { return Policy{}; }

Result<Policy> parse_policy(std::string_view text) {
  Policy policy;
  if (text.empty()) return policy;
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return Error{"", "policy is not valid JSON"};
  if (!doc.is_object()) return Error{"", "policy must be a JSON object"};
  Error error;
  detail::ObjectReader r(doc, "", &error);
  r.only({"title", "body", "author", "question", "answer", "email_required", "rating", "aspects",
          "photos", "links_allowed", "profanity", "consent_required", "min_fill_seconds",
          "honeypot_field", "reserved_names", "spam"});
  read_length(r, "title", policy.title);
  read_length(r, "body", policy.body);
  read_length(r, "author", policy.author);
  read_bounds(r, "question", policy.question);
  read_bounds(r, "answer", policy.answer);
  r.boolean("email_required", policy.email_required);
  if (const json* rating = r.object("rating")) {
    detail::ObjectReader rr(*rating, "rating", &error);
    rr.only({"min", "max"});
    rr.integer("min", policy.rating_min, 1, 5);
    rr.integer("max", policy.rating_max, 1, 5);
    if (!rr.failed() && policy.rating_min > policy.rating_max)
      rr.fail("rating.min", "must not exceed max");
  }
  r.strings("aspects", policy.aspects, 50, 40);
  if (const json* photos = r.object("photos")) {
    detail::ObjectReader pr(*photos, "photos", &error);
    pr.only({"max_count", "types", "max_bytes"});
    pr.integer("max_count", policy.photos.max_count, 0, 50);
    pr.strings("types", policy.photos.types, 3, 20, {"image/jpeg", "image/png", "image/webp"});
    pr.integer("max_bytes", policy.photos.max_bytes, 1, std::int64_t{1} << 32);
  }
  r.boolean("links_allowed", policy.links_allowed);
  if (const json* profanity = r.object("profanity")) {
    detail::ObjectReader pr(*profanity, "profanity", &error);
    pr.only({"lists", "extra", "allow"});
    pr.strings("lists", policy.profanity_lists, 3, 5, {"en", "zh", "zh-TW"});
    pr.strings("extra", policy.profanity_extra, kMaxListItems, kMaxItemBytes);
    pr.strings("allow", policy.profanity_allow, kMaxListItems, kMaxItemBytes);
  }
  r.boolean("consent_required", policy.consent_required);
  r.integer("min_fill_seconds", policy.min_fill_seconds, 0, 3600);
  r.string("honeypot_field", policy.honeypot_field, 64);
  r.strings("reserved_names", policy.reserved_names, 100, kMaxItemBytes);
  if (const json* spam = r.object("spam")) {
    detail::ObjectReader sr(*spam, "spam", &error);
    sr.only({"repeated_char_run", "repeated_word_run", "shouting_min_letters", "shouting_percent",
             "near_duplicate_percent"});
    sr.integer("repeated_char_run", policy.spam.repeated_char_run, 2, 1000);
    sr.integer("repeated_word_run", policy.spam.repeated_word_run, 2, 1000);
    sr.integer("shouting_min_letters", policy.spam.shouting_min_letters, 1, 100000);
    sr.integer("shouting_percent", policy.spam.shouting_percent, 1, 100);
    sr.integer("near_duplicate_percent", policy.spam.near_duplicate_percent, 1, 100);
  }
  if (!error.message.empty()) return error;
  return policy;
}

std::string policy_to_json(const Policy& p) {
  const auto length = [](const LengthRule& rule) {
    return json{{"required", rule.required}, {"min", rule.min}, {"max", rule.max}};
  };
  const json doc = {
      {"title", length(p.title)},
      {"body", length(p.body)},
      {"author", length(p.author)},
      {"question", {{"min", p.question.min}, {"max", p.question.max}}},
      {"answer", {{"min", p.answer.min}, {"max", p.answer.max}}},
      {"email_required", p.email_required},
      {"rating", {{"min", p.rating_min}, {"max", p.rating_max}}},
      {"aspects", p.aspects},
      {"photos",
       {{"max_count", p.photos.max_count},
        {"types", p.photos.types},
        {"max_bytes", p.photos.max_bytes}}},
      {"links_allowed", p.links_allowed},
      {"profanity",
       {{"lists", p.profanity_lists}, {"extra", p.profanity_extra}, {"allow", p.profanity_allow}}},
      {"consent_required", p.consent_required},
      {"min_fill_seconds", p.min_fill_seconds},
      {"honeypot_field", p.honeypot_field},
      {"reserved_names", p.reserved_names},
      {"spam",
       {{"repeated_char_run", p.spam.repeated_char_run},
        {"repeated_word_run", p.spam.repeated_word_run},
        {"shouting_min_letters", p.spam.shouting_min_letters},
        {"shouting_percent", p.spam.shouting_percent},
        {"near_duplicate_percent", p.spam.near_duplicate_percent}}},
  };
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vouch
