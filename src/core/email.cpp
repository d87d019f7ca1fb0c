// E-mail syntax: the practical RFC 5321/5322 subset documented in email.hpp
// and docs/validation.md ("E-mail policy").
#include "vouch/email.hpp"

#include <cstring>
#include <string_view>

namespace vouch {

namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 5322 atext; bytes >= 0x80 are UTF-8 (RFC 6531), validated by the caller.
bool is_atext(unsigned char c) {
  return is_ascii_alnum(c) || c >= 0x80 || (c != 0 && std::strchr("!#$%&'*+-/=?^_`{|}~", c));
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > 64) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  for (std::size_t i = 0; i < local.size(); ++i) {
    const auto c = static_cast<unsigned char>(local[i]);
    if (c == '.') {
      if (local[i + 1] == '.') return false;  // i + 1 < size: back() is not '.'
    } else if (!is_atext(c)) {
      return false;
    }
  }
  return true;
}

bool valid_label(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char ch : label) {
    const auto c = static_cast<unsigned char>(ch);
    if (!is_ascii_alnum(c) && c != '-' && c < 0x80) return false;
  }
  return true;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t labels = 0;
  std::string_view last;
  for (std::size_t start = 0;;) {
    const std::size_t dot = domain.find('.', start);
    last =
        domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!valid_label(last)) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  bool all_digits = true;
  for (char c : last) all_digits = all_digits && c >= '0' && c <= '9';
  return labels >= 2 && !all_digits;  // no dotless hosts, no "1.2.3.4" as a domain
}

bool valid_utf8(std::string_view text) {
  // Structural check only (the validator has already rejected malformed input);
  // here it keeps is_valid_email safe to call on its own.
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

bool is_valid_email(std::string_view address) {
  if (address.size() > 254 || !valid_utf8(address)) return false;
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return false;
  return valid_local_part(address.substr(0, at)) && valid_domain(address.substr(at + 1));
}

}  // namespace vouch
