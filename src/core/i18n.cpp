#include "vouch/i18n.hpp"

#include <cctype>
#include <cstdlib>

namespace vouch::i18n {

namespace {

std::string lower_tag(std::string_view tag) {
  std::string out;
  out.reserve(tag.size());
  for (char c : tag)
    out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_subtag(const std::string& tag, std::string_view subtag) {
  std::size_t start = 0;
  while (start <= tag.size()) {
    std::size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    if (std::string_view(tag).substr(start, end - start) == subtag) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

Locale resolve_locale(std::string_view raw_tag) {
  const std::string tag = lower_tag(raw_tag);
  const std::string language = tag.substr(0, tag.find('-'));
  if (language == "zh") {
    const bool traditional = has_subtag(tag, "hant") || has_subtag(tag, "tw") ||
                             has_subtag(tag, "hk") || has_subtag(tag, "mo");
    return traditional && !has_subtag(tag, "hans") ? Locale::ZhTW : Locale::ZhCN;
  }
  if (language == "ja") return Locale::Ja;
  if (language == "es") return Locale::Es;
  if (language == "fr") return Locale::Fr;
  if (language == "de") return Locale::De;
  return Locale::En;
}

std::string_view locale_tag(Locale locale) {
  static constexpr std::array<const char*, kLocaleCount> kTags = {"en", "zh-CN", "zh-TW", "ja",
                                                                  "es", "fr",    "de"};
  return kTags[static_cast<std::size_t>(locale)];
}

Plural plural_category(Locale locale, std::int64_t n) {
  switch (locale) {
    case Locale::ZhCN:
    case Locale::ZhTW:
    case Locale::Ja:
      return Plural::Other;
    case Locale::Fr:
      return (n == 0 || n == 1) ? Plural::One : Plural::Other;
    default:
      return n == 1 ? Plural::One : Plural::Other;
  }
}

namespace {

const std::string* find_param(const Params& params, std::string_view name) {
  for (const auto& [key, value] : params) {
    if (key == name) return &value;
  }
  return nullptr;
}

// Index of the '}' matching the '{' at `open`, or npos.
std::size_t matching_brace(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "one {# review} other {# reviews}" -> the branch for `category`, or "other".
std::string_view plural_branch(std::string_view branches, Plural category) {
  std::string_view other;
  std::size_t pos = 0;
  while (pos < branches.size()) {
    const std::size_t open = branches.find('{', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = matching_brace(branches, open);
    if (close == std::string_view::npos) break;
    const std::string_view selector = trim(branches.substr(pos, open - pos));
    const std::string_view body = branches.substr(open + 1, close - open - 1);
    if (selector == "one" && category == Plural::One) return body;
    if (selector == "other") other = body;
    pos = close + 1;
  }
  return other;
}

}  // namespace

std::string format(std::string_view pattern, const Params& params, Locale locale) {
  std::string out;
  out.reserve(pattern.size() + 16);
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(pos));
      break;
    }
    out.append(pattern.substr(pos, open - pos));
    const std::size_t close = matching_brace(pattern, open);
    if (close == std::string_view::npos) {
      out.append(pattern.substr(open));
      break;
    }
    const std::string_view inside = pattern.substr(open + 1, close - open - 1);
    const std::size_t comma = inside.find(',');
    const std::string_view name = trim(inside.substr(0, comma));
    const std::string* value = find_param(params, name);
    if (value == nullptr) {
      out.append(pattern.substr(open, close - open + 1));
    } else if (comma == std::string_view::npos) {
      out += *value;
    } else {
      // {name, plural, branches}
      const std::size_t second = inside.find(',', comma + 1);
      const std::string_view branches =
          second == std::string_view::npos ? std::string_view() : inside.substr(second + 1);
      const std::int64_t n = std::strtoll(value->c_str(), nullptr, 10);
      const std::string_view branch = plural_branch(branches, plural_category(locale, n));
      for (char c : branch) {
        if (c == '#')
          out += *value;
        else
          out += c;
      }
    }
    pos = close + 1;
  }
  return out;
}

std::string_view lookup(const Message* table, std::size_t size, std::string_view key,
                        Locale locale) {
  for (std::size_t i = 0; i < size; ++i) {
    if (key != table[i].key) continue;
    const char* text = table[i].text[static_cast<std::size_t>(locale)];
    return text != nullptr ? text : table[i].text[0];
  }
  return key;
}

}  // namespace vouch::i18n
