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

// "20,000", "1.234", "20 000" -> the number: digits only (plural values are
// whole numbers, maybe grouped by grouped_number()).
std::int64_t whole_number(std::string_view text) {
  std::int64_t n = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9' && n < 1000000000000) n = n * 10 + (c - '0');
  }
  return n;
}

void append_digits(std::string& out, std::uint64_t value) {
  char digits[24];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  while (count > 0) out += digits[--count];
}

}  // namespace

std::string grouped_number(std::uint64_t value, Locale locale) {
  std::string digits;
  append_digits(digits, value);
  std::string_view separator = ",";
  std::size_t min_digits = 4;  // CLDR minimumGroupingDigits 1: "1,234"
  if (locale == Locale::De) separator = ".";
  if (locale == Locale::Es) {
    separator = ".";
    min_digits = 5;  // minimumGroupingDigits 2: "1234", "12.345"
  }
  if (locale == Locale::Fr) separator = "\xE2\x80\xAF";  // U+202F narrow no-break space
  if (digits.size() < min_digits) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string compact_number(std::uint64_t value, Locale locale) {
  struct Unit {
    std::uint64_t size;
    const char* suffix;  // after the number (with its space, if the locale writes one)
  };
  // Largest first; a locale without an entry for a size writes the number in full.
  std::array<Unit, 3> units{};
  std::size_t count = 0;
  const bool comma = locale == Locale::Es || locale == Locale::Fr || locale == Locale::De;
  switch (locale) {
    case Locale::ZhCN:
      units = {{{100000000, "\xE4\xBA\xBF"}, {10000, "\xE4\xB8\x87"}}};  // 亿, 万
      count = 2;
      break;
    case Locale::ZhTW:
      units = {{{100000000, "\xE5\x84\x84"}, {10000, "\xE8\x90\xAC"}}};  // 億, 萬
      count = 2;
      break;
    case Locale::Ja:
      units = {{{100000000, "\xE5\x84\x84"}, {10000, "\xE4\xB8\x87"}}};  // 億, 万
      count = 2;
      break;
    case Locale::Es:
      units = {{{1000000, "\xC2\xA0M"}, {1000, "\xC2\xA0mil"}}};
      count = 2;
      break;
    case Locale::Fr:
      units = {{{1000000, "\xC2\xA0M"}, {1000, "\xC2\xA0k"}}};
      count = 2;
      break;
    case Locale::De:
      units = {{{1000000, "\xC2\xA0Mio."}}};  // German short style spells thousands out
      count = 1;
      break;
    default:
      units = {{{1000000000, "B"}, {1000000, "M"}, {1000, "K"}}};
      count = 3;
  }
  for (std::size_t i = 0; i < count; ++i) {
    const Unit unit = units[i];
    if (value < unit.size) continue;
    const std::uint64_t whole = value / unit.size;
    std::string out;
    if (whole < 10) {
      // One decimal below ten units: "1.2K"; "1K", not "1.0K".
      const std::uint64_t tenth = (value % unit.size) / (unit.size / 10);
      append_digits(out, whole);
      if (tenth > 0) {
        out += comma ? ',' : '.';
        out += static_cast<char>('0' + tenth);
      }
    } else {
      out = grouped_number(whole, locale);
    }
    return out + unit.suffix;
  }
  return grouped_number(value, locale);
}

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
      const std::int64_t n = whole_number(*value);
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
