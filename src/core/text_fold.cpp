// Search folding and tokenising. Tables cover what is simple and common:
// ASCII and full-width ASCII case, Latin-1 and Latin Extended-A accents,
// Greek and Cyrillic capitals, combining accents (dropped).

#include "search_index.hpp"
#include "vouch/query.hpp"
#include "vouch/utf8.hpp"

namespace vouch::search {

namespace {

// U+00C0..U+00FF without accents ("" = keep the character as is).
const char* const kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF

// U+0100..U+017F: the base letter; '1' = "ij", '2' = "oe".
constexpr char kLatinExtA[] =
    "aaaaaa"
    "cccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "11"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooo"
    "22"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";
static_assert(sizeof kLatinExtA == 129, "one letter per code point U+0100..U+017F");

// Appends the folded form of one code point; false when it is dropped.
bool fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return true;
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) return fold_code_point(cp - 0xFEE0, out);  // full-width ASCII
  if (cp == 0x3000) {                                                          // ideographic space
    out += ' ';
    return true;
  }
  if (cp >= 0x300 && cp <= 0x36F) return false;  // combining accents (decomposed é)
  if (cp >= 0xC0 && cp <= 0xFF && *kLatin1[cp - 0xC0]) {
    out += kLatin1[cp - 0xC0];
    return true;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    const char c = kLatinExtA[cp - 0x100];
    out += c == '1' ? "ij" : c == '2' ? "oe" : std::string(1, c);
    return true;
  }
  if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F))
    cp += 0x20;  // Greek, Cyrillic
  else if (cp >= 0x400 && cp <= 0x40F)
    cp += 0x50;
  utf8::append(out, cp);
  return true;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // hiragana, katakana
         (cp >= 0x31F0 && cp <= 0x31FF) ||  // katakana extensions
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // Han extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Han
         (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul syllables
         (cp >= 0x1100 && cp <= 0x11FF) ||  // Hangul jamo
         (cp >= 0x3130 && cp <= 0x318F) ||  // Hangul compatibility jamo
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // Han compatibility
         (cp >= 0xFF66 && cp <= 0xFF9F) ||  // half-width katakana
         (cp >= 0x20000 && cp <= 0x3FFFF);  // Han extensions B..
}

bool is_symbol(char32_t cp) {
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return false;  // skin tones modify the emoji before them
  return (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xA9 ||
         cp == 0xAE || cp == 0x3297 || cp == 0x3299;
}

bool is_separator(char32_t cp) {
  if (cp < 0x80)
    return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  return cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x218F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
         (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         cp == utf8::kInvalid;
}

}  // namespace

void fold(std::string_view text, std::string& out, FoldMap* map) {
  std::size_t pos = 0;
  std::size_t last_start = out.size();  // first folded byte of the last kept code point
  while (pos < text.size()) {
    const std::size_t before = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // ASCII fast path: most review text (load time matters)
      last_start = out.size();
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++pos;
      if (map) {
        map->begin.push_back(static_cast<std::uint32_t>(before));
        map->end.push_back(static_cast<std::uint32_t>(pos));
      }
      continue;
    }
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) continue;  // never in validated text
    const std::size_t out_before = out.size();
    if (fold_code_point(cp, out)) {
      last_start = out_before;
      if (map) {
        map->begin.resize(out.size(), static_cast<std::uint32_t>(before));
        map->end.resize(out.size(), static_cast<std::uint32_t>(pos));
      }
    } else if (map) {
      // A dropped combining mark belongs to the character before it, so a
      // highlight never splits "e" from its accent.
      for (std::size_t k = last_start; k < map->end.size(); ++k)
        map->end[k] = static_cast<std::uint32_t>(pos);
    }
  }
}

void tokenize(std::string_view folded, std::vector<Token>& out) {
  std::size_t pos = 0;
  bool in_token = false;
  Token current{TokenKind::Word, 0, 0};
  auto finish = [&] {
    if (in_token) out.push_back(current);
    in_token = false;
  };
  while (pos < folded.size()) {
    const std::size_t before = pos;
    const auto byte = static_cast<unsigned char>(folded[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, char32_t{byte}) : utf8::decode(folded, pos);
    if (is_separator(cp)) {
      finish();
      continue;
    }
    const TokenKind kind = is_cjk(cp)      ? TokenKind::Cjk
                           : is_symbol(cp) ? TokenKind::Symbol
                                           : TokenKind::Word;
    if (in_token && current.kind == kind && kind != TokenKind::Symbol) {
      current.end = static_cast<std::uint32_t>(pos);
      continue;
    }
    finish();
    current = Token{kind, static_cast<std::uint32_t>(before), static_cast<std::uint32_t>(pos)};
    in_token = true;
  }
  finish();
}

}  // namespace vouch::search

namespace vouch {

std::string fold_for_search(std::string_view text) {
  std::string out;
  search::fold(text, out, nullptr);
  return out;
}

}  // namespace vouch
