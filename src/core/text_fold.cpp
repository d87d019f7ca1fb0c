// The one text pipeline (text_fold.hpp): folding, character classes, tokens.

#include "text_fold.hpp"

#include "unicode_tables.hpp"
#include "vouch/query.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

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

// Half-width katakana U+FF66..U+FF9D as their full-width forms (U+30xx, low byte).
constexpr unsigned char kHalfKana[56] = {
    0xF2, 0xA1, 0xA3, 0xA5, 0xA7, 0xA9, 0xE3, 0xE5, 0xE7, 0xC3, 0xFC, 0xA2, 0xA4, 0xA6,
    0xA8, 0xAA, 0xAB, 0xAD, 0xAF, 0xB1, 0xB3, 0xB5, 0xB7, 0xB9, 0xBB, 0xBD, 0xBF, 0xC1,
    0xC4, 0xC6, 0xC8, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD2, 0xD5, 0xD8, 0xDB, 0xDE,
    0xDF, 0xE0, 0xE1, 0xE2, 0xE4, 0xE6, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEF, 0xF3};

bool is_combining_accent(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

// The katakana with a half-width voiced (U+FF9E) or semi-voiced (U+FF9F) sound
// mark after it, as one full-width character (ｶﾞ -> ガ, ﾊﾟ -> パ); 0 when the
// mark does not combine with `kana`.
char32_t voiced_kana(char32_t kana, char32_t mark) {
  const bool semi = mark == 0xFF9F;
  if (kana >= 0x30CF && kana <= 0x30DB && (kana - 0x30CF) % 3 == 0) return kana + (semi ? 2 : 1);
  if (semi) return 0;
  if (kana == 0x30A6) return 0x30F4;  // ウ -> ヴ
  if ((kana >= 0x30AB && kana <= 0x30C1 && (kana - 0x30AB) % 2 == 0) || kana == 0x30C4 ||
      kana == 0x30C6 || kana == 0x30C8)
    return kana + 1;
  return 0;
}

// Appends the folded form of one code point; false when it is dropped.
bool fold_code_point(char32_t cp, FoldOptions options, std::string& out) {
  if (options.accents) {
    if (is_combining_accent(cp)) return false;  // decomposed é
    if (cp >= 0xC0 && cp <= 0xFF && *kLatin1[cp - 0xC0]) {
      out += kLatin1[cp - 0xC0];
      return true;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
      const char c = kLatinExtA[cp - 0x100];
      out += c == '1' ? "ij" : c == '2' ? "oe" : std::string(1, c);
      return true;
    }
  }
  cp = fold_case(cp);
  if (options.han_variants) cp = options.han_variants(cp);
  utf8::append(out, cp);
  return true;
}

bool is_separator(char32_t cp) {
  if (cp < 0x80)
    return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  return cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x218F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
         (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0xFEFF ||
         cp == 0x1680 || cp == 0x180E || cp == utf8::kInvalid || cp == 0xFFFD;
}

}  // namespace

char32_t fold_case(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return fold_case(cp - 0xFEE0);  // full-width ASCII
  if (cp == 0x3000) return ' ';                                     // ideographic space
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC) return '\'';     // typographic apostrophes
  if (cp >= 0xFF66 && cp <= 0xFF9D) return 0x3000 + kHalfKana[cp - 0xFF66];  // half-width kana
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;                // Latin-1
  if (cp >= 0x100 && cp <= 0x17F) {  // Latin Extended-A: upper/lower pairs
    if ((cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0 && cp != 0x130) return cp + 1;
    if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1)
      return cp + 1;
    if (cp == 0x178) return 0xFF;
    return cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                 // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

bool is_upper(char32_t cp) {
  if (cp >= 0x100 && cp <= 0x17F) return fold_case(cp) != cp;
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xFF21 && cp <= 0xFF3A) ||
         (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) ||
         (cp >= 0x400 && cp <= 0x42F);
}

bool is_lower(char32_t cp) {
  if (is_upper(cp)) return false;
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xFF41 && cp <= 0xFF5A) ||
         (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x100 && cp <= 0x17F) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
               ? CharClass::Word
               : CharClass::Separator;
  }
  if (is_separator(cp)) return CharClass::Separator;
  if ((cp >= 0x3040 && cp <= 0x30FF) ||  // hiragana, katakana
      (cp >= 0x31F0 && cp <= 0x31FF) ||  // katakana extensions
      (cp >= 0x3400 && cp <= 0x4DBF) ||  // Han extension A
      (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Han
      (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul syllables
      (cp >= 0x1100 && cp <= 0x11FF) ||  // Hangul jamo
      (cp >= 0x3130 && cp <= 0x318F) ||  // Hangul compatibility jamo
      (cp >= 0xF900 && cp <= 0xFAFF) ||  // Han compatibility
      (cp >= 0xFF66 && cp <= 0xFF9F) ||  // half-width katakana (unfolded)
      (cp >= 0x20000 && cp <= 0x3FFFF))  // Han extensions B..
    return CharClass::Cjk;
  if ((cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0x3297 ||
      cp == 0x3299)
    return CharClass::Symbol;
  return CharClass::Word;
}

void fold(std::string_view text, std::string& out, FoldOptions options, FoldMap* map) {
  std::size_t pos = 0;
  std::size_t last_start = out.size();  // first folded byte of the last kept code point
  const std::size_t out_origin = out.size();
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
    char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) cp = 0xFFFD;
    if (cp == 0xFF9E || cp == 0xFF9F) {  // half-width sound marks join the kana before them
      std::size_t at = last_start;
      const char32_t previous = at < out.size() ? utf8::decode(out, at) : 0;
      if (const char32_t voiced = previous ? voiced_kana(previous, cp) : 0) {
        out.resize(last_start);
        utf8::append(out, voiced);  // same UTF-8 length: the map keeps its size
        if (map)
          for (std::size_t k = last_start - out_origin; k < map->end.size(); ++k)
            map->end[k] = static_cast<std::uint32_t>(pos);
        continue;
      }
      cp = cp == 0xFF9E ? 0x309B : 0x309C;  // alone: the full-width spacing marks
    }
    const std::size_t out_before = out.size();
    if (fold_code_point(cp, options, out)) {
      last_start = out_before;
      if (map) {
        map->begin.resize(out.size() - out_origin, static_cast<std::uint32_t>(before));
        map->end.resize(out.size() - out_origin, static_cast<std::uint32_t>(pos));
      }
    } else if (map) {
      // A dropped combining mark belongs to the character before it, so a
      // highlight never splits "e" from its accent.
      for (std::size_t k = last_start - out_origin; k < map->end.size(); ++k)
        map->end[k] = static_cast<std::uint32_t>(pos);
    }
  }
}

