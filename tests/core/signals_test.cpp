// Validator signals over the one text pipeline: links that know domains from
// prose (Public Suffix List + context rules), repeated words in scripts
// without spaces, Korean and apostrophes handled as in search.

#include <catch2/catch.hpp>
#include <string>

#include "vouch/validate.hpp"

using namespace vouch;

namespace {

std::string flag(const std::string& body, const std::string& code) {
  Policy policy;
  policy.links_allowed = true;  // links become a flag instead of an error
  Submission s;
  s.body = body;
  for (const Flag& f : validate_submission(s, policy, ValidationContext{}).flags)
    if (f.code == code) return f.detail;
  return "";
}

}  // namespace

TEST_CASE("signals: links are found by the Public Suffix List, prose is not a link",
          "[validate][signals]") {
  // Real prose from the issue: a missing space after a full stop.
  CHECK(flag("The fabric is not suitable.In fact it itches.", "contains_link").empty());
  CHECK(flag("Mr.Smith at the shop was helpful.", "contains_link").empty());
  CHECK(flag("Dr.Li said it was fine", "contains_link").empty());
  CHECK(flag("I love.it fits well", "contains_link").empty());
  CHECK(flag("Great shoes.Would buy again.", "contains_link").empty());
  // Real links still are.
  CHECK(flag("cheap pills at pills.example.com now", "contains_link") == "pills.example.com");
  CHECK(flag("see bit.ly/abc123", "contains_link") == "bit.ly/abc123");
  CHECK(flag("visit cheapstuff.xyz", "contains_link") == "cheapstuff.xyz");
  CHECK(flag("visit CHEAPSTUFF.COM", "contains_link") == "CHEAPSTUFF.COM");
  CHECK(flag("order at shop.in/deal", "contains_link") == "shop.in/deal");
  CHECK(flag("https://x.io/a", "contains_link") == "https://x.io/a");
  CHECK(flag("www.example.org", "contains_link") == "www.example.org");
  CHECK(flag("visit example.shop", "contains_link") == "example.shop");  // a PSL-only TLD
  CHECK(flag("version 2.5 is better", "contains_link").empty());
  CHECK(flag("file.notatld here", "contains_link").empty());
}

TEST_CASE("signals: repeated words in Chinese, Japanese and Korean", "[validate][signals]") {
  CHECK(flag("好评好评好评好评", "repeated_words") == "好评");
  CHECK(flag("很好 很好 很好 很好", "repeated_words") == "很好");
  CHECK(flag("좋아요 좋아요 좋아요 좋아요", "repeated_words") == "좋아요");
  CHECK(flag("哈哈哈哈哈哈哈哈哈", "repeated_words").empty());  // a character, not a word
  CHECK(flag("好评好评，很满意", "repeated_words").empty());
  CHECK(flag("don't don’t don't don't", "repeated_words") == "don't");  // one apostrophe rule
}
