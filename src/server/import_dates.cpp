#include "import_dates.hpp"

#include <cctype>
#include <vector>

namespace vouch::server {

namespace {

// Splits into runs of digits and the single separators between them.
struct Token {
  bool number = false;
  std::int64_t value = 0;
  std::size_t digits = 0;
  char separator = 0;
};

std::optional<std::vector<Token>> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      Token token;
      token.number = true;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        if (token.digits >= 12) return std::nullopt;
        token.value = token.value * 10 + (text[i] - '0');
        ++token.digits;
        ++i;
      }
      tokens.push_back(token);
    } else {
      Token token;
      token.separator = c;
      tokens.push_back(token);
      ++i;
    }
  }
  return tokens;
}

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_date(std::int64_t y, std::int64_t m, std::int64_t d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const int max = kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0);
  return d <= max;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::int64_t> parse_import_date(std::string_view raw, SlashOrder order) {
  std::string_view text = trim(raw);
  if (text.empty() || text.size() > 40) return std::nullopt;
  // A trailing " UTC" / "Z" means UTC, as does no zone at all (apps export UTC
  // or the store's zone without saying which; UTC is the honest default).
  std::int64_t offset_seconds = 0;
  if (text.size() > 4 && text.substr(text.size() - 4) == " UTC")
    text = trim(text.substr(0, text.size() - 4));
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) text.remove_suffix(1);
  // ISO offset: +hh:mm / -hh:mm / +hhmm after a time.
  const std::size_t t_pos = text.find_first_of("T ");
  if (t_pos != std::string_view::npos) {
    const std::size_t sign = text.find_last_of("+-");
    if (sign != std::string_view::npos && sign > t_pos) {
      std::string_view zone = text.substr(sign + 1);
      std::int64_t hh = 0, mm = 0;
      if (zone.size() == 5 && zone[2] == ':') {
        hh = (zone[0] - '0') * 10 + (zone[1] - '0');
        mm = (zone[3] - '0') * 10 + (zone[4] - '0');
      } else if (zone.size() == 4 || zone.size() == 2) {
        hh = (zone[0] - '0') * 10 + (zone[1] - '0');
        if (zone.size() == 4) mm = (zone[2] - '0') * 10 + (zone[3] - '0');
      } else {
        return std::nullopt;
      }
      for (char c : zone) {
        if (c != ':' && !std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      }
      if (hh > 14 || mm > 59) return std::nullopt;
      offset_seconds = (hh * 3600 + mm * 60) * (text[sign] == '+' ? 1 : -1);
      text = text.substr(0, sign);
    }
  }
  const std::optional<std::vector<Token>> tokens = tokenize(text);
  if (!tokens || tokens->empty()) return std::nullopt;
  const std::vector<Token>& t = *tokens;

  // Unix seconds: one number of 9..11 digits.
  if (t.size() == 1 && t[0].number && t[0].digits >= 9 && t[0].digits <= 11) return t[0].value;

  if (t.size() < 5 || !t[0].number || !t[2].number || !t[4].number || t[1].number || t[3].number ||
      t[1].separator != t[3].separator) {
    return std::nullopt;
  }
  std::int64_t year = 0, month = 0, day = 0;
  if (t[1].separator == '-' && t[0].digits == 4) {
    year = t[0].value, month = t[2].value, day = t[4].value;
  } else if ((t[1].separator == '/' || t[1].separator == '.') && t[4].digits == 4) {
    year = t[4].value;
    const bool day_first = t[1].separator == '.' || order == SlashOrder::DayFirst;
    day = day_first ? t[0].value : t[2].value;
    month = day_first ? t[2].value : t[0].value;
  } else if (t[1].separator == '/' && t[0].digits == 4) {
    year = t[0].value, month = t[2].value, day = t[4].value;
  } else {
    return std::nullopt;
  }
  if (!valid_date(year, month, day)) return std::nullopt;

  // Optional time: (T| ) H:MM[:SS[.fraction]]
  std::int64_t hour = 0, minute = 0, second = 0;
  std::size_t i = 5;
  if (i < t.size()) {
    if (t[i].number || (t[i].separator != 'T' && t[i].separator != ' ')) return std::nullopt;
    ++i;
    if (i + 3 > t.size() || !t[i].number || t[i + 1].number || t[i + 1].separator != ':' ||
        !t[i + 2].number) {
      return std::nullopt;
    }
    hour = t[i].value;
    minute = t[i + 2].value;
    i += 3;
    if (i < t.size()) {
      if (t[i].number || t[i].separator != ':' || i + 1 >= t.size() || !t[i + 1].number)
        return std::nullopt;
      second = t[i + 1].value;
      i += 2;
      if (i < t.size()) {  // fractional seconds are dropped
        if (t[i].number || t[i].separator != '.' || i + 1 >= t.size() || !t[i + 1].number ||
            i + 2 != t.size()) {
          return std::nullopt;
        }
        i = t.size();
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  }
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
         hour * 3600 + minute * 60 + second - offset_seconds;
}

}  // namespace vouch::server