std::string fold(std::string_view text, FoldOptions options) {
  std::string out;
  out.reserve(text.size());
  fold(text, out, options, nullptr);
  return out;
}

void tokenize(std::string_view folded, std::vector<Token>& out) {
  std::size_t pos = 0;
  bool in_token = false;
  Token current{TokenKind::Word, 0, 0};
  auto finish = [&] {
    if (in_token) out.push_back(current);
    in_token = false;
  };
  auto class_at = [&](std::size_t at) {
    if (at >= folded.size()) return CharClass::Separator;
    const auto b = static_cast<unsigned char>(folded[at]);
    return b < 0x80 ? classify(b) : classify(utf8::decode(folded, at));
  };
  while (pos < folded.size()) {
    const std::size_t before = pos;
    const auto byte = static_cast<unsigned char>(folded[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, char32_t{byte}) : utf8::decode(folded, pos);
    CharClass cls = classify(cp);
    // The apostrophe rule: inside a word between two Word characters, else a separator.
    if (cp == '\'' && in_token && current.kind == TokenKind::Word &&
        class_at(pos) == CharClass::Word) {
      current.end = static_cast<std::uint32_t>(pos);
      continue;
    }
    if (cls == CharClass::Separator) {
      finish();
      continue;
    }
    const TokenKind kind = cls == CharClass::Cjk      ? TokenKind::Cjk
                           : cls == CharClass::Symbol ? TokenKind::Symbol
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

std::vector<WordUnit> word_units(std::string_view utf8) {
  const std::string folded = fold(utf8, kSignalFold);
  std::vector<Token> tokens;
  tokenize(folded, tokens);
  std::vector<WordUnit> units;
  units.reserve(tokens.size());
  for (const Token& t : tokens) {
    const std::string_view text = std::string_view(folded).substr(t.begin, t.end - t.begin);
    if (t.kind != TokenKind::Cjk) {
      units.push_back(WordUnit{std::string(text), t.kind == TokenKind::Symbol, false});
      continue;
    }
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t start = pos;
      utf8::decode(text, pos);
      units.push_back(WordUnit{std::string(text.substr(start, pos - start)), true, true});
    }
  }
  return units;
}

}  // namespace vouch::detail

namespace vouch {

std::string fold_for_search(std::string_view text) {
  return detail::fold(text, detail::kSearchFold);
}

}  // namespace vouch
