// Reply templates: placeholder parsing and rendering (plain text only).

#include "vouch/reply_template.hpp"

#include "vouch/utf8.hpp"

namespace vouch::reply {

namespace {

constexpr const char* kNames[kPlaceholderCount] = {
    "reviewer_name", "reviewer_first_name", "product_name",     "store_name",
    "order_id",      "review_title",        "days_since_review"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

void append_literal(std::vector<Segment>& segments, std::string_view text) {
  if (text.empty()) return;
  if (segments.empty() || segments.back().is_placeholder) segments.push_back(Segment{});
  segments.back().text.append(text);
}

// A value as it goes into the reply: one line of text. C0/C1 controls, line
// and paragraph separators become one space; "" when not UTF-8.
std::string clean_value(std::string_view value) {
  if (!utf8::is_valid(value)) return "";
  std::string out;
  std::size_t pos = 0;
  while (pos < value.size()) {
    const char32_t cp = utf8::decode(value, pos);
    const bool control =
        cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
    if (control) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      utf8::append(out, cp);
    }
  }
  return std::string(trim(out));
}

std::string first_word(std::string_view name) {
  name = trim(name);
  const std::size_t space = name.find(' ');
  if (space == std::string_view::npos) return "";  // one word: we cannot tell
  return std::string(name.substr(0, space));
}

std::string value_of(Placeholder p, const ReplyValues& v) {
  switch (p) {
    case Placeholder::ReviewerName:
      return clean_value(v.reviewer_name);
    case Placeholder::ReviewerFirstName: {
      const std::string first = clean_value(v.reviewer_first_name);
      return first.empty() ? first_word(clean_value(v.reviewer_name)) : first;
    }
    case Placeholder::ProductName:
      return clean_value(v.product_name);
    case Placeholder::StoreName:
      return clean_value(v.store_name);
    case Placeholder::OrderId:
      return clean_value(v.order_id);
    case Placeholder::ReviewTitle:
      return clean_value(v.review_title);
    case Placeholder::DaysSinceReview:
      if (!v.days_since_review || *v.days_since_review < 0) return "";
      return std::to_string(*v.days_since_review);
  }
  return "";
}

}  // namespace

const char* placeholder_name(Placeholder placeholder) {
  return kNames[static_cast<std::size_t>(placeholder)];
}

std::optional<Placeholder> placeholder_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kPlaceholderCount; ++i)
    if (name == kNames[i]) return static_cast<Placeholder>(i);
  return std::nullopt;
}

const std::vector<Placeholder>& all_placeholders() {
  static const std::vector<Placeholder> all = [] {
    std::vector<Placeholder> list;
    for (std::size_t i = 0; i < kPlaceholderCount; ++i) list.push_back(static_cast<Placeholder>(i));
    return list;
  }();
  return all;
}

const char* template_error_code(TemplateErrorKind kind) {
  switch (kind) {
    case TemplateErrorKind::InvalidUtf8:
      return "invalid_utf8";
    case TemplateErrorKind::TooLong:
      return "too_long";
    case TemplateErrorKind::UnknownPlaceholder:
      return "unknown_placeholder";
    case TemplateErrorKind::EmptyPlaceholder:
      return "empty_placeholder";
    case TemplateErrorKind::UnclosedBrace:
      return "unclosed_brace";
    case TemplateErrorKind::UnopenedBrace:
      return "unopened_brace";
    case TemplateErrorKind::NestedBrace:
      return "nested_brace";
  }
  return "unknown";
}

std::string TemplateError::to_string() const {
  std::string what;
  switch (kind) {
    case TemplateErrorKind::InvalidUtf8:
      what = "not valid UTF-8";
      break;
    case TemplateErrorKind::TooLong:
      what = "longer than " + std::to_string(kMaxTemplateBytes) + " bytes";
      break;
    case TemplateErrorKind::UnknownPlaceholder:
      what = "unknown placeholder {" + name + "}";
      break;
    case TemplateErrorKind::EmptyPlaceholder:
      what = "empty placeholder {}";
      break;
    case TemplateErrorKind::UnclosedBrace:
      what = "\"{\" is never closed (write \"{{\" for a literal brace)";
      break;
    case TemplateErrorKind::UnopenedBrace:
      what = "\"}\" without \"{\" (write \"}}\" for a literal brace)";
      break;
    case TemplateErrorKind::NestedBrace:
      what = "\"{\" inside a placeholder (placeholders do not nest)";
      break;
  }
  return what + " at bytes " + std::to_string(begin) + ".." + std::to_string(end);
}

