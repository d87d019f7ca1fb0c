// The review-request mail: template check and expansion, the plain-text and
// HTML parts, the unsubscribe pages. See request_mail.hpp for the rules.
#include "vouch/request_mail.hpp"

#include "mail_layout.hpp"
#include "vouch/render.hpp"
#include "vouch/utf8.hpp"

namespace vouch::request_mail {

namespace {

using mail_layout::append_html_paragraphs;
using mail_layout::clean_text;
using mail_layout::one_line;

constexpr const char* kPlaceholders[] = {"store_name", "customer_name"};

bool known_placeholder(std::string_view name) {
  for (const char* known : kPlaceholders)
    if (name == known) return true;
  return false;
}

struct Values {
  std::string store_name;
  std::string customer_name;
};

// Expands a checked template: {store_name}, {customer_name}, {{ and }}.
// Anything else with a brace is kept as written (check_template refuses it
// before a template is stored; the defaults have none).
std::string expand(std::string_view text, const Values& values) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (name == "store_name") {
          out += values.store_name;
          i = close;
          continue;
        }
        if (name == "customer_name") {
          out += values.customer_name;
          i = close;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  // An empty customer name leaves a double space or a space before a comma.
  std::string tidy;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && i + 1 < out.size() && (out[i + 1] == ' ' || out[i + 1] == ',')) continue;
    tidy.push_back(out[i]);
  }
  return tidy;
}

void check_field(const std::string& field, std::string_view text, std::size_t max_bytes,
                 bool single_line, std::vector<TemplateIssue>& issues) {
  if (!utf8::is_valid(text)) {
    issues.push_back({field, "invalid_utf8", 0, field + " is not valid UTF-8"});
    return;
  }
  if (text.size() > max_bytes) {
    issues.push_back({field, "too_long", max_bytes,
                      field + " is longer than " + std::to_string(max_bytes) + " bytes"});
    return;
  }
  bool blank = true;
  for (char c : text) blank = blank && (c == ' ' || c == '\t' || c == '\n' || c == '\r');
  if (blank) issues.push_back({field, "empty", 0, field + " is empty"});
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char u = static_cast<unsigned char>(text[i]);
    if (single_line && (u == '\n' || u == '\r')) {
      issues.push_back({field, "line_break", i, field + " must be one line"});
      break;
    }
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '}') {
      issues.push_back({field, "unopened_brace", i,
                        field + ": a lone } at byte " + std::to_string(i) + " (write }} for one)"});
      continue;
    }
    if (c != '{') continue;
    const std::size_t close = text.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || text[close] == '{') {
      issues.push_back({field, "unclosed_brace", i,
                        field + ": { at byte " + std::to_string(i) + " is never closed"});
      if (close == std::string_view::npos) break;
      continue;
    }
    const std::string name(text.substr(i + 1, close - i - 1));
    if (!known_placeholder(name)) {
      issues.push_back(
          {field, "unknown_placeholder", i,
           field + ": unknown placeholder {" + name + "} (known: {store_name}, {customer_name})"});
    }
    i = close;
  }
}

void append_text_escaped(std::string& out, std::string_view text) {
  render::append_escaped(out, text);
}

bool usable(const ProductRow& row) {
  for (const std::string& url : row.star_urls)
    if (!render::is_safe_url(url)) return false;
  return true;
}

std::string page(i18n::Locale locale, std::string_view title, const std::string& body_html) {
  std::string out = "<!doctype html><html lang=\"";
  out += i18n::locale_tag(locale);
  out +=
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\"><title>";
  append_text_escaped(out, title);
  out +=
      "</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:3em "
      "auto;padding:0 1em;line-height:1.5\"><h1 style=\"font-size:1.4em\">";
  append_text_escaped(out, title);
  out += "</h1>";
  out += body_html;
  out += "</body></html>";
  return out;
}

}  // namespace

const char* mail_kind_name(MailKind kind) {
  return kind == MailKind::Reminder ? "reminder" : "request";
}

std::optional<MailKind> mail_kind_from(std::string_view name) {
  if (name == "request") return MailKind::Request;
  if (name == "reminder") return MailKind::Reminder;
  return std::nullopt;
}

std::vector<TemplateIssue> check_template(const MailTemplate& mail_template) {
  std::vector<TemplateIssue> issues;
  check_field("subject", mail_template.subject, kMaxSubjectBytes, true, issues);
  check_field("intro", mail_template.intro, kMaxIntroBytes, false, issues);
  return issues;
}

