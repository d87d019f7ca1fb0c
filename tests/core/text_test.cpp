// Text primitives: grapheme clusters (with every emoji sequence of UTS #51),
// hygiene steps, NFC and the confusable skeleton.
#include "vouch/text.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "shared_data.hpp"
#include "vouch/utf8.hpp"

using namespace vouch;

TEST_CASE("text: grapheme clusters count what a reader sees", "[text]") {
  CHECK(text::count_graphemes("") == 0);
  CHECK(text::count_graphemes("abc") == 3);
  CHECK(text::count_graphemes("中文字") == 3);
  CHECK(text::count_graphemes("e\xCC\x81") == 1);                  // e + combining acute
  CHECK(text::count_graphemes("👍🏽") == 1);                   // skin tone modifier
  CHECK(text::count_graphemes("👩‍👩‍👧‍👦") == 1);  // ZWJ family
  CHECK(text::count_graphemes("🇯🇵🇫🇷") == 2);                       // two flags
  CHECK(text::count_graphemes("🇯🇵🇫") == 2);                        // a flag and a lone RI
  CHECK(text::count_graphemes("#\xEF\xB8\x8F\xE2\x83\xA3") == 1);  // keycap #️⃣
  CHECK(text::count_graphemes("\r\n") == 1);
  CHECK(text::count_graphemes("한국어") == 3);                                // precomposed Hangul
  CHECK(text::count_graphemes("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == 1);  // conjoining jamo
  CHECK(text::count_graphemes("مرحبا") == 5);                                 // Arabic letters
  CHECK(text::count_graphemes("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == 1);  // tag sequence (Scotland)
}

TEST_CASE("text: every emoji in emoji-test.txt is one grapheme", "[text][corpus]") {
  VOUCH_SHARED_DATA_OR_SKIP(path, "unicode/emoji-test.txt");
  const std::string data = vouch_test::read_file(path);
  std::size_t checked = 0;
  std::size_t line_start = 0;
  while (line_start < data.size()) {
    std::size_t line_end = data.find('\n', line_start);
    if (line_end == std::string::npos) line_end = data.size();
    const std::string line = data.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    const std::size_t semicolon = line.find(';');
    if (line.empty() || line[0] == '#' || semicolon == std::string::npos) continue;
    // "1F44D 1F3FD ; fully-qualified # 👍🏽 E1.0 thumbs up: medium skin tone"
    std::string sequence;
    for (std::size_t i = 0; i < semicolon;) {
      while (i < semicolon && line[i] == ' ') ++i;
      std::size_t j = i;
      while (j < semicolon && line[j] != ' ') ++j;
      if (j > i)
        utf8::append(sequence,
                     static_cast<char32_t>(std::stoul(line.substr(i, j - i), nullptr, 16)));
      i = j;
    }
    INFO(line);
    CHECK(text::count_graphemes(sequence) == 1);
    // Components such as a lone skin tone are Extend: they join what precedes.
    if (line.find("; component") == std::string::npos) {
      CHECK(text::count_graphemes(sequence + "a" + sequence) == 3);
      CHECK(text::truncate_graphemes(sequence + sequence, 1) == sequence);
    }
    ++checked;
  }
  CHECK(checked > 5000);  // every status: fully-, minimally-, unqualified and components
}

TEST_CASE("text: truncation never splits a cluster", "[text]") {
  CHECK(text::truncate_graphemes("Hello world", 5, "…") == "Hello…");
  CHECK(text::truncate_graphemes("Hello world", 6, "…") == "Hello…");  // trailing space dropped
  CHECK(text::truncate_graphemes("short", 10, "…") == "short");
  CHECK(text::truncate_graphemes("👩‍👩‍👧‍👦👍🏽x", 2) ==
        "👩‍👩‍👧‍👦👍🏽");
  CHECK(text::truncate_graphemes("中文评价内容", 2, "…") == "中文…");
  CHECK(text::grapheme_prefix_bytes("e\xCC\x81x", 1) == 3);
  CHECK(text::grapheme_boundaries("a👍🏽b") == std::vector<std::size_t>{0, 1, 9, 10});
  CHECK(text::grapheme_boundaries("") == std::vector<std::size_t>{0});
}

TEST_CASE("text: hygiene steps", "[text]") {
  CHECK(text::strip_controls(std::string("a\0b\x01\x7F"
                                         "c",
                                         6)) == "abc");
  CHECK(text::strip_controls("a\r\nb\rc\xE2\x80\xA8"
                             "d") == "a\nb\nc\nd");
  CHECK(text::strip_controls("tab\tstays") == "tab\tstays");
  CHECK(text::strip_controls("\xC2\x85"
                             "c1") == "c1");  // NEL is a C1 control
  CHECK(text::trim("\xE3\x80\x80 \t hi \xC2\xA0\n") == "hi");
  CHECK(text::collapse_blank_lines("a  \n\n\n\nb\n \nc") == "a\n\nb\n\nc");
  CHECK(text::collapse_blank_lines("a\nb") == "a\nb");
  CHECK(text::collapse_spaces("a \t\n b") == "a b");
  CHECK(text::strip_zero_width("Ad\xE2\x80\x8Bmin\xEF\xBB\xBF") == "Admin");
  CHECK(text::strip_zero_width("👩‍💻") == "👩‍💻");  // emoji ZWJ kept
  CHECK(text::strip_zero_width("a\xE2\x80\x8D"
                               "b") == "ab");  // other ZWJ stripped
  CHECK(
      text::has_bidi_control("abc\xE2\x80\xAE"
                             "cba"));
  CHECK(text::has_bidi_control("x\xE2\x81\xA6y"));
  CHECK_FALSE(text::has_bidi_control("עברית \xE2\x80\x8F marks are fine"));
  CHECK(text::clean_text("  Line one  \r\n\r\n\r\n\r\nLine two\x00 ") == "Line one\n\nLine two");
  CHECK(text::clean_line(" Jane \n Doe ") == "Jane Doe");
}

TEST_CASE("text: NFC composes, reorders and respects exclusions", "[text]") {
  CHECK(text::nfc("e\xCC\x81") == "\xC3\xA9");  // é
  CHECK(text::nfc("\xC3\xA9") == "\xC3\xA9");
  CHECK(text::nfc("a\xCC\xA3\xCC\x82") == "\xE1\xBA\xAD");  // ậ from a + dot below + circumflex
  CHECK(text::nfc("a\xCC\x82\xCC\xA3") == "\xE1\xBA\xAD");  // same, other order
  CHECK(text::nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");  // jamo -> syllable
  CHECK(text::nfc("\xE0\xA5\x98") == "\xE0\xA4\x95\xE0\xA4\xBC");    // U+0958 is excluded
  CHECK(text::nfc("\xE2\x84\xAB") == "\xC3\x85");                    // Angstrom sign -> Å
  CHECK(text::nfc("中文 日本語 한국어 العربية") == "中文 日本語 한국어 العربية");
  CHECK(text::nfd("\xC3\xA9") == "e\xCC\x81");
  CHECK(text::nfd("한") == "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");
}

TEST_CASE("text: confusable skeletons catch look-alike names", "[text]") {
  CHECK(text::skeleton("\xD0\x90"
                       "dmin") == text::skeleton("Admin"));  // Cyrillic А
  CHECK(text::confusable("Verified Buyer", "verified buyer"));
  CHECK(text::confusable("Verified Buyer", "V e r i f i e d - B u y e r"));
  CHECK(text::confusable("Verified Buyer", "V\xD0\xB5rified Buyer"));  // Cyrillic е
  CHECK(text::confusable("Admin", "ADM1N"));
  CHECK(text::confusable("Admin", "Adrnin"));  // rn looks like m
  CHECK(text::confusable("Admin",
                         "\xF0\x9D\x90\x80\xF0\x9D\x90\x9D\xF0\x9D\x90\xA6\xF0\x9D\x90\xA2\xF0\x9D"
                         "\x90\xA7"));  // 𝐀𝐝𝐦𝐢𝐧
  CHECK(text::confusable(
      "Admin", "\xEF\xBC\xA1\xEF\xBD\x84\xEF\xBD\x8D\xEF\xBD\x89\xEF\xBD\x8E"));  // Ａｄｍｉｎ
  CHECK(text::confusable("Store Owner", "St0re 0wner"));
  CHECK(text::confusable("Admin",
                         "\xC3\x81"
                         "dmin"));  // Ádmin
  CHECK_FALSE(text::confusable("Admin", "Adam"));
  CHECK_FALSE(text::confusable("Verified Buyer", "Verified Buyers Club"));
  CHECK_FALSE(text::confusable("", ""));             // empty keys never match
  CHECK(text::confusable("山田商店", "山田 商店"));  // CJK: exact after folding
}
