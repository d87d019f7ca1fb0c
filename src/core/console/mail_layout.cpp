// The shared layout of the core's mails; see mail_layout.hpp.
#include "mail_layout.hpp"

#include "vouch/render.hpp"
#include "vouch/utf8.hpp"

namespace vouch::mail_layout {

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7F ? ' ' : c);
  }
  return out;
}

std::string clean_text(std::string_view text) {
  if (utf8::is_valid(text)) return std::string(text);
  std::string out;
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x80)
      out.push_back(c);
    else
      out += "\xEF\xBF\xBD";
  }
  return out;
}

void append_html_paragraphs(std::string& out, std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == '\r'))
      paragraph.remove_prefix(1);
    if (!paragraph.empty()) {
      out += "<p style=\"margin:0 0 16px\">";
      std::size_t line_start = 0;
      while (line_start <= paragraph.size()) {
        std::size_t line_end = paragraph.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = paragraph.size();
        std::string_view line = paragraph.substr(line_start, line_end - line_start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line_start > 0) out += "<br>";
        render::append_escaped(out, line);
        line_start = line_end + 1;
      }
      out += "</p>";
    }
    start = end + 2;
  }
}

void open_card(std::string& html, i18n::Locale locale, std::string_view title) {
  html += "<!doctype html><html lang=\"";
  html += i18n::locale_tag(locale);
  html += "\"><head><meta charset=\"utf-8\"><title>";
  render::append_escaped(html, title);
  html +=
      "</title></head><body style=\"margin:0;padding:0;background:#f4f4f5\">"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
      "style=\"background:#f4f4f5\"><tr><td align=\"center\" style=\"padding:24px 12px\">"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
      "style=\"max-width:560px;background:#ffffff;border-radius:8px;font-family:Arial,sans-serif;"
      "font-size:16px;line-height:1.5;color:#18181b\"><tr><td style=\"padding:24px\">";
}

void close_card(std::string& html, std::string_view footer, std::string_view unsubscribe_url,
                std::string_view unsubscribe_label) {
  html +=
      "</td></tr></table><p "
      "style=\"font-family:Arial,sans-serif;font-size:12px;color:#71717a\">";
  render::append_escaped(html, footer);
  if (render::is_safe_url(unsubscribe_url)) {
    html += "<br><a href=\"";
    render::append_escaped(html, unsubscribe_url);
    html += "\" style=\"color:#71717a\">";
    render::append_escaped(html, unsubscribe_label);
    html += "</a>";
  }
  html += "</p></td></tr></table></body></html>";
}

}  // namespace vouch::mail_layout
