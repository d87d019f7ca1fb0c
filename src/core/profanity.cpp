// Profanity matching over the LDNOOBW lists (CC BY 4.0, see
// src/core/generated/profanity_lists.cpp), the zh-TW list derived from them, and
// the store's own words. Text and entries go through the one text pipeline
// (text_fold.hpp, kSignalFold: case and width).
//   Latin-script entries match whole words (word-unit sequences), so "assume"
//   never matches "ass".
//   Entries with CJK characters match inside the text, because Chinese and
//   Japanese do not separate words by spaces, except where the context rules
//   (scripts/data/profanity_zh_rules.txt) say the match is part of a longer
//   ordinary word: 妈的 in 妈妈的, 处女 in 处女座, 色情 in 偏色情况.
#include <algorithm>
#include <string>
#include <vector>

#include "content_signals.hpp"
#include "profanity_lists.hpp"
#include "text_fold.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

namespace {

struct Entry {
  std::string original;                 // as listed, for the flag's detail
  std::vector<std::string> tokens;      // Latin: folded words; empty for CJK entries
  std::string substring;                // CJK: folded text
  std::vector<std::string> not_inside;  // CJK: longer ordinary words containing it
};

bool has_cjk(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_cjk(fold_case(utf8::decode(text, pos)))) return true;
  }
  return false;
}

Entry make_entry(std::string_view word) {
  Entry entry;
  entry.original = std::string(word);
  const std::string normalized = text::nfc(word);
  if (has_cjk(normalized)) {
    entry.substring = fold(normalized, kSignalFold);
  } else {
    for (WordUnit& unit : word_units(normalized)) entry.tokens.push_back(std::move(unit.folded));
  }
  return entry;
}

std::vector<std::string_view> lines(const char* text) {
  std::vector<std::string_view> out;
  std::string_view rest(text);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    out.push_back(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
  return out;
}

std::vector<Entry> parse_list(const char* list, bool cjk_only, const char* rules) {
  std::vector<std::string_view> unused;
  std::vector<std::pair<std::string_view, std::vector<std::string>>> exceptions;
  if (rules) {
    for (std::string_view line : lines(rules)) {
      if (line.empty()) continue;
      if (line.front() == '-') {
        unused.push_back(line.substr(1));
        continue;
      }
      std::vector<std::string> words;
      std::size_t tab = line.find('\t');
      const std::string_view entry = line.substr(0, tab);
      while (tab != std::string_view::npos) {
        const std::size_t next = line.find('\t', tab + 1);
        words.push_back(fold(line.substr(tab + 1, next - tab - 1), kSignalFold));
        tab = next;
      }
      exceptions.emplace_back(entry, std::move(words));
    }
  }
  std::vector<Entry> entries;
  for (std::string_view word : lines(list)) {
    // From the Chinese lists, skip the few Latin entries ("13.") that would match
    // ordinary numbers, and the single characters: without word segmentation
    // they match inside everyday words (性 in 性价比 "value for money", 奶 in
    // 牛奶 "milk", 乳 in 乳液 "lotion", 逼 in 逼真 "lifelike").
    if (word.empty() || (cjk_only && (!has_cjk(word) || utf8::count_code_points(word) == 1)))
      continue;
    if (std::find(unused.begin(), unused.end(), word) != unused.end()) continue;
    Entry entry = make_entry(word);
    for (auto& [e, words] : exceptions)
      if (e == word) entry.not_inside = words;
    if (!entry.tokens.empty() || !entry.substring.empty()) entries.push_back(std::move(entry));
  }
  return entries;
}

// Built once: the lists are constant and the wasm instance is single-threaded.
const std::vector<Entry>& builtin(const std::string& name) {
  static const std::vector<Entry> en = parse_list(kProfanityEn, false, nullptr);
  static const std::vector<Entry> zh = parse_list(kProfanityZh, true, kProfanityRulesZh);
  static const std::vector<Entry> zh_tw = parse_list(kProfanityZhTw, true, kProfanityRulesZhTw);
  return name == "zh" ? zh : name == "zh-TW" ? zh_tw : en;
}

bool same_entry(const Entry& a, const Entry& b) {
  return a.tokens == b.tokens && a.substring == b.substring;
}

bool matches_at(const std::vector<WordUnit>& units, std::size_t at, const Entry& entry) {
  if (at + entry.tokens.size() > units.size()) return false;
  for (std::size_t k = 0; k < entry.tokens.size(); ++k)
    if (units[at + k].single_char || units[at + k].folded != entry.tokens[k]) return false;
  return true;
}

// True when the occurrence of the entry at `at` lies inside one of its
// ordinary words.
bool inside_ordinary_word(std::string_view folded, std::size_t at, const Entry& entry) {
  for (const std::string& word : entry.not_inside) {
    for (std::size_t offset = word.find(entry.substring); offset != std::string::npos;
         offset = word.find(entry.substring, offset + 1)) {
      if (offset <= at && folded.substr(at - offset, word.size()) == word) return true;
    }
  }
  return false;
}

bool cjk_hit(std::string_view folded, const Entry& entry) {
  for (std::size_t at = folded.find(entry.substring); at != std::string::npos;
       at = folded.find(entry.substring, at + 1)) {
    if (!inside_ordinary_word(folded, at, entry)) return true;
  }
  return false;
}

}  // namespace

std::string find_profanity(std::string_view text, const Policy& policy) {
  std::vector<const Entry*> entries;
  std::vector<Entry> extra;
  extra.reserve(policy.profanity_extra.size());
  for (const std::string& word : policy.profanity_extra) extra.push_back(make_entry(word));
  std::vector<Entry> allowed;
  for (const std::string& word : policy.profanity_allow) allowed.push_back(make_entry(word));
  const auto is_allowed = [&](const Entry& e) {
    return std::any_of(allowed.begin(), allowed.end(),
                       [&](const Entry& a) { return same_entry(a, e); });
  };
  for (const std::string& list : policy.profanity_lists)
    for (const Entry& e : builtin(list))
      if (!is_allowed(e)) entries.push_back(&e);
  for (const Entry& e : extra)
    if (!is_allowed(e) && (!e.tokens.empty() || !e.substring.empty())) entries.push_back(&e);
  if (entries.empty()) return "";

  const std::string normalized = text::nfc(text);
  const std::vector<WordUnit> units = word_units(normalized);
  const std::string folded = fold(normalized, kSignalFold);
  std::string found;
  std::vector<const Entry*> seen;  // an entry the same in zh and zh-TW is reported once
  for (const Entry* e : entries) {
    if (std::any_of(seen.begin(), seen.end(), [&](const Entry* s) { return same_entry(*s, *e); }))
      continue;
    bool hit = false;
    if (!e->substring.empty()) {
      hit = cjk_hit(folded, *e);
    } else {
      for (std::size_t i = 0; i < units.size() && !hit; ++i) hit = matches_at(units, i, *e);
    }
    if (!hit) continue;
    if (!found.empty()) found += ", ";
    found += e->original;
    seen.push_back(e);
    if (seen.size() == 3) break;
  }
  return found;
}

}  // namespace vouch::detail
