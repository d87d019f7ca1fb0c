// Spam and abuse detectors: links, e-mail addresses, phone numbers, repeated
// characters and words, SHOUTING (docs/validation.md, "Flags").
#include "content_signals.hpp"

#include <algorithm>
#include <cstring>

#include "public_suffixes.hpp"
#include "text_fold.hpp"
#include "vouch/email.hpp"
#include "vouch/text.hpp"
#include "vouch/url.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

namespace {

// Top-level domains that are also everyday two-letter words: "suitable.in",
// "love.it", "fit.so" are usually a missing space, so a host ending in one of
// them counts as a link only with a path, a subdomain, a scheme or "www.".
constexpr std::string_view kProseTlds[] = {"am", "an", "as", "at", "be", "by", "do", "go",
                                           "in", "is", "it", "me", "my", "no", "of", "on",
                                           "or", "so", "to", "up", "us", "we"};
// Abbreviations written before a name without a space ("Mr.Smith", "Dr.Li").
constexpr std::string_view kHonorifics[] = {"mr", "mrs",  "ms", "dr", "st",  "mt",  "jr",
                                            "sr", "prof", "vs", "no", "vol", "fig", "approx"};

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whitespace-separated chunks with surrounding punctuation removed.
std::vector<std::string_view> chunks(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = std::string_view::npos;
  const auto close = [&](std::size_t end) {
    if (start == std::string_view::npos) return;
    std::string_view chunk = text.substr(start, end - start);
    while (!chunk.empty() && std::strchr("([{<\"'*", chunk.front())) chunk.remove_prefix(1);
    while (!chunk.empty() && std::strchr(")]}>\"',.;:!?*", chunk.back())) chunk.remove_suffix(1);
    if (!chunk.empty()) out.push_back(chunk);
    start = std::string_view::npos;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (text::is_white_space(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF01 && cp <= 0xFF0F)) {
      close(at);
    } else if (start == std::string_view::npos) {
      start = at;
    }
  }
  close(text.size());
  return out;
}

bool in_list(std::string_view word, const std::string_view* first, const std::string_view* last) {
  return std::any_of(first, last, [&](std::string_view w) { return w == word; });
}

// "name.tld" without a scheme: labels of letters, digits and hyphens whose last
// one is a top-level domain of the Public Suffix List, minus what reads as prose.
bool is_bare_domain(std::string_view chunk) {
  const std::size_t slash = chunk.find('/');
  const std::string_view host = chunk.substr(0, slash);
  const std::size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return false;
  std::size_t dots = 0;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    if (c == '.') {
      if (i == 0 || host[i - 1] == '.') return false;
      ++dots;
    } else if (!ascii_alnum(c) && c != '-') {
      return false;
    }
  }
  const std::string_view tld_raw = host.substr(last_dot + 1);
  if (tld_raw.empty()) return false;
  // "suitable.In fact": a capital after the dot and lower case after it is the
  // start of a sentence; domains are written in one case.
  bool upper = false, lower_case = false;
  for (char c : tld_raw) (c >= 'A' && c <= 'Z' ? upper : lower_case) |= (c < '0' || c > '9');
  if (upper && lower_case) return false;
  std::string tld(tld_raw);
  for (char& c : tld) c = lower(c);
  if (!is_top_level_domain(tld)) return false;
  const bool has_path = slash != std::string_view::npos && slash + 1 < chunk.size();
  if (dots == 1 && !has_path) {
    std::string first(host.substr(0, host.find('.')));
    for (char& c : first) c = lower(c);
    if (in_list(first, std::begin(kHonorifics), std::end(kHonorifics))) return false;
    if (in_list(tld, std::begin(kProseTlds), std::end(kProseTlds))) return false;
  }
  return true;
}

}  // namespace

