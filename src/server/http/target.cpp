#include "http/target.hpp"

namespace vouch::server::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<Target> parse_target(std::string_view raw, TargetError& error) {
  // Absolute-form (what a proxy sends): drop "scheme://authority".
  for (std::string_view scheme : {"http://", "https://"}) {
    if (raw.substr(0, scheme.size()) == scheme) {
      const std::size_t slash = raw.find('/', scheme.size());
      raw = slash == std::string_view::npos ? std::string_view("/") : raw.substr(slash);
    }
  }
  if (raw.empty() || raw.front() != '/') {
    error.message = "the request target must be a path starting with /";
    return std::nullopt;
  }
  const std::size_t question = raw.find('?');
  std::string_view path = raw.substr(0, question);
  std::string_view query = question == std::string_view::npos ? "" : raw.substr(question + 1);
  if (const std::size_t hash = query.find('#'); hash != std::string_view::npos)
    query = query.substr(0, hash);

  Target target;
  std::optional<std::string> decoded = percent_decode(path, false);
  if (!decoded) {
    error.message = "the path holds a malformed %-escape";
    return std::nullopt;
  }
  target.path = std::move(*decoded);

  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    std::optional<std::string> key = percent_decode(pair.substr(0, equals), true);
    std::optional<std::string> value = percent_decode(
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), true);
    if (!key || !value) {
      error.message = "the query holds a malformed %-escape";
      return std::nullopt;
    }
    target.params.emplace(std::move(*key), std::move(*value));
  }
  return target;
}

}  // namespace vouch::server::http
