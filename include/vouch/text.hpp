#pragma once
// Text primitives shared by validation, the widget and the server: user-perceived
// characters (grapheme clusters), hygiene (controls, bidi, zero-width, whitespace),
// Unicode NFC and the UTS #39 confusable skeleton.
//
// Every function takes valid UTF-8 (check with utf8::is_valid first); malformed
// bytes are never read past the end and are treated as U+FFFD, so hostile input
// cannot crash them, but the results on invalid input are not meaningful.
// Unicode data: Debian `unicode-data` (UCD 15.0) and UTS #39 confusables (v17.0),
// compiled into tables by scripts/gen_unicode_tables.mjs (see docs/validation.md).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/status.hpp"

namespace vouch::text {

// ---- grapheme clusters (UAX #29 extended grapheme clusters) ----------------
// An emoji with skin tone, a ZWJ family, a flag, a keycap, "é" as e + U+0301 and
// one Chinese character each count as ONE. (GB9c, Indic conjunct clusters, is
// not implemented: UCD 15.0 has no InCB property; such clusters count as more.)

// Number of grapheme clusters in `utf8`.
std::size_t count_graphemes(std::string_view utf8);

// Byte offsets where each grapheme cluster starts, plus utf8.size() at the end
// (so a string of N clusters gives N+1 offsets; "" gives {0}).
std::vector<std::size_t> grapheme_boundaries(std::string_view utf8);

// Byte length of the first `max_graphemes` clusters (all of `utf8` if shorter).
// Never splits a cluster or a code point.
std::size_t grapheme_prefix_bytes(std::string_view utf8, std::size_t max_graphemes);

// The first `max_graphemes` clusters; when something was cut, trailing whitespace
// of the kept part is dropped and `ellipsis` is appended (e.g. "…"). The widget's
// "read more" uses this. Returns `utf8` unchanged when it is short enough.
std::string truncate_graphemes(std::string_view utf8, std::size_t max_graphemes,
                               std::string_view ellipsis = "");

// ---- character classes ----------------------------------------------------
// Bidi embedding/override/isolate controls: U+202A..U+202E, U+2066..U+2069.
// (LRM/RLM/ALM marks are harmless and not in this set.)
bool is_bidi_control(char32_t cp);
// Zero-width / invisible format characters stripped from names: U+200B..U+200D,
// U+2060..U+2064, U+FEFF, U+180E, U+00AD (soft hyphen), U+034F (CGJ).
bool is_zero_width(char32_t cp);
// C0 and C1 controls (Cc) other than TAB, LF and CR. These are always STRIPPED
// from text (never rejected); CR LF, lone CR, U+2028 and U+2029 become LF.
bool is_stripped_control(char32_t cp);
// Unicode White_Space (ASCII space, TAB, LF, NBSP, U+3000, U+2000..U+200A, ...).
bool is_white_space(char32_t cp);

// ---- hygiene: each step is a pure function, composed by clean_text/clean_name
// Removes stripped controls (see is_stripped_control) and U+FEFF (byte-order
// mark); CR LF, lone CR, U+2028 (line separator) and U+2029 (paragraph
// separator) -> LF.
std::string strip_controls(std::string_view utf8);
// Removes White_Space from both ends / from the end only.
std::string trim(std::string_view utf8);
std::string trim_end(std::string_view utf8);
// Trailing white space of every line removed; 2+ blank lines -> 1 blank line.
std::string collapse_blank_lines(std::string_view utf8);
// Every run of White_Space (including LF/TAB) -> one ASCII space.
std::string collapse_spaces(std::string_view utf8);
// Removes is_zero_width characters, except a ZWJ (U+200D) directly after an
// Extended_Pictographic or emoji modifier/VS16 (it glues an emoji ZWJ sequence).
std::string strip_zero_width(std::string_view utf8);
// True when any code point satisfies is_bidi_control.
bool has_bidi_control(std::string_view utf8);

// Multi-line text (title is cleaned as a name-like single line, body with this):
// strip_controls -> nfc -> collapse_blank_lines -> trim. Idempotent.
std::string clean_text(std::string_view utf8);
// Single-line text (title, display name): strip_controls -> nfc -> collapse_spaces
// -> trim. Names additionally go through strip_zero_width (see validate.cpp).
std::string clean_line(std::string_view utf8);

// ---- normalisation ---------------------------------------------------------
// Unicode Normalization Form C (full: canonical decomposition, canonical
// ordering, canonical composition with the composition exclusions, Hangul).
std::string nfc(std::string_view utf8);
// Canonical decomposition (NFD).
std::string nfd(std::string_view utf8);

// ---- confusables (UTS #39) -------------------------------------------------
// skeleton(X) = NFD(map every char of NFD(X) through confusables.txt). The
// shipped map keeps only entries whose prototype is ASCII (what "Admin",
// "Verified Buyer" and Latin store names can be imitated with); see docs.
std::string skeleton(std::string_view utf8);
// The key used to compare display names: fullwidth ASCII -> ASCII, ASCII-lowercase, skeleton,
// lowercase again, 'l' -> 'i' (case-insensitively I, l, 1 and | are one shape), then drop white
// space, punctuation and symbols, so "V e r i f i e d-Buyer", "Vеrified Buyer" (Cyrillic е), and
// "ADM1N" fold like their originals. Two names are confusable iff their keys are equal (and
// non-empty).
std::string confusable_key(std::string_view utf8);
bool confusable(std::string_view a, std::string_view b);

// ---- Traditional -> Simplified search folding (fold_for_search) -------------
// Native builds link the table (OpenCC data, src/core/generated/); the wasm
// modules do not, and the widget installs it from dist/vouch-han-fold.bin when
// search is prepared. set_han_fold decodes and checks that file (magic "VHF1",
// size, ascending sources, fixed-point targets: src/core/han_fold.hpp) and on
// success makes it the table in force for every later search: search indexes
// built with another table are rebuilt before their next query. On error the
// table in force stays; the Error's path is "han_fold.magic", "han_fold.count",
// "han_fold.size" or "han_fold.pairs[i]".
Status set_han_fold(std::string_view bytes);
// Whether Traditional -> Simplified folding is on (a table linked or installed).
bool han_fold_available();

}  // namespace vouch::text