RenderedMail render_mail(const MailInput& input) {
  const i18n::Locale locale = input.locale;
  const MailTemplate chosen = input.custom ? *input.custom : default_template(input.kind, locale);
  const Values values{one_line(clean_text(input.store_name)),
                      one_line(clean_text(input.customer_name))};
  const std::string subject = one_line(expand(chosen.subject, values));
  const std::string intro = clean_text(expand(chosen.intro, values));
  const std::string greeting =
      values.customer_name.find_first_not_of(' ') == std::string::npos
          ? mail_text("greeting", {}, locale)
          : mail_text("greeting_named", {{"name", values.customer_name}}, locale);
  const std::string prompt = mail_text("rate_prompt", {}, locale);
  const std::string note = mail_text("honest_note", {}, locale);
  const std::string footer =
      mail_text("footer_reason", {{"store_name", values.store_name}}, locale);
  const std::string unsubscribe = mail_text("unsubscribe_link", {}, locale);
  const bool can_unsubscribe = render::is_safe_url(input.unsubscribe_url);

  RenderedMail mail;
  mail.subject = subject;

  // ---- text/plain ----
  std::string& text = mail.text;
  text += greeting + "\n\n" + intro + "\n\n";
  for (const ProductRow& row : input.products) {
    if (!usable(row)) continue;
    text += one_line(clean_text(row.name)) + "\n" + prompt + "\n";
    for (int stars = 5; stars >= 1; --stars) {
      text += "  ";
      for (int i = 0; i < 5; ++i) text += i < stars ? "\xE2\x98\x85" : "\xE2\x98\x86";
      text += " " + mail_text("star_link", {{"count", std::to_string(stars)}}, locale) + ": " +
              row.star_urls[static_cast<std::size_t>(stars - 1)] + "\n";
    }
    text += "\n";
  }
  text += note + "\n\n-- \n" + footer + "\n";
  if (can_unsubscribe) text += unsubscribe + ": " + input.unsubscribe_url + "\n";

  // ---- text/html ----
  std::string& html = mail.html;
  mail_layout::open_card(html, locale, subject);
  html += "<p style=\"margin:0 0 16px\">";
  append_text_escaped(html, greeting);
  html += "</p>";
  append_html_paragraphs(html, intro);
  for (const ProductRow& row : input.products) {
    if (!usable(row)) continue;
    html +=
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
        "class=\"vouch-product\" style=\"margin:0 0 16px;border-top:1px solid #e4e4e7\"><tr>";
    if (render::is_safe_url(row.image_url)) {
      html += "<td width=\"72\" style=\"padding:12px 12px 0 0;vertical-align:top\"><img src=\"";
      append_text_escaped(html, row.image_url);
      html +=
          "\" width=\"64\" height=\"64\" alt=\"\" style=\"display:block;border-radius:4px\"></td>";
    }
    html +=
        "<td style=\"padding:12px 0 0;vertical-align:top\"><p style=\"margin:0 0 "
        "4px;font-weight:bold\">";
    append_text_escaped(html, row.name);
    html += "</p><p style=\"margin:0;font-size:28px;line-height:1\">";
    for (int stars = 1; stars <= 5; ++stars) {
      const std::string label = mail_text("star_link", {{"count", std::to_string(stars)}}, locale);
      html += "<a href=\"";
      append_text_escaped(html, row.star_urls[static_cast<std::size_t>(stars - 1)]);
      html += "\" title=\"";
      append_text_escaped(html, label);
      html += "\" aria-label=\"";
      append_text_escaped(html, label);
      html += "\" data-vouch-rating=\"" + std::to_string(stars) +
              "\" style=\"color:#f59e0b;text-decoration:none\">\xE2\x98\x85</a>";
    }
    html += "</p></td></tr></table>";
  }
  html += "<p style=\"margin:0 0 16px;color:#52525b\">";
  append_text_escaped(html, note);
  html += "</p>";
  mail_layout::close_card(html, footer, can_unsubscribe ? input.unsubscribe_url : "", unsubscribe);
  return mail;
}

std::string unsubscribe_page(UnsubscribePage which, i18n::Locale locale,
                             std::string_view store_name, std::string_view form_action) {
  const std::string store = one_line(clean_text(store_name));
  const std::string title = mail_text("unsub_title", {{"store_name", store}}, locale);
  std::string body = "<p>";
  switch (which) {
    case UnsubscribePage::Confirm:
      append_text_escaped(body, mail_text("unsub_question", {{"store_name", store}}, locale));
      body += "</p><form method=\"post\" action=\"";
      append_text_escaped(body, form_action);
      body +=
          "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
          "<button type=\"submit\">";
      append_text_escaped(body, mail_text("unsub_button", {}, locale));
      body += "</button></form>";
      return page(locale, title, body);
    case UnsubscribePage::Done:
      append_text_escaped(body, mail_text("unsub_done", {{"store_name", store}}, locale));
      break;
    case UnsubscribePage::Invalid:
      append_text_escaped(body, mail_text("unsub_invalid", {}, locale));
      break;
  }
  body += "</p>";
  return page(locale, title, body);
}

std::string link_problem_page(i18n::Locale locale, std::string_view store_name) {
  const std::string store = one_line(clean_text(store_name));
  return page(locale, store,
              "<p>" + render::escape(mail_text("link_invalid", {}, locale)) + "</p>");
}

}  // namespace vouch::request_mail