std::string find_link(std::string_view text) {
  for (std::string_view chunk : chunks(text)) {
    if (const std::size_t scheme = chunk.find("://"); scheme != std::string_view::npos) {
      std::size_t begin = scheme;
      while (begin > 0 && (ascii_alnum(chunk[begin - 1]) || chunk[begin - 1] == '+')) --begin;
      if (begin < scheme) return std::string(chunk.substr(begin));
    }
    for (std::size_t at = 0; at < chunk.size(); ++at) {
      if ((at == 0 || !ascii_alnum(chunk[at - 1])) && url::starts_with_ci(chunk.substr(at), "www."))
        return std::string(chunk.substr(at));
    }
    if (chunk.find('@') == std::string_view::npos && is_bare_domain(chunk))
      return std::string(chunk);
  }
  return "";
}

std::string find_email_address(std::string_view text) {
  for (std::string_view chunk : chunks(text)) {
    if (chunk.find('@') != std::string_view::npos && is_valid_email(chunk))
      return std::string(chunk);
  }
  return "";
}

std::string find_phone_number(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool starts =
        (c == '+' || c == '(' || (c >= '0' && c <= '9')) && (i == 0 || !ascii_alnum(text[i - 1]));
    if (!starts) continue;
    std::size_t digits = 0, separators = 0, end = i;
    for (std::size_t k = i; k < text.size(); ++k) {
      const char d = text[k];
      if (d >= '0' && d <= '9') {
        ++digits;
        separators = 0;
        end = k + 1;
      } else if ((d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' ||
                  (d == '+' && k == i)) &&
                 ++separators <= 2) {
        continue;
      } else {
        break;
      }
    }
    const bool glued_to_word = end < text.size() && ascii_alnum(text[end]);
    if (digits >= 9 && digits <= 15 && !glued_to_word) return std::string(text.substr(i, end - i));
    i = std::max(i, end == i ? i : end - 1);  // continue after this number
  }
  return "";
}

std::string find_repeated_character(std::string_view text, std::uint32_t run) {
  char32_t previous = 0;
  std::uint32_t count = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    count = cp == previous ? count + 1 : 1;
    previous = cp;
    if (count >= run && !text::is_white_space(cp) && cp != utf8::kInvalid) {
      std::string detail;
      for (std::uint32_t i = 0; i < std::min<std::uint32_t>(run, 20); ++i) utf8::append(detail, cp);
      return detail;
    }
  }
  return "";
}

std::string find_repeated_word(std::string_view text, std::uint32_t run) {
  const std::vector<WordUnit> units = word_units(text);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const bool same = i > 0 && !units[i].single_char && units[i].folded == units[i - 1].folded;
    count = same ? count + 1 : 1;
    if (count >= run) return units[i].folded;
  }
  // Chinese and Japanese write words without spaces: a word of 2..4 characters
  // repeated `run` times in a row (好评好评好评好评) is the same signal. One
  // character repeated is repeated_characters' business, not a word.
  if (run < 2) return "";
  for (std::size_t length = 2; length <= 4; ++length) {
    for (std::size_t i = 0; i + length * run <= units.size(); ++i) {
      bool word = true, varied = false;
      for (std::size_t k = 0; k < length * run && word; ++k) {
        word = units[i + k].cjk && units[i + k].folded == units[i + k % length].folded;
        varied |= units[i + k].folded != units[i].folded;
      }
      if (!word || !varied) continue;
      std::string found;
      for (std::size_t k = 0; k < length; ++k) found += units[i + k].folded;
      return found;
    }
  }
  return "";
}

std::string find_shouting(std::string_view text, std::uint32_t min_letters, std::uint32_t percent) {
  std::uint64_t upper = 0, cased = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (is_upper(cp))
      ++upper, ++cased;
    else if (is_lower(cp))
      ++cased;
  }
  if (cased < min_letters || upper * 100 < std::uint64_t{percent} * cased) return "";
  return std::to_string(upper * 100 / cased) + "% of " + std::to_string(cased) + " letters";
}

}  // namespace vouch::detail
