// The top phrases of negative vs positive reviews (issue 16). Text is folded
// with the search folding (case, width, accents, Traditional -> Simplified:
// 質量 and 质量 count together), then cut into candidates:
//   Latin-script words  word n-grams (1..3) inside a clause (punctuation ends
//                       one), not beginning or ending with a stop word;
//   Han, kana, Hangul   character n-grams (2..4) inside a run (no spaces in
//                       those scripts, so no segmenter is needed), not
//                       beginning or ending with a particle (的, が).
// A candidate counts once per review. Its score is Dunning's log-likelihood
// ratio G2 of "in this side's reviews" vs "in the other side's" (only when it
// is more frequent on this side), with at least phrase_min_count reviews. A
// shorter n-gram that a longer one nearly always comes with (80 %) gives way
// to it (物流太 -> 物流太慢), and two picked character n-grams shifted by one
// character are merged when the merged text occurs as often (配送が遅 + 送が遅い
// -> 配送が遅い), so a five-character phrase is one phrase.

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "derived.hpp"
#include "stop_words.hpp"
#include "text_fold.hpp"
#include "vouch/analytics.hpp"
#include "vouch/utf8.hpp"

namespace vouch::analytics {

namespace {

using detail::DerivedInput;
using detail::PhraseKeys;
using vouch::detail::kSearchFold;
using vouch::detail::Token;
using vouch::detail::TokenKind;

constexpr char kUnitSep = '\x1f';
constexpr std::size_t kMaxWords = 3;
constexpr std::size_t kMinChars = 2, kMaxChars = 4;
constexpr std::size_t kExamples = 3;

struct Stat {
  std::int64_t count[2] = {0, 0};             // [0] negative, [1] positive
  std::uint32_t examples[2][kExamples] = {};  // indexes into the input, oldest first
  std::uint8_t example_count[2] = {0, 0};
};
using Stats = std::unordered_map<std::uint32_t, Stat>;

std::vector<std::string> split_units(const std::string& key) {
  std::vector<std::string> units;
  std::size_t start = 1;  // after the kind byte
  for (;;) {
    const std::size_t sep = key.find(kUnitSep, start);
    units.push_back(key.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) return units;
    start = sep + 1;
  }
}

std::string join_units(char kind, const std::vector<std::string>& units, std::size_t from,
                       std::size_t n) {
  std::string key(1, kind);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) key += kUnitSep;
    key += units[from + i];
  }
  return key;
}

std::string display(const std::string& key) {
  std::string text;
  const bool words = key[0] == 'w';
  for (std::size_t i = 1; i < key.size(); ++i)
    if (key[i] == kUnitSep) {
      if (words) text += ' ';
    } else {
      text += key[i];
    }
  return text;
}

void word_grams(const std::vector<std::string>& words, std::vector<std::string>& keys) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (detail::is_stop_word(words[i])) continue;
    for (std::size_t n = 1; n <= kMaxWords && i + n <= words.size(); ++n) {
      if (detail::is_stop_word(words[i + n - 1])) continue;
      keys.push_back(join_units('w', words, i, n));
    }
  }
}

void char_grams(const std::string& run, std::vector<std::string>& keys) {
  std::vector<std::string> chars;
  std::vector<char32_t> cps;
  for (std::size_t pos = 0; pos < run.size();) {
    const std::size_t start = pos;
    cps.push_back(utf8::decode(run, pos));
    if (pos <= start) pos = start + 1;  // never stalls
    chars.push_back(run.substr(start, pos - start));
  }
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (detail::is_cjk_particle(cps[i])) continue;
    bool kana_only = true;
    for (std::size_t n = 1; n <= kMaxChars && i + n <= chars.size(); ++n) {
      // Hiragana alone is grammar (ました, ている), not a topic.
      kana_only = kana_only && cps[i + n - 1] >= 0x3041 && cps[i + n - 1] <= 0x309F;
      if (n < kMinChars || kana_only || detail::is_cjk_particle(cps[i + n - 1])) continue;
      keys.push_back(join_units('c', chars, i, n));
    }
  }
}

