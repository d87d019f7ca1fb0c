// The renderer's primitives: the one escaping function, URL checks, numbers,
// dates and stars. Everything user-supplied reaches markup through
// append_escaped(); see render.hpp for the rules.
#include <charconv>
#include <cmath>

#include "vouch/civil_date.hpp"
#include "vouch/render.hpp"
#include "vouch/url.hpp"
#include "vouch/utf8.hpp"

namespace vouch::render {

namespace {

// What a byte below 0x80 becomes in markup, or nullptr when it is copied as it is.
const char* entity_for(unsigned char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '\r':
      return "&#13;";  // a raw CR would be normalised to LF by the parser
    case '\0':
      return "\xEF\xBF\xBD";  // the parser drops NUL; say so visibly
    default:
      return nullptr;
  }
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  // Bytes that stay as they are go out in runs, one append per run: a review is
  // mostly such bytes, and a call per character was most of a card's render time.
  std::size_t run = 0;
  const auto flush = [&](std::size_t end) { out.append(text.data() + run, end - run); };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    const char* replacement = nullptr;
    if (c >= 0x80) {
      // A valid multi-byte sequence stays as it is; anything malformed becomes
      // U+FFFD so no stray byte can combine with what follows.
      if (utf8::decode(text, pos) == utf8::kInvalid) replacement = "\xEF\xBF\xBD";
    } else {
      ++pos;
      replacement = entity_for(c);
    }
    if (replacement != nullptr) {
      flush(start);
      out += replacement;
      run = pos;
    }
  }
  flush(pos);
}

std::string escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

namespace {

void append_uint(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_two_digits(std::string& out, unsigned value) {
  out += static_cast<char>('0' + value / 10 % 10);
  out += static_cast<char>('0' + value % 10);
}

}  // namespace

bool is_safe_url(std::string_view url) {
  // The loaders' rule, plus: a host must follow the scheme ("https:///x" is
  // refused here only, so snapshots that hold one still load; they just get no link).
  if (!url::is_http_url(url)) return false;
  if (url[url::http_scheme_length(url)] == '/') return false;  // no host
  return utf8::is_valid(url);
}

std::string format_one_decimal(double value, i18n::Locale locale) {
  if (!std::isfinite(value) || value < 0) value = 0;
  // Round half up on tenths; the +1e-9 absorbs binary noise (4.25 is 4.2499999...).
  const auto tenths = static_cast<std::uint64_t>(std::floor(value * 10 + 0.5 + 1e-9));
  std::string out;
  append_uint(out, tenths / 10);
  const bool comma =
      locale == i18n::Locale::Es || locale == i18n::Locale::Fr || locale == i18n::Locale::De;
  out += comma ? ',' : '.';
  out += static_cast<char>('0' + tenths % 10);
  return out;
}

std::string iso_date(std::int64_t epoch_seconds) {
  const CivilDate date = civil_from_days(days_from_unix_seconds(epoch_seconds));
  std::int64_t year = date.year;
  std::string out;
  if (year < 0) {
    out += '-';
    year = -year;
  }
  if (year < 1000) out += year < 10 ? "000" : year < 100 ? "00" : "0";
  append_uint(out, static_cast<std::uint64_t>(year));
  out += '-';
  append_two_digits(out, date.month);
  out += '-';
  append_two_digits(out, date.day);
  return out;
}

std::string stars(double rating, i18n::Locale locale) {
  if (!std::isfinite(rating) || rating < 0) rating = 0;
  if (rating > 5) rating = 5;
  const auto half_stars = static_cast<unsigned>(std::floor(rating * 2 + 0.5));
  const bool whole = std::floor(rating) == rating;
  std::string value;
  if (whole)
    append_uint(value, static_cast<std::uint64_t>(rating));
  else
    value = format_one_decimal(rating, locale);
  std::string out = "<span class=\"v-stars v-fill-";
  append_uint(out, half_stars);
  out += "\" role=\"img\" aria-label=\"";
  append_escaped(out, ui("stars_label", {{"rating", value}}, locale));
  // One element: the stylesheet paints the fill (v-fill-N tenths) through the
  // glyphs; role=img with its label is what assistive technology reads.
  out += "\">\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85</span>";
  return out;
}

}  // namespace vouch::render
