#pragma once
// E-mail address syntax: a practical subset of RFC 5321/5322 (+ RFC 6531 UTF-8),
// i.e. what a store can actually send mail to. Accepted:
//   local-part: dot-atom (atext: letters, digits, !#$%&'*+-/=?^_`{|}~ and any
//               non-ASCII letter), no leading/trailing/double dot, <= 64 bytes
//   domain:     >= 2 labels, each 1..63 bytes of letters/digits/hyphen (or
//               non-ASCII), no leading/trailing hyphen, top label not all digits,
//               <= 253 bytes
//   whole:      <= 254 bytes
// Refused on purpose: quoted local parts, comments and folding white space, IP
// address literals, dotless domains ("a@localhost"). Tested against isemail's
// tests.xml; docs/validation.md lists the categories accepted and why.

#include <string_view>

namespace vouch {

bool is_valid_email(std::string_view address);

}  // namespace vouch
