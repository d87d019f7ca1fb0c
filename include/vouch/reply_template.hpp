#pragma once
// Reply templates for the store owner's console (issue 15, item 5): parsing
// and rendering placeholders, a check before a reply is published, and the
// seed templates in the 7 UI locales. Replies are PLAIN TEXT: nothing here
// produces or interprets HTML; whoever shows a reply escapes it as text.
//
// Template syntax: literal text with placeholders `{name}` from a fixed list;
// `{{` and `}}` stand for literal braces. Everything else with a brace is an
// error with its byte span: an unknown or empty name, `{` never closed, a
// `}` never opened, a `{` inside a placeholder (no nesting).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::reply {

enum class Placeholder : std::uint8_t {
  ReviewerName,
  ReviewerFirstName,
  ProductName,
  StoreName,
  OrderId,
  ReviewTitle,
  DaysSinceReview,
};
inline constexpr std::size_t kPlaceholderCount = 7;

// "reviewer_name", ... (what goes between the braces).
const char* placeholder_name(Placeholder placeholder);
std::optional<Placeholder> placeholder_from_name(std::string_view name);
// Every placeholder in declaration order (the editor lists them).
const std::vector<Placeholder>& all_placeholders();

// ---- parsing ---------------------------------------------------------------
enum class TemplateErrorKind : std::uint8_t {
  InvalidUtf8,         // the body is not UTF-8 (begin = first bad byte)
  TooLong,             // over kMaxTemplateBytes
  UnknownPlaceholder,  // {reviewer_nmae}
  EmptyPlaceholder,    // {} or { }
  UnclosedBrace,       // "{product_name" to the end of the text
  UnopenedBrace,       // a lone "}" (write "}}" for a literal one)
  NestedBrace,         // "{a{b}}": a "{" inside a placeholder
};
const char* template_error_code(TemplateErrorKind kind);  // "unknown_placeholder", ...

struct TemplateError {
  TemplateErrorKind kind;
  std::size_t begin = 0;  // byte span in the template body
  std::size_t end = 0;
  std::string name;  // the placeholder as written (UnknownPlaceholder)
  // "unknown placeholder {reviewer_nmae} at bytes 6..21"
  std::string to_string() const;
};

inline constexpr std::size_t kMaxTemplateBytes = 10000;

struct Segment {
  bool is_placeholder = false;
  std::string text;  // literal text (braces already unescaped) when !is_placeholder
  Placeholder placeholder = Placeholder::ReviewerName;
};

struct ParsedTemplate {
  std::vector<Segment> segments;
  // Placeholders used, each once, in order of first use.
  std::vector<Placeholder> placeholders() const;
};

struct ParseResult {
  ParsedTemplate parsed;              // meaningful when ok()
  std::vector<TemplateError> errors;  // every problem, in text order
  bool ok() const { return errors.empty(); }
};
ParseResult parse_template(std::string_view body);

// ---- rendering -------------------------------------------------------------
// The item's values. Empty means "unknown": a template that uses it is refused.
struct ReplyValues {
  std::string reviewer_name;
  std::string reviewer_first_name;  // "" -> first word of reviewer_name when it has several
  std::string product_name;
  std::string store_name;
  std::string order_id;
  std::string review_title;
  std::optional<std::int64_t> days_since_review;  // >= 0
};

// Whole days from `review_unix_seconds` to `now_unix_seconds` (0 when negative).
std::int64_t days_since(std::int64_t review_unix_seconds, std::int64_t now_unix_seconds);

struct RenderResult {
  std::string text;                   // the reply (meaningful when ok())
  std::vector<TemplateError> errors;  // the template does not parse
  std::vector<Placeholder> missing;   // used but empty/invalid in the values
  bool ok() const { return errors.empty() && missing.empty(); }
};
// A value is inserted as text exactly once: braces or markup in it are not
// expanded or interpreted. Control characters and line breaks in a value
// become spaces (a name cannot add lines to a reply); a value that is not
// UTF-8 counts as missing.
RenderResult render_template(const ParsedTemplate& parsed, const ReplyValues& values);
RenderResult render_template(std::string_view body, const ReplyValues& values);

// ---- the check before publishing ----------------------------------------------
enum class ReplyWarningKind : std::uint8_t {
  Email,              // an e-mail address
  Phone,              // a phone number
  AsksToChangeReview  // asks the reviewer to edit/remove the review or rating (16 CFR 465)
};
const char* reply_warning_code(ReplyWarningKind kind);  // "email", "phone", "asks_to_change_review"

struct ReplyWarning {
  ReplyWarningKind kind;
  std::size_t begin = 0;  // byte span in the reply text
  std::size_t end = 0;
};
// Warnings in text order. Not a refusal: the owner may publish the store's own
// support address on purpose; the console shows the warning and asks. A text
// that is not UTF-8 gives no warnings (render_template never produces one).
std::vector<ReplyWarning> check_reply(std::string_view text);

// ---- seed templates -----------------------------------------------------------
enum class SeedKind : std::uint8_t { ThanksPositive, ApologyNegative, LogisticsDelay, Defect };
const char* seed_kind_name(SeedKind kind);  // "thanks_positive", ...

struct SeedTemplate {
  std::string id;      // "en.thanks_positive"
  std::string locale;  // "en", "zh-CN", "zh-TW", "ja", "es", "fr", "de"
  SeedKind kind;
  std::string name;               // shown in the picker, in the template's language
  std::vector<std::string> tags;  // triage tag ids the picker matches on
  std::string body;
};
// 4 kinds x 7 locales, every one parsing cleanly.
const std::vector<SeedTemplate>& seed_templates();

}  // namespace vouch::reply