std::vector<Placeholder> ParsedTemplate::placeholders() const {
  std::vector<Placeholder> used;
  for (const Segment& s : segments) {
    if (!s.is_placeholder) continue;
    bool seen = false;
    for (Placeholder p : used) seen = seen || p == s.placeholder;
    if (!seen) used.push_back(s.placeholder);
  }
  return used;
}

ParseResult parse_template(std::string_view body) {
  ParseResult result;
  if (body.size() > kMaxTemplateBytes) {
    result.errors.push_back({TemplateErrorKind::TooLong, kMaxTemplateBytes, body.size(), ""});
    return result;
  }
  if (const std::size_t bad = utf8::first_invalid(body); bad != std::string_view::npos) {
    result.errors.push_back({TemplateErrorKind::InvalidUtf8, bad, bad + 1, ""});
    return result;
  }
  auto& segments = result.parsed.segments;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const std::size_t brace = body.find_first_of("{}", pos);
    if (brace == std::string_view::npos) {
      append_literal(segments, body.substr(pos));
      break;
    }
    append_literal(segments, body.substr(pos, brace - pos));
    const bool doubled = brace + 1 < body.size() && body[brace + 1] == body[brace];
    if (doubled) {  // {{ or }}: a literal brace
      append_literal(segments, body.substr(brace, 1));
      pos = brace + 2;
      continue;
    }
    if (body[brace] == '}') {
      result.errors.push_back({TemplateErrorKind::UnopenedBrace, brace, brace + 1, ""});
      pos = brace + 1;
      continue;
    }
    const std::size_t close = body.find_first_of("{}", brace + 1);
    if (close == std::string_view::npos) {
      result.errors.push_back({TemplateErrorKind::UnclosedBrace, brace, body.size(), ""});
      break;
    }
    if (body[close] == '{') {  // a nested "{": report the whole {...} span
      const std::size_t end = body.find('}', close);
      std::size_t stop = end == std::string_view::npos ? body.size() : end + 1;
      // "{a{b}}": the outer closing brace belongs to the same mistake.
      if (stop < body.size() && body[stop] == '}') ++stop;
      result.errors.push_back({TemplateErrorKind::NestedBrace, brace, stop, ""});
      pos = stop;
      continue;
    }
    const std::string_view inner = body.substr(brace + 1, close - brace - 1);
    const std::string_view name = trim(inner);
    if (name.empty()) {
      result.errors.push_back({TemplateErrorKind::EmptyPlaceholder, brace, close + 1, ""});
    } else if (const auto placeholder = placeholder_from_name(name)) {
      Segment segment;
      segment.is_placeholder = true;
      segment.placeholder = *placeholder;
      segments.push_back(std::move(segment));
    } else {
      result.errors.push_back(
          {TemplateErrorKind::UnknownPlaceholder, brace, close + 1, std::string(name)});
    }
    pos = close + 1;
  }
  if (!result.ok()) result.parsed.segments.clear();
  return result;
}

std::int64_t days_since(std::int64_t review_unix_seconds, std::int64_t now_unix_seconds) {
  if (now_unix_seconds <= review_unix_seconds) return 0;
  return (now_unix_seconds - review_unix_seconds) / 86400;
}

RenderResult render_template(const ParsedTemplate& parsed, const ReplyValues& values) {
  RenderResult result;
  for (const Segment& segment : parsed.segments) {
    if (!segment.is_placeholder) {
      result.text += segment.text;
      continue;
    }
    const std::string value = value_of(segment.placeholder, values);
    if (value.empty()) {
      bool listed = false;
      for (Placeholder p : result.missing) listed = listed || p == segment.placeholder;
      if (!listed) result.missing.push_back(segment.placeholder);
      continue;
    }
    result.text += value;
  }
  if (!result.ok()) result.text.clear();
  return result;
}

RenderResult render_template(std::string_view body, const ReplyValues& values) {
  ParseResult parsed = parse_template(body);
  if (!parsed.ok()) {
    RenderResult result;
    result.errors = std::move(parsed.errors);
    return result;
  }
  return render_template(parsed.parsed, values);
}

}  // namespace vouch::reply
