#pragma once
// Locales, plural rules and message formatting shared by every user-facing
// string the core produces (validation messages, widget markup).
//
// Messages use a small ICU MessageFormat subset:
//   "Please write at least {min} characters"
//   "{count, plural, one {# review} other {# reviews}}"
// `#` inside a plural branch is the number. No nesting beyond that.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vouch::i18n {

// The locales the widget ships. Order matters: it indexes Message::text.
enum class Locale : std::uint8_t { En = 0, ZhCN, ZhTW, Ja, Es, Fr, De };
inline constexpr std::size_t kLocaleCount = 7;

// BCP 47 tag -> supported locale, by language and script/region:
// "zh-Hant", "zh-TW", "zh-HK", "zh-MO" -> zh-TW; other "zh*" -> zh-CN;
// "fr-CA" -> fr; unknown or empty -> en. Case-insensitive, '_' accepted for '-'.
Locale resolve_locale(std::string_view tag);
std::string_view locale_tag(Locale locale);  // "en", "zh-CN", "zh-TW", "ja", "es", "fr", "de"

// CLDR plural categories for the integers we count with. en/es/de: one for 1;
// fr: one for 0 and 1; zh/ja: other always.
enum class Plural : std::uint8_t { One, Other };
Plural plural_category(Locale locale, std::int64_t n);

// Whole numbers as the locale writes them (CLDR): "20,000" (en, zh, ja),
// "20.000" (de; es from five digits: "1234"), "20\u202F000" (fr).
std::string grouped_number(std::uint64_t value, Locale locale);

// Short counts for tight places (a product card's badge), CLDR "short" style
// with two significant digits at most: "20K", "1.2K", "3.4M" (en), "2万"
// (zh-CN, ja), "2萬" (zh-TW), "20 mil" (es), "20 k" (fr), "20.000", "1,2 Mio."
// (de). Rounds down, so a badge never claims more reviews than there are.
// Below the first unit it is grouped_number().
std::string compact_number(std::uint64_t value, Locale locale);

// Named parameters: {"min", "10"}. Values are inserted verbatim (the caller
// escapes for HTML where the result goes into markup).
using Params = std::vector<std::pair<std::string, std::string>>;

// Substitutes {name} and resolves {name, plural, one {...} other {...}}; a
// plural's value is a whole number, grouped or not ("20,000", "1.234").
// Unknown names are left as written so a missing parameter is visible, not silent.
std::string format(std::string_view pattern, const Params& params, Locale locale);

// One catalog row: a stable key and its text in each locale (indexed by Locale).
// A null entry falls back to English.
struct Message {
  const char* key;
  std::array<const char*, kLocaleCount> text;
};

// The text of `key` in `locale` from a catalog table, English when the locale
// has none, the key itself when the table has no such row.
std::string_view lookup(const Message* table, std::size_t size, std::string_view key,
                        Locale locale);

}  // namespace vouch::i18n