// Only spaces between two tokens keep them in one clause.
bool same_clause(const std::string& folded, std::uint32_t end, std::uint32_t begin) {
  for (std::uint32_t i = end; i < begin; ++i)
    if (folded[i] != ' ') return false;
  return true;
}

std::string source_of(const ReviewRecord& review) { return review.title + "\n" + review.body; }

// The folded text and its candidate keys (not yet unique).
void candidates_of(const ReviewRecord& review, std::string& folded,
                   std::vector<std::string>& keys) {
  vouch::detail::fold(source_of(review), folded, kSearchFold);
  std::vector<Token> tokens;
  vouch::detail::tokenize(folded, tokens);
  std::vector<std::string> clause;
  std::uint32_t last_end = 0;
  for (const Token& t : tokens) {
    std::string text = folded.substr(t.begin, t.end - t.begin);
    if (t.kind == TokenKind::Word) {
      if (!clause.empty() && !same_clause(folded, last_end, t.begin)) {
        word_grams(clause, keys);
        clause.clear();
      }
      clause.push_back(std::move(text));
      last_end = t.end;
      continue;
    }
    word_grams(clause, keys);
    clause.clear();
    if (t.kind == TokenKind::Cjk) char_grams(text, keys);
  }
  word_grams(clause, keys);
}

double xlogx_ratio(double observed, double expected) {
  return observed > 0 && expected > 0 ? observed * std::log(observed / expected) : 0.0;
}

// Dunning's G2 of the 2x2 table (in side / other) x (with / without).
double log_likelihood(double a, double side_total, double c, double other_total) {
  const double b = side_total - a, d = other_total - c;
  const double n = side_total + other_total;
  const double with = a + c, without = b + d;
  return 2.0 * (xlogx_ratio(a, side_total * with / n) + xlogx_ratio(b, side_total * without / n) +
                xlogx_ratio(c, other_total * with / n) + xlogx_ratio(d, other_total * without / n));
}

bool contains_units(const std::vector<std::string>& outer, const std::vector<std::string>& inner) {
  if (inner.size() > outer.size()) return false;
  for (std::size_t i = 0; i + inner.size() <= outer.size(); ++i)
    if (std::equal(inner.begin(), inner.end(), outer.begin() + static_cast<std::ptrdiff_t>(i)))
      return true;
  return false;
}

// a's last k units are b's first k units.
bool overlaps(const std::vector<std::string>& a, const std::vector<std::string>& b, std::size_t k) {
  if (k == 0 || k > a.size() || k > b.size()) return false;
  return std::equal(a.end() - static_cast<std::ptrdiff_t>(k), a.end(), b.begin());
}

// The phrase as the oldest example writes it (case, accents, Traditional
// characters kept), else its folded form. The fold map is made again for the
// example alone: a few per phrase, not one per review kept in memory.
std::string surface(const Phrase& phrase, const std::vector<DerivedInput>& input) {
  if (phrase.examples.empty() || phrase.folded.empty()) return phrase.folded;
  for (const DerivedInput& in : input) {
    if (in.review->record.id != phrase.examples[0]) continue;
    const std::size_t at = in.review->folded.find(phrase.folded);
    if (at == std::string::npos) break;
    const std::string source = source_of(in.review->record);
    std::string folded;
    vouch::detail::FoldMap map;
    vouch::detail::fold(source, folded, kSearchFold, &map);
    if (folded != in.review->folded || map.begin.size() < folded.size()) break;
    const std::size_t last = at + phrase.folded.size() - 1;
    return source.substr(map.begin[at], map.end[last] - map.begin[at]);
  }
  return phrase.folded;
}

struct Candidate {
  std::uint32_t id;
  std::string key;
  std::vector<std::string> units;
  const Stat* stat;
  double score;
};

