#include <catch2/catch.hpp>
#include <string>

#include "vouch/i18n.hpp"
#include "vouch/utf8.hpp"

using namespace vouch;

TEST_CASE("utf8: strict decoding rejects overlongs, surrogates, truncation") {
  CHECK(utf8::is_valid("plain ascii"));
  CHECK(utf8::is_valid("中文 日本語 café 👍🏽"));
  CHECK(utf8::first_invalid("ok\xC0\xAF") == 2);        // overlong '/'
  CHECK(utf8::first_invalid("\xED\xA0\x80") == 0);      // UTF-16 surrogate
  CHECK(utf8::first_invalid("ab\xE4\xB8") == 2);        // truncated 3-byte sequence
  CHECK(utf8::first_invalid("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(utf8::first_invalid("\x80") == 0);              // lone continuation byte
  CHECK(utf8::count_code_points("中文👍") == 3);
}

TEST_CASE("utf8: encode and decode round-trip every plane") {
  for (char32_t cp : {U'\u0041', U'\u00E9', U'\u4E2D', U'\U0001F44D', U'\U0010FFFF'}) {
    std::string bytes;
    utf8::append(bytes, cp);
    std::size_t pos = 0;
    CHECK(utf8::decode(bytes, pos) == cp);
    CHECK(pos == bytes.size());
  }
}

TEST_CASE("i18n: locale tags resolve to the shipped locales") {
  using i18n::Locale;
  CHECK(i18n::resolve_locale("zh-Hant-HK") == Locale::ZhTW);
  CHECK(i18n::resolve_locale("zh_TW") == Locale::ZhTW);
  CHECK(i18n::resolve_locale("zh-Hans-TW") == Locale::ZhCN);
  CHECK(i18n::resolve_locale("zh") == Locale::ZhCN);
  CHECK(i18n::resolve_locale("FR-ca") == Locale::Fr);
  CHECK(i18n::resolve_locale("pt-BR") == Locale::En);
  CHECK(i18n::resolve_locale("") == Locale::En);
  CHECK(i18n::locale_tag(Locale::ZhTW) == "zh-TW");
}

TEST_CASE("i18n: plural-aware formatting") {
  using i18n::Locale;
  const char* pattern = "{count, plural, one {# review} other {# reviews}} by {who}";
  CHECK(i18n::format(pattern, {{"count", "1"}, {"who", "Ana"}}, Locale::En) == "1 review by Ana");
  CHECK(i18n::format(pattern, {{"count", "0"}, {"who", "Ana"}}, Locale::En) == "0 reviews by Ana");
  CHECK(i18n::format(pattern, {{"count", "0"}, {"who", "Ana"}}, Locale::Fr) == "0 review by Ana");
  CHECK(i18n::format("请至少输入 {min} 个字", {{"min", "10"}}, Locale::ZhCN) ==
        "请至少输入 10 个字");
  CHECK(i18n::format("missing {name}", {}, Locale::En) == "missing {name}");
  CHECK(i18n::format("unclosed {brace", {}, Locale::En) == "unclosed {brace");
}

TEST_CASE("i18n: catalog lookup falls back to English, then to the key") {
  static const i18n::Message table[] = {
      {"hello", {"Hello", "你好", nullptr, "こんにちは", "Hola", "Bonjour", "Hallo"}},
  };
  CHECK(i18n::lookup(table, 1, "hello", i18n::Locale::Ja) == "こんにちは");
  CHECK(i18n::lookup(table, 1, "hello", i18n::Locale::ZhTW) == "Hello");
  CHECK(i18n::lookup(table, 1, "absent", i18n::Locale::En) == "absent");
}
