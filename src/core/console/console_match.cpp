// Term matching for the console (see console_match.hpp).

#include "console_match.hpp"

#include <algorithm>

#include "vouch/utf8.hpp"

namespace vouch::console {

namespace {

std::string_view word_text(const PreparedText& t, const Word& w) {
  return std::string_view(t.folded.text).substr(w.begin, w.end - w.begin);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Words that negate what follows, in the 7 locales' Latin scripts ("n't" is
// handled apart: splitting makes "wasn't" the words "wasn" and "t").
constexpr std::string_view kNegators[] = {
    "not",   "no",     "never",   "without", "nothing", "none",  "nor",    "cannot", "sin",
    "nunca", "ningun", "ninguna", "pas",     "sans",    "aucun", "aucune", "jamais", "nicht",
    "kein",  "keine",  "keinen",  "keiner",  "keinem",  "ohne",  "nie"};

// CJK negation immediately before a match.
constexpr std::string_view kCjkNegators[] = {"不", "没", "沒", "无", "無", "未", "别", "別", "非"};

bool is_clause_break(char c) {
  return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == '\n';
}

}  // namespace

CompiledTerm compile_term(std::string_view term, const std::vector<std::string>& except) {
  CompiledTerm compiled;
  std::string_view body = term;
  while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
  compiled.cjk = has_cjk(body);
  if (!compiled.cjk && !body.empty() && body.back() == '*') {
    compiled.prefix_last = true;
    body.remove_suffix(1);
  }
  compiled.folded = fold_term(body);
  if (!compiled.cjk) {
    for (const Word& w : split_words(compiled.folded))
      compiled.words.emplace_back(compiled.folded.substr(w.begin, w.end - w.begin));
  }
  for (const std::string& e : except) {
    std::string folded = fold_term(e);
    if (!folded.empty()) compiled.except.push_back(std::move(folded));
  }
  return compiled;
}

PreparedText prepare_text(std::string_view utf8) {
  PreparedText text;
  text.folded = fold_with_map(utf8);
  text.words = split_words(text.folded.text);
  return text;
}

std::vector<Word> find_term(const PreparedText& text, const CompiledTerm& term) {
  std::vector<Word> found;
  if (term.empty()) return found;
  const std::string& folded = text.folded.text;
  if (term.cjk) {
    for (std::size_t at = folded.find(term.folded); at != std::string::npos;
         at = folded.find(term.folded, at + 1))
      found.push_back({at, at + term.folded.size()});
  } else {
    const std::size_t n = term.words.size();
    for (std::size_t i = 0; i + n <= text.words.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < n && match; ++k) {
        const std::string_view w = word_text(text, text.words[i + k]);
        const bool last = k + 1 == n;
        match = (last && term.prefix_last) ? starts_with(w, term.words[k]) : w == term.words[k];
      }
      if (match) found.push_back({text.words[i].begin, text.words[i + n - 1].end});
    }
  }
  if (term.except.empty() || found.empty()) return found;
  std::vector<Word> excepted;
  for (const std::string& e : term.except)
    for (std::size_t at = folded.find(e); at != std::string::npos; at = folded.find(e, at + 1))
      excepted.push_back({at, at + e.size()});
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const Word& m) {
                               for (const Word& x : excepted)
                                 if (x.begin <= m.begin && m.end <= x.end) return true;
                               return false;
                             }),
              found.end());
  return found;
}

bool is_negated(const PreparedText& text, const Word& at, bool cjk) {
  const std::string_view before = std::string_view(text.folded.text).substr(0, at.begin);
  if (cjk) {
    for (std::string_view n : kCjkNegators) {
      if (ends_with(before, n)) return true;
      // one character between: 没有坏, 不太大 ("有", "太" ...)
      const std::size_t skip = before.size() >= 3 ? 3 : 0;
      if (skip && ends_with(before.substr(0, before.size() - skip), n)) {
        const std::string_view mid = before.substr(before.size() - skip);
        if (mid == "有" || mid == "太" || mid == "会" || mid == "會" || mid == "是" || mid == "再")
          return true;
      }
    }
    return false;
  }
  // The word index where the match starts.
  const auto it = std::lower_bound(text.words.begin(), text.words.end(), at.begin,
                                   [](const Word& w, std::size_t pos) { return w.begin < pos; });
  const std::size_t index = static_cast<std::size_t>(it - text.words.begin());
  for (std::size_t back = 1; back <= 3 && back <= index; ++back) {
    const Word& w = text.words[index - back];
    // stop at a clause break between the negator and the match
    for (std::size_t p = w.end; p < at.begin; ++p)
      if (is_clause_break(text.folded.text[p])) return false;
    const std::string_view word = word_text(text, w);
    if (word == "t" && index - back > 0) {  // "n't", not the "t" of "t-shirt"
      const Word& prev = text.words[index - back - 1];
      const std::string_view gap =
          std::string_view(text.folded.text).substr(prev.end, w.begin - prev.end);
      if (ends_with(word_text(text, prev), "n") && (gap == "'" || gap == "\xE2\x80\x99"))
        return true;
    }
    for (std::string_view n : kNegators)
      if (word == n) return true;
  }
  return false;
}

}  // namespace vouch::console
