// The invariants of a stored review (include/vouch/review_rules.hpp).
#include "vouch/review_rules.hpp"

#include <unordered_set>
#include <utility>

#include "vouch/url.hpp"
#include "vouch/utf8.hpp"

namespace vouch {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Index of the first repeated name, or npos. Linear with a set, so a hostile
// review with 100,000 topics cannot make this quadratic.
template <class Range, class Name>
std::size_t first_duplicate(const Range& items, Name name_of) {
  if (items.size() <= 8) {  // the usual case: no allocation
    for (std::size_t k = 1; k < items.size(); ++k) {
      for (std::size_t j = 0; j < k; ++j) {
        if (name_of(items[j]) == name_of(items[k])) return k;
      }
    }
    return std::string::npos;
  }
  std::unordered_set<std::string_view> seen;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (!seen.insert(name_of(items[k])).second) return k;
  }
  return std::string::npos;
}

Error at(std::string path, std::string message) {
  return Error{std::move(path), std::move(message)};
}

}  // namespace

bool is_language_tag(std::string_view tag) {
  // One pass (the first-render wasm carries this): `length` counts the
  // current subtag, `first` is true inside the first one.
  if (tag.size() > 35) return false;
  std::size_t length = 0;
  bool first = true;
  for (char c : tag) {
    if (c == '-') {
      if (length == 0) return false;
      length = 0;
      first = false;
      continue;
    }
    if (!is_alpha(c) && (first || !is_digit(c))) return false;
    if (++length > 8) return false;
  }
  return tag.empty() || length > 0;
}

std::optional<std::string> normalize_language_tag(std::string_view raw) {
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
  std::string tag(raw);
  for (char& c : tag) {
    if (c == '_') c = '-';
  }
  if (!is_language_tag(tag)) return std::nullopt;
  // RFC 5646 2.1.1: lower case, except 4-letter script subtags (title case) and
  // 2-letter region subtags (upper case) that follow the language; everything
  // after a singleton (extensions, "x-" private use) is lower case.
  bool after_singleton = false;
  std::size_t start = 0;
  for (std::size_t index = 0; start <= tag.size(); ++index) {
    std::size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    const std::size_t length = end - start;
    for (std::size_t k = start; k < end; ++k) tag[k] = lower(tag[k]);
    if (index > 0 && !after_singleton) {
      if (length == 4 && is_alpha(tag[start])) tag[start] = upper(tag[start]);
      if (length == 2 && is_alpha(tag[start])) {
        tag[start] = upper(tag[start]);
        tag[start + 1] = upper(tag[start + 1]);
      }
    }
    if (length == 1) after_singleton = true;
    start = end + 1;
  }
  return tag;
}

bool is_optional_http_url(std::string_view url) { return url.empty() || url::is_http_url(url); }

std::optional<Error> check_review(const Review& r) {
  if (r.id.empty()) return at("id", "expected a non-empty string");
  for (auto [text, name] : {std::pair{&r.id, "id"},
                            {&r.product_id, "product_id"},
                            {&r.title, "title"},
                            {&r.body, "body"},
                            {&r.author, "author"},
                            {&r.language, "language"},
                            {&r.source, "source"},
                            {&r.reply.text, "reply.text"}}) {
    if (!utf8::is_valid(*text)) return at(name, "invalid UTF-8");
    if (text->size() > 0xFFFFFFFFu) return at(name, "too long");
  }
  if (r.rating < 1 || r.rating > 5) return at("rating", "expected integer 1..5");
  if (!is_review_time(r.created)) return at("created", "time outside years 0000..9999");
  if (!is_review_time(r.updated)) return at("updated", "time outside years 0000..9999");
  if (!is_review_time(r.reply.time)) return at("reply.time", "time outside years 0000..9999");
  if (!is_language_tag(r.language))
    return at("language", "expected a language tag like \"en\" or \"zh-Hant\"");
  if (static_cast<unsigned>(r.verification) > 3)
    return at("verification", "unknown verification state");
  if (static_cast<unsigned>(r.recommends) > 2) return at("recommends", "unknown value");
  for (std::size_t m = 0; m < r.media.size(); ++m) {
    const std::string field = "media[" + std::to_string(m) + "]";
    if (static_cast<unsigned>(r.media[m].kind) > 1)
      return at(field + ".kind", "expected photo or video");
    if (!utf8::is_valid(r.media[m].url) || !url::is_http_url(r.media[m].url))
      return at(field + ".url", "expected an http(s) URL");
  }
  for (std::size_t a = 0; a < r.aspects.size(); ++a) {
    const std::string field = "aspects[" + std::to_string(a) + "]";
    const auto& aspect = r.aspects[a];
    if (aspect.name.empty() || !utf8::is_valid(aspect.name))
      return at(field + ".name", "expected a non-empty string");
    if (aspect.value < 1 || aspect.value > 5) return at(field + ".value", "expected integer 1..5");
  }
  const std::size_t dup_aspect =
      first_duplicate(r.aspects, [](const AspectRating& a) { return std::string_view(a.name); });
  if (dup_aspect != std::string::npos)
    return at("aspects[" + std::to_string(dup_aspect) + "].name", "duplicate aspect");
  for (std::size_t t = 0; t < r.topics.size(); ++t) {
    if (r.topics[t].empty() || !utf8::is_valid(r.topics[t]))
      return at("topics[" + std::to_string(t) + "]", "expected a non-empty string");
  }
  const std::size_t dup_topic =
      first_duplicate(r.topics, [](const std::string& t) { return std::string_view(t); });
  if (dup_topic != std::string::npos)
    return at("topics[" + std::to_string(dup_topic) + "]", "duplicate topic");
  return std::nullopt;
}

}  // namespace vouch
