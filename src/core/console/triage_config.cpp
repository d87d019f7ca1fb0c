// TriageConfig: the defaults built from triage_terms.cpp, and the "triage"
// object of vouch.json (parsed strictly, errors with their path).

#include <nlohmann/json.hpp>

#include "json_reader.hpp"
#include "triage_defaults.hpp"
#include "vouch/triage.hpp"
#include "vouch/utf8.hpp"

namespace vouch::triage {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxTags = 64;
constexpr std::size_t kMaxTerms = 2000;
constexpr std::size_t kMaxTermBytes = 100;
constexpr std::size_t kMaxExcepts = 20;
constexpr std::size_t kMaxLabelBytes = 60;

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      parts.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  return parts;
}

void add_row_terms(const detail::DefaultRow& row, std::vector<Term>& out) {
  for (const std::string& item : split(row.terms, '|')) {
    std::vector<std::string> parts = split(item, '~');
    Term term;
    term.text = parts[0];
    term.locale = row.locale;
    term.except.assign(parts.begin() + 1, parts.end());
    out.push_back(std::move(term));
  }
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

bool valid_locale(const std::string& locale) {
  if (locale.empty() || locale.size() > 12) return false;
  for (char c : locale)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
  return true;
}

bool non_empty_text(const json& v, std::size_t max_bytes) {
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  if (s.empty() || s.size() > max_bytes || !utf8::is_valid(s)) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;  // controls
  for (char c : s)
    if (c != ' ' && c != '*') return true;  // "*" alone or spaces would match everything/nothing
  return false;
}

std::string text_rule(std::size_t max_bytes) {
  return "expected a non-empty string of at most " + std::to_string(max_bytes) + " bytes";
}

// A term: "text" or {"text": "...", "locale": "de", "except": ["..."]}.
bool read_term(const json& v, const std::string& path, Term& out, Error& error) {
  if (v.is_string()) {
    if (!non_empty_text(v, kMaxTermBytes)) {
      error = Error{path, text_rule(kMaxTermBytes)};
      return false;
    }
    out.text = v.get_ref<const std::string&>();
    return true;
  }
  if (!v.is_object()) {
    error =
        Error{path, "expected a non-empty string or an object {\"text\", \"locale\", \"except\"}"};
    return false;
  }
  vouch::detail::ObjectReader r(v, path, &error);
  r.only({"text", "locale", "except"});
  if (r.failed()) return false;
  const auto text = v.find("text");
  if (text == v.end() || !non_empty_text(*text, kMaxTermBytes)) {
    r.fail(r.path_of("text"), text_rule(kMaxTermBytes));
    return false;
  }
  out.text = text->get_ref<const std::string&>();
  r.string("locale", out.locale, 12);
  if (!r.failed() && !out.locale.empty() && !valid_locale(out.locale))
    r.fail(r.path_of("locale"), "expected a language tag such as \"de\" or \"zh-TW\"");
  r.strings("except", out.except, kMaxExcepts, kMaxTermBytes);
  for (std::size_t i = 0; i < out.except.size() && !r.failed(); ++i)
    if (!non_empty_text(json(out.except[i]), kMaxTermBytes))
      r.fail(r.path_of("except") + "[" + std::to_string(i) + "]", text_rule(kMaxTermBytes));
  return !r.failed();
}

bool read_terms(const json& parent, const char* key, const std::string& parent_path,
                std::vector<Term>& out, Error& error) {
  const auto it = parent.find(key);
  if (it == parent.end() || it->is_null()) return true;
  const std::string path = parent_path + "." + key;
  if (!it->is_array() || it->size() > kMaxTerms) {
    error = Error{path, "expected an array of at most " + std::to_string(kMaxTerms) + " terms"};
    return false;
  }
  std::vector<Term> terms;
  for (std::size_t i = 0; i < it->size(); ++i) {
    Term term;
    if (!read_term((*it)[i], path + "[" + std::to_string(i) + "]", term, error)) return false;
    terms.push_back(std::move(term));
  }
  out = std::move(terms);
  return true;
}

json term_to_json(const Term& t) {
  if (t.locale.empty() && t.except.empty()) return t.text;
  json j = {{"text", t.text}};
  if (!t.locale.empty()) j["locale"] = t.locale;
  if (!t.except.empty()) j["except"] = t.except;
  return j;
}

}  // namespace