void pick_side(int side, const Stats& stats, const PhraseKeys& keys,
               const std::vector<DerivedInput>& input, const std::int64_t totals[2],
               const Query& query, std::vector<Phrase>& out) {
  const int other = 1 - side;
  const auto min_count =
      static_cast<std::int64_t>(std::max<std::size_t>(1, query.phrase_min_count));
  std::vector<Candidate> candidates;
  for (const auto& [id, stat] : stats) {
    const std::int64_t a = stat.count[side], c = stat.count[other];
    if (a < min_count) continue;
    // More frequent on this side than on the other (rates, not counts).
    if (totals[other] > 0 && a * totals[other] <= c * totals[side]) continue;
    const double score =
        totals[other] > 0
            ? log_likelihood(static_cast<double>(a), static_cast<double>(totals[side]),
                             static_cast<double>(c), static_cast<double>(totals[other]))
            : static_cast<double>(a);
    const std::string& key = keys.key(id);
    candidates.push_back({id, key, split_units(key), &stat, score});
  }
  // A shorter n-gram gives way to a longer one it nearly always comes with.
  std::unordered_set<std::uint32_t> absorbed;
  for (const Candidate& longer : candidates) {
    if (longer.units.size() < 2) continue;
    const std::size_t n = longer.units.size() - 1;
    for (const std::size_t from : {std::size_t{0}, std::size_t{1}}) {
      const std::uint32_t sub = keys.find(join_units(longer.key[0], longer.units, from, n));
      if (sub == PhraseKeys::npos) continue;
      auto it = stats.find(sub);
      if (it != stats.end() && longer.stat->count[side] * 5 >= it->second.count[side] * 4)
        absorbed.insert(sub);
    }
  }
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.stat->count[side] != y.stat->count[side])
      return x.stat->count[side] > y.stat->count[side];
    if (x.units.size() != y.units.size()) return x.units.size() > y.units.size();
    return x.key < y.key;
  });

  struct Picked {
    std::string key;
    std::vector<std::string> units;
    Phrase phrase;
  };
  std::vector<Picked> picked;
  const auto side_docs_with = [&](const std::string& text, int which, std::int64_t& count,
                                  std::vector<std::string>* examples) {
    count = 0;
    for (std::size_t i = 0; i < input.size(); ++i) {
      if ((input[i].negative ? 0 : 1) != which) continue;
      if (input[i].review->folded.find(text) == std::string::npos) continue;
      ++count;
      if (examples && examples->size() < kExamples) examples->push_back(input[i].review->record.id);
    }
  };
  for (const Candidate& cand : candidates) {
    if (picked.size() >= query.phrases_per_side) break;
    if (absorbed.count(cand.id)) continue;
    bool skip = false;
    for (Picked& p : picked) {
      if (p.key[0] != cand.key[0]) continue;
      if (contains_units(p.units, cand.units) || contains_units(cand.units, p.units)) {
        skip = true;
        break;
      }
      const std::size_t k = std::min(p.units.size(), cand.units.size()) - 1;
      const bool left = overlaps(p.units, cand.units, k), right = overlaps(cand.units, p.units, k);
      if (!left && !right) continue;
      skip = true;
      // Two n-grams shifted by one unit: one longer phrase, if it occurs as often.
      if (k + 1 == cand.units.size() && k + 1 == p.units.size()) {
        std::vector<std::string> merged = left ? p.units : cand.units;
        merged.push_back(left ? cand.units.back() : p.units.back());
        const std::string text = display(join_units(cand.key[0], merged, 0, merged.size()));
        std::int64_t count = 0, other_count = 0;
        std::vector<std::string> examples;
        side_docs_with(text, side, count, &examples);
        if (count * 5 >= p.phrase.count * 4 && count >= min_count) {
          side_docs_with(text, other, other_count, nullptr);
          p.units = merged;
          p.key = join_units(cand.key[0], merged, 0, merged.size());
          p.phrase.folded = text;
          p.phrase.count = count;
          p.phrase.other_count = other_count;
          p.phrase.examples = std::move(examples);
        }
      }
      break;
    }
    if (skip) continue;
    Phrase phrase;
    phrase.folded = display(cand.key);
    phrase.characters = cand.key[0] == 'c';
    phrase.count = cand.stat->count[side];
    phrase.other_count = cand.stat->count[other];
    phrase.score = cand.score;
    for (std::size_t e = 0; e < cand.stat->example_count[side]; ++e)
      phrase.examples.push_back(input[cand.stat->examples[side][e]].review->record.id);
    picked.push_back({cand.key, cand.units, std::move(phrase)});
  }
  for (Picked& p : picked) {
    p.phrase.text = surface(p.phrase, input);
    out.push_back(std::move(p.phrase));
  }
}

}  // namespace

