#pragma once
// Review-request e-mails (issue 18): the HTML and plain-text parts of a request
// or a reminder, the store-editable template around them, and the pages of the
// unsubscribe link. Pure C++ (no I/O): the server fills in the order's
// products and the signed links, this file decides what the shopper reads.
//
// Rating-blind by construction (FTC 16 CFR 465.4): nothing here knows what a
// customer might say, a mail offers the same five star links for every
// product, and a template can only hold text with {store_name} and
// {customer_name}: no condition, no rating, no reward placeholder.
//
// Every value from a store or an order passes through render::escape exactly
// once in the HTML part; URLs must pass render::is_safe_url or the row/link is
// left out. The plain-text part carries values with control characters
// replaced by spaces (a name cannot add lines).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/i18n.hpp"

namespace vouch::request_mail {

enum class MailKind : std::uint8_t { Request, Reminder };
const char* mail_kind_name(MailKind kind);  // "request", "reminder"
std::optional<MailKind> mail_kind_from(std::string_view name);

// What the store may edit: the subject line and the paragraph above the
// product rows. Placeholders: {store_name}, {customer_name}; "{{" and "}}"
// stand for literal braces.
struct MailTemplate {
  std::string subject;
  std::string intro;
};
inline constexpr std::size_t kMaxSubjectBytes = 200;
inline constexpr std::size_t kMaxIntroBytes = 2000;

// The catalogue's template for this kind and locale (7 locales).
MailTemplate default_template(MailKind kind, i18n::Locale locale);

struct TemplateIssue {
  std::string field;       // "subject" | "intro"
  std::string code;        // invalid_utf8, too_long, empty, line_break, unknown_placeholder,
                           // unclosed_brace, unopened_brace
  std::size_t offset = 0;  // byte offset in the field
  std::string message;     // English, for people
};
// Every problem of a template, in field then text order (empty = usable).
std::vector<TemplateIssue> check_template(const MailTemplate& mail_template);

struct ProductRow {
  std::string name;
  std::string image_url;                 // "" or unsafe = no image
  std::array<std::string, 5> star_urls;  // [0] = 1 star ... [4] = 5 stars; every one http(s)
};

struct MailInput {
  MailKind kind = MailKind::Request;
  i18n::Locale locale = i18n::Locale::En;
  std::string store_name;
  std::string customer_name;  // "" = greeting without a name
  std::vector<ProductRow> products;
  std::string unsubscribe_url;         // the page with the one-click form
  std::optional<MailTemplate> custom;  // the store's edited template (checked), else the default
};

struct RenderedMail {
  std::string subject;  // one line, no control characters
  std::string text;     // the text/plain part (LF line ends)
  std::string html;     // the text/html part (a whole document)
};
// Products whose star links are not all http(s) are left out.
RenderedMail render_mail(const MailInput& input);

// ---- the unsubscribe pages (GET shows the question, POST the result) --------
enum class UnsubscribePage : std::uint8_t { Confirm, Done, Invalid };
// A whole HTML page. `form_action` is the URL the confirm form posts to
// (relative is fine: the page is served by the server itself).
std::string unsubscribe_page(UnsubscribePage page, i18n::Locale locale, std::string_view store_name,
                             std::string_view form_action);

// The page a broken star link answers (expired, tampered, unknown request).
std::string link_problem_page(i18n::Locale locale, std::string_view store_name);

// A mail catalogue string, formatted, NOT escaped (tests and the console).
std::string mail_text(std::string_view key, const i18n::Params& params, i18n::Locale locale);

}  // namespace vouch::request_mail