const TriageConfig& default_triage_config() {
  static const TriageConfig config = [] {
    TriageConfig c;
    for (std::size_t t = 0; t < detail::kDefaultTagCount; ++t)
      c.tags.push_back({detail::kDefaultTags[t].id, detail::kDefaultTags[t].label, {}});
    for (std::size_t r = 0; r < detail::kDefaultRowCount; ++r) {
      const detail::DefaultRow& row = detail::kDefaultRows[r];
      const std::string rule = row.rule;
      if (rule == "urgent") {
        add_row_terms(row, c.urgent_terms);
      } else if (rule == "problem") {
        add_row_terms(row, c.problem_terms);
      } else {
        for (TagDefinition& tag : c.tags)
          if (tag.id == rule) add_row_terms(row, tag.terms);
      }
    }
    return c;
  }();
  return config;
}

Result<TriageConfig> parse_triage_config(std::string_view text) {
  TriageConfig config = default_triage_config();
  if (text.empty()) return config;
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) return Error{"triage", "not valid JSON"};
  if (!doc.is_object()) return Error{"triage", "expected an object"};
  Error error;
  vouch::detail::ObjectReader r(doc, "triage", &error);
  r.only({"tags", "urgent_terms", "problem_terms", "high_max_rating", "low_min_rating"});
  r.integer("high_max_rating", config.high_max_rating, 0, 5);
  r.integer("low_min_rating", config.low_min_rating, 1, 6);
  if (r.failed()) return error;
  if (!read_terms(doc, "urgent_terms", "triage", config.urgent_terms, error)) return error;
  if (!read_terms(doc, "problem_terms", "triage", config.problem_terms, error)) return error;
  const auto tags = doc.find("tags");
  if (tags != doc.end() && !tags->is_null()) {
    if (!tags->is_array() || tags->size() > kMaxTags)
      return Error{"triage.tags",
                   "expected an array of at most " + std::to_string(kMaxTags) + " tags"};
    std::vector<TagDefinition> defined;
    for (std::size_t i = 0; i < tags->size(); ++i) {
      const json& item = (*tags)[i];
      const std::string path = "triage.tags[" + std::to_string(i) + "]";
      if (!item.is_object())
        return Error{path, "expected an object {\"id\", \"label\", \"terms\"}"};
      vouch::detail::ObjectReader tr(item, path, &error);
      tr.only({"id", "label", "terms"});
      TagDefinition tag;
      tr.string("id", tag.id, 32);
      if (!tr.failed() && !valid_id(tag.id))
        tr.fail(tr.path_of("id"), "expected 1-32 characters a-z, 0-9, _ or -");
      for (const TagDefinition& other : defined)
        if (!tr.failed() && other.id == tag.id)
          tr.fail(tr.path_of("id"), "duplicate tag id \"" + tag.id + "\"");
      tr.string("label", tag.label, kMaxLabelBytes);
      if (!tr.failed() && !utf8::is_valid(tag.label))
        tr.fail(tr.path_of("label"), "expected UTF-8 text");
      if (tr.failed()) return error;
      if (tag.label.empty()) tag.label = tag.id;
      if (!read_terms(item, "terms", path, tag.terms, error)) return error;
      defined.push_back(std::move(tag));
    }
    config.tags = std::move(defined);
  }
  if (config.low_min_rating <= config.high_max_rating)
    return Error{"triage.low_min_rating", "must be greater than high_max_rating"};
  return config;
}

std::string triage_config_to_json(const TriageConfig& config) {
  json doc = json::object();
  json tags = json::array();
  for (const TagDefinition& tag : config.tags) {
    json terms = json::array();
    for (const Term& t : tag.terms) terms.push_back(term_to_json(t));
    tags.push_back({{"id", tag.id}, {"label", tag.label}, {"terms", terms}});
  }
  doc["tags"] = tags;
  for (const auto& [key, list] :
       {std::pair<const char*, const std::vector<Term>*>{"urgent_terms", &config.urgent_terms},
        {"problem_terms", &config.problem_terms}}) {
    json terms = json::array();
    for (const Term& t : *list) terms.push_back(term_to_json(t));
    doc[key] = terms;
  }
  doc["high_max_rating"] = config.high_max_rating;
  doc["low_min_rating"] = config.low_min_rating;
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace vouch::triage
