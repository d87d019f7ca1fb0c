// Text hygiene: the documented, idempotent clean-ups applied to every submitted
// text (docs/validation.md, "Normalisations"). Each is a separate pure step so a
// test can recompute what `normalized` must hold from the public functions.
#include <string>

#include "unicode_tables.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::text {

namespace {

// Decodes one code point; malformed bytes read as U+FFFD so nothing is lost silently.
char32_t next_cp(std::string_view text, std::size_t& pos) {
  const char32_t cp = utf8::decode(text, pos);
  return cp == utf8::kInvalid ? U'\uFFFD' : cp;
}

bool is_emoji_glue_before_zwj(char32_t cp) {
  // A ZWJ after these continues an emoji ZWJ sequence (👩‍💻): keep it in names.
  return detail::grapheme_break(cp) == detail::Gcb::ExtPict || cp == 0xFE0F ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

}  // namespace

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_zero_width(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
         cp == 0x180E || cp == 0x00AD || cp == 0x034F;
}

bool is_stripped_control(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool is_white_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

std::string strip_controls(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_cp(utf8, pos);
    if (cp == '\r') {
      if (pos < utf8.size() && utf8[pos] == '\n') ++pos;
      out += '\n';
    } else if (cp == 0x2028 || cp == 0x2029) {
      out += '\n';
    } else if (cp == 0xFEFF) {
      // A byte-order mark pasted into a form is debris, never content.
    } else if (!is_stripped_control(cp)) {
      utf8::append(out, cp);
    }
  }
  return out;
}

std::string trim_end(std::string_view utf8) {
  std::size_t end = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    if (!is_white_space(next_cp(utf8, pos))) end = pos;
  }
  return std::string(utf8.substr(0, end));
}

std::string trim(std::string_view utf8) {
  std::size_t begin = 0;
  while (begin < utf8.size()) {
    std::size_t pos = begin;
    if (!is_white_space(next_cp(utf8, pos))) break;
    begin = pos;
  }
  return trim_end(utf8.substr(begin));
}

std::string collapse_blank_lines(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t pending_newlines = 0;
  std::size_t line_start = 0;
  while (line_start <= utf8.size()) {
    std::size_t line_end = utf8.find('\n', line_start);
    const bool last = line_end == std::string_view::npos;
    if (last) line_end = utf8.size();
    const std::string line = trim_end(utf8.substr(line_start, line_end - line_start));
    if (line.empty()) {
      if (!last) ++pending_newlines;
    } else {
      // At most one blank line between two lines of text.
      if (!out.empty())
        out.append(pending_newlines >= 2 ? 2 : 1, '\n');
      else
        out.append(pending_newlines, '\n');  // leading ones: trim() removes them
      out += line;
      pending_newlines = last ? 0 : 1;
    }
    if (last) break;
    line_start = line_end + 1;
  }
  return out;
}

std::string collapse_spaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool in_space = false;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_cp(utf8, pos);
    if (is_white_space(cp)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    utf8::append(out, cp);
  }
  if (in_space) out += ' ';
  return out;
}

std::string strip_zero_width(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_cp(utf8, pos);
    const bool keep = !is_zero_width(cp) || (cp == 0x200D && is_emoji_glue_before_zwj(previous));
    if (keep) utf8::append(out, cp);
    previous = keep ? cp : previous;
  }
  return out;
}

bool has_bidi_control(std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();) {
    if (is_bidi_control(next_cp(utf8, pos))) return true;
  }
  return false;
}

std::string clean_text(std::string_view utf8) {
  return trim(collapse_blank_lines(nfc(strip_controls(utf8))));
}

std::string clean_line(std::string_view utf8) {
  return trim(collapse_spaces(nfc(strip_controls(utf8))));
}

}  // namespace vouch::text
