#pragma once
// The ONE layout of the mails the core renders (the review request, the
// answer invitation): how a value from a store, an order or a shopper becomes
// one safe line or valid text, the paragraphs, and the HTML card with its
// footer (why the mail came, the unsubscribe link). Every value goes through
// render::escape exactly once here; URLs must pass render::is_safe_url.

#include <string>
#include <string_view>

#include "vouch/i18n.hpp"

namespace vouch::mail_layout {

// Control characters (line breaks included) become spaces: a value from an
// order or a template cannot add lines or headers.
std::string one_line(std::string_view text);

// A valid-UTF-8 copy (invalid bytes become U+FFFD) for the plain-text part.
std::string clean_text(std::string_view text);

// Paragraphs: blank lines separate them; single line breaks become <br>.
void append_html_paragraphs(std::string& out, std::string_view text);

// The document, the outer table and the white card up to its content.
void open_card(std::string& html, i18n::Locale locale, std::string_view title);

// Closes the card; below it the footer line and, when `unsubscribe_url` is
// safe, the unsubscribe link labelled `unsubscribe_label`; ends the document.
void close_card(std::string& html, std::string_view footer, std::string_view unsubscribe_url,
                std::string_view unsubscribe_label);

}  // namespace vouch::mail_layout
