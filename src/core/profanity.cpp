// Profanity matching over the LDNOOBW lists (CC BY 4.0, see
// src/core/generated/profanity_lists.cpp) plus the store's own words.
// Latin-script entries match whole words (token sequences), so "assume" never
// matches "ass"; entries with CJK characters match as substrings, because
// Chinese and Japanese do not separate words by spaces.
#include <algorithm>
#include <string>
#include <vector>

#include "content_signals.hpp"
#include "profanity_lists.hpp"
#include "text_tokens.hpp"
#include "vouch/text.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

namespace {

struct Entry {
  std::string original;             // as listed, for the flag's detail
  std::vector<std::string> tokens;  // Latin: folded words; empty for CJK entries
  std::string substring;            // CJK: folded text
};

bool has_cjk(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_cjk(utf8::decode(text, pos))) return true;
  }
  return false;
}

Entry make_entry(std::string_view word) {
  Entry entry;
  entry.original = std::string(word);
  if (has_cjk(word)) {
    entry.substring = fold_text(text::nfc(word));
  } else {
    for (const Token& token : tokenize(text::nfc(word))) entry.tokens.push_back(token.folded);
  }
  return entry;
}

std::vector<Entry> parse_list(const char* list, bool cjk_only) {
  std::vector<Entry> entries;
  std::string_view rest(list);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view word = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    // From the zh list, skip the few Latin entries ("13.") that would match
    // ordinary numbers, and the single characters: without word segmentation
    // they match inside everyday words (性 in 性价比 "value for money", 奶 in
    // 牛奶 "milk", 乳 in 乳液 "lotion", 逼 in 逼真 "lifelike").
    if (word.empty() || (cjk_only && (!has_cjk(word) || utf8::count_code_points(word) == 1)))
      continue;
    Entry entry = make_entry(word);
    if (!entry.tokens.empty() || !entry.substring.empty()) entries.push_back(std::move(entry));
  }
  return entries;
}

// Built once: the lists are constant and the wasm instance is single-threaded.
const std::vector<Entry>& builtin(const std::string& name) {
  static const std::vector<Entry> en = parse_list(kProfanityEn, false);
  static const std::vector<Entry> zh = parse_list(kProfanityZh, true);
  return name == "zh" ? zh : en;
}

bool same_entry(const Entry& a, const Entry& b) {
  return a.tokens == b.tokens && a.substring == b.substring;
}

bool matches_at(const std::vector<Token>& tokens, std::size_t at, const Entry& entry) {
  if (at + entry.tokens.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < entry.tokens.size(); ++k)
    if (tokens[at + k].folded != entry.tokens[k]) return false;
  return true;
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
  const std::vector<Token> tokens = tokenize(normalized);
  const std::string folded = fold_text(normalized);
  std::string found;
  int count = 0;
  for (const Entry* e : entries) {
    bool hit = false;
    if (!e->substring.empty()) {
      hit = folded.find(e->substring) != std::string::npos;
    } else {
      for (std::size_t i = 0; i < tokens.size() && !hit; ++i) hit = matches_at(tokens, i, *e);
    }
    if (!hit) continue;
    if (!found.empty()) found += ", ";
    found += e->original;
    if (++count == 3) break;
  }
  return found;
}

}  // namespace vouch::detail