namespace detail {

std::uint32_t PhraseKeys::intern(const std::string& key) {
  auto [it, added] = ids_.emplace(key, static_cast<std::uint32_t>(keys_.size()));
  if (added) keys_.push_back(key);
  return it->second;
}

std::uint32_t PhraseKeys::intern_product(const std::string& id) {
  auto [it, added] = product_ids_.emplace(id, static_cast<std::uint32_t>(products_.size()));
  if (added) products_.push_back(id);
  return it->second;
}

std::uint32_t PhraseKeys::find(const std::string& key) const {
  auto it = ids_.find(key);
  return it == ids_.end() ? npos : it->second;
}

std::size_t PhraseKeys::memory_bytes() const {
  std::size_t bytes = keys_.capacity() * sizeof(std::string) + ids_.bucket_count() * sizeof(void*);
  for (const std::string& key : keys_)
    bytes += 2 * (key.capacity() > 15 ? key.capacity() + 1 : 0) + sizeof(std::string) +
             sizeof(std::uint32_t) + 2 * sizeof(void*);  // the map's node
  return bytes;
}

DerivedReview derive(ReviewRecord record, PhraseKeys& keys) {
  DerivedReview out;
  std::vector<std::string> candidates;
  candidates_of(record, out.folded, candidates);
  out.keys.reserve(candidates.size());
  for (const std::string& key : candidates) out.keys.push_back(keys.intern(key));
  std::sort(out.keys.begin(), out.keys.end());
  out.keys.erase(std::unique(out.keys.begin(), out.keys.end()), out.keys.end());
  out.keys.shrink_to_fit();
  std::sort(record.tags.begin(), record.tags.end());  // a tag counts once per review
  record.tags.erase(std::unique(record.tags.begin(), record.tags.end()), record.tags.end());
  out.product = keys.intern_product(record.product_id);
  out.record = std::move(record);
  return out;
}

std::size_t memory_bytes(const DerivedReview& r) {
  const auto text = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
  std::size_t bytes = sizeof(DerivedReview) + text(r.folded) + r.keys.capacity() * 4 +
                      text(r.record.id) + text(r.record.product_id) + text(r.record.title) +
                      text(r.record.body) + text(r.record.language) +
                      text(r.record.first_reply_by) +
                      r.record.tags.capacity() * sizeof(std::string);
  for (const std::string& tag : r.record.tags) bytes += text(tag);
  return bytes;
}

void phrases_of(const std::vector<DerivedInput>& input, const PhraseKeys& keys, const Query& query,
                std::vector<Phrase>& negative, std::vector<Phrase>& positive) {
  Stats stats;
  std::int64_t totals[2] = {0, 0};
  for (std::size_t i = 0; i < input.size(); ++i) {
    const int side = input[i].negative ? 0 : 1;
    ++totals[side];
    for (const std::uint32_t key : input[i].review->keys) {
      Stat& stat = stats[key];
      ++stat.count[side];
      if (stat.example_count[side] < kExamples)
        stat.examples[side][stat.example_count[side]++] = static_cast<std::uint32_t>(i);
    }
  }
  pick_side(0, stats, keys, input, totals, query, negative);
  pick_side(1, stats, keys, input, totals, query, positive);
}

}  // namespace detail

void top_phrases(const std::vector<PhraseInput>& input, const Query& query,
                 std::vector<Phrase>& negative, std::vector<Phrase>& positive) {
  detail::PhraseKeys keys;
  std::vector<detail::DerivedReview> derived;
  derived.reserve(input.size());
  for (const PhraseInput& in : input) derived.push_back(detail::derive(*in.review, keys));
  std::vector<detail::DerivedInput> list;
  for (std::size_t i = 0; i < input.size(); ++i) list.push_back({&derived[i], input[i].negative});
  detail::phrases_of(list, keys, query, negative, positive);
}

}  // namespace vouch::analytics
