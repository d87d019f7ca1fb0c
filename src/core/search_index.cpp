// The inverted index (built once, on the first search) and search evaluation over it.

#include "search_index.hpp"

#include <algorithm>
#include <memory>

#include "snapshot_data.hpp"
#include "string_view_set.hpp"
#include "vouch/utf8.hpp"

namespace vouch::detail {

namespace {

constexpr std::uint32_t kTitleWeight = 3;

// Calls emit(term) for every indexed term of one folded field.
template <class Emit>
void for_each_term(std::string_view folded, std::vector<Token>& tokens, Emit emit) {
  tokens.clear();
  tokenize(folded, tokens);
  for (const Token& t : tokens) {
    const std::string_view text = folded.substr(t.begin, t.end - t.begin);
    if (t.kind != TokenKind::Cjk) {
      emit(text);
      continue;
    }
    std::size_t pos = 0, previous = 0;
    bool first = true;
    while (pos < text.size()) {
      const std::size_t start = pos;
      utf8::decode(text, pos);
      emit(text.substr(start, pos - start));                    // unigram
      if (!first) emit(text.substr(previous, pos - previous));  // bigram with the previous one
      previous = start;
      first = false;
    }
  }
}

// 1 + floor(log2(n / df)): rarer terms weigh more; integers so the order is
// the same natively and in wasm.
std::uint32_t idf(std::size_t n, std::size_t df) {
  std::size_t ratio = df == 0 ? 1 : n / df;
  std::uint32_t bits = 1;
  while (ratio > 1) {
    ratio >>= 1;
    ++bits;
  }
  return bits;
}

// Open-addressing hash set of term ids whose text lives in index.term_text
// (FNV-1a; linear probing; grows at half full). intern() returns the term's
// id, appending the text as a new term when it is not there yet.
class TermTable {
 public:
  explicit TermTable(SearchIndex& index) : index_(index), slots_(1024, 0) {}

  std::uint32_t intern(std::string_view term) {
    const std::uint32_t h = hash(term);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      const std::uint32_t slot = slots_[s];
      if (slot == 0) break;
      if (hashes_[slot - 1] == h && index_.term(slot - 1) == term) return slot - 1;
    }
    const auto id = static_cast<std::uint32_t>(hashes_.size());
    index_.term_text.append(term);
    index_.term_start.push_back(static_cast<std::uint32_t>(index_.term_text.size()));
    hashes_.push_back(h);
    if (2 * hashes_.size() > slots_.size()) {
      slots_.assign(slots_.size() * 2, 0);  // rehash every term, including the new one
      mask = slots_.size() - 1;
      for (std::uint32_t t = 0; t < hashes_.size(); ++t) place(t, mask);
    } else {
      place(id, mask);
    }
    return id;
  }

 private:
  static std::uint32_t hash(std::string_view text) { return fnv1a(text); }
  void place(std::uint32_t id, std::size_t mask) {
    std::size_t s = hashes_[id] & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = id + 1;
  }

  SearchIndex& index_;
  std::vector<std::uint32_t> slots_;   // 0 = empty, else term id + 1
  std::vector<std::uint32_t> hashes_;  // per term id
};

// An append-only array in fixed blocks: growing never copies, and the peak is
// the data plus at most one block. A doubling vector would briefly hold old +
// new buffers (up to 3x the entries), and the wasm heap never shrinks, so that
// peak would stay allocated for the page's lifetime.
template <class T>
class BlockList {
 public:
  void push_back(T value) {
    if (size_ % kBlock == 0) blocks_.emplace_back(new T[kBlock]);
    blocks_.back()[size_ % kBlock] = value;
    ++size_;
  }
  T operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 15;
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace

// The build's state between steps (SearchIndexBuilder in search_index.hpp).
struct SearchIndexBuilder::State {
  explicit State(const SnapshotData& d) : data(d), term_ids(index) {
    index.term_start.assign(1, 0);
    review_start.assign(d.counts.reviews + 1, 0);
  }
  const SnapshotData& data;
  SearchIndex index;
  // Terms are appended to index.term_text as they are first seen; TermTable
  // maps their text to ids without a std::string per term (the node-based
  // unordered_map was ~40% of loading before the index became lazy).
  TermTable term_ids;
  std::vector<std::uint32_t> last_seen, weight, postings_of_term;
  std::vector<std::uint32_t> review_terms;
  // One entry per (review, distinct term), in review order: review i owns
  // entries [review_start[i], review_start[i + 1]).
  BlockList<std::uint32_t> entry_term;
  BlockList<std::uint16_t> entry_weight;
  std::vector<std::uint32_t> review_start;
  std::vector<std::uint32_t> cursor;  // the next free posting of each term
  std::string folded;
  std::vector<Token> tokens;
  enum class Phase { Terms, Place, Sort, Done } phase = Phase::Terms;
  std::uint32_t next = 0;  // the next review of the phase

  // Folds and tokenises review i: its entries (distinct terms and weights).
  void collect(std::uint32_t i) {
    review_terms.clear();
    auto add = [&](std::uint32_t field_weight) {
      return [&, field_weight](std::string_view term) {
        const std::uint32_t id = term_ids.intern(term);
        if (id == last_seen.size()) {
          last_seen.push_back(0xFFFFFFFFu);
          weight.push_back(0);
          postings_of_term.push_back(0);
        }
        if (last_seen[id] != i) {
          last_seen[id] = i;
          weight[id] = 0;
          review_terms.push_back(id);
        }
        weight[id] += field_weight;
      };
    };
    folded.clear();
    fold(data.review_string(i, kTitle), folded, kSearchFold);
    for_each_term(folded, tokens, add(kTitleWeight));
    folded.clear();
    fold(data.review_string(i, kBody), folded, kSearchFold);
    for_each_term(folded, tokens, add(1));
    for (std::uint32_t id : review_terms) {
      entry_term.push_back(id);
      entry_weight.push_back(
          static_cast<std::uint16_t>(std::min<std::uint32_t>(weight[id], 0xFFFF)));
      ++postings_of_term[id];
    }
    review_start[i + 1] = static_cast<std::uint32_t>(entry_term.size());
  }

  // Every term seen: where each term's postings start (a counting sort by
  // term, so postings stay in review order).
  void start_placing() {
    const std::size_t terms = index.term_count();
    index.posting_start.assign(terms + 1, 0);
    for (std::size_t t = 0; t < terms; ++t)
      index.posting_start[t + 1] = index.posting_start[t] + postings_of_term[t];
    std::vector<std::uint32_t>().swap(postings_of_term);
    std::vector<std::uint32_t>().swap(last_seen);
    std::vector<std::uint32_t>().swap(weight);
    index.posting_review.resize(entry_term.size());
    index.posting_weight.resize(entry_term.size());
    cursor.assign(index.posting_start.begin(), index.posting_start.end() - 1);
  }

  void place(std::uint32_t i) {
    for (std::size_t e = review_start[i]; e < review_start[i + 1]; ++e) {
      const std::uint32_t at = cursor[entry_term[e]]++;
      index.posting_review[at] = i;
      index.posting_weight[at] = entry_weight[e];
    }
  }

  // The term list in byte order, in slices: runs of kSortRun terms sorted one
  // per step, then one merge pass per step. At 100k reviews the whole sort was
  // one step of ~25 ms in wasm under Node, near 50 ms on a busy page.
  static constexpr std::uint32_t kSortRun = 1u << 11;
  std::uint32_t sorted_upto = 0;         // runs sorted: [0, sorted_upto)
  std::uint32_t merge_width = kSortRun;  // runs of this width are sorted

  // One slice of the sort; true once the whole list is in order.
  bool sort_terms_step() {
    std::vector<std::uint32_t>& order = index.sorted_terms;
    const auto terms = static_cast<std::uint32_t>(index.term_count());
    const auto less = [&](std::uint32_t a, std::uint32_t b) {
      return index.term(a) < index.term(b);
    };
    if (order.size() != terms) {
      order.resize(terms);
      for (std::uint32_t t = 0; t < terms; ++t) order[t] = t;
    }
    if (sorted_upto < terms) {
      const std::uint32_t end = terms - sorted_upto > kSortRun ? sorted_upto + kSortRun : terms;
      std::sort(order.begin() + sorted_upto, order.begin() + end, less);
      sorted_upto = end;
      return terms <= kSortRun;
    }
    if (merge_width >= terms) return true;
    for (std::uint64_t lo = 0; lo + merge_width < terms; lo += 2ull * merge_width) {
      const auto hi =
          static_cast<std::uint32_t>(std::min<std::uint64_t>(terms, lo + 2ull * merge_width));
      std::inplace_merge(order.begin() + lo, order.begin() + lo + merge_width, order.begin() + hi,
                         less);
    }
    merge_width = merge_width > terms / 2 ? terms : merge_width * 2;
    return merge_width >= terms;
  }

  void sort_terms() {
    while (!sort_terms_step()) {
    }
  }
};

SearchIndexBuilder::SearchIndexBuilder(const SnapshotData& data)
    : state_(std::make_unique<State>(data)) {}
SearchIndexBuilder::~SearchIndexBuilder() = default;

bool SearchIndexBuilder::step(std::uint32_t budget) {
  State& s = *state_;
  const std::uint32_t n = s.data.counts.reviews;
  budget = std::max<std::uint32_t>(budget, 1);
  if (n == 0 && s.phase != State::Phase::Done) {  // nothing to slice
    s.start_placing();
    s.sort_terms();
    s.phase = State::Phase::Done;
  }
  // A step ends where a phase ends: the page scales its budget from the last
  // step's time, and placing a review costs far less than collecting one, so
  // a budget grown on one phase must not run into the next (issue 19: no
  // task over 50 ms). The term sort is a step of its own.
  switch (s.phase) {
    case State::Phase::Terms: {
      const std::uint32_t last = s.next + std::min(budget, n - s.next);
      for (; s.next < last; ++s.next) s.collect(s.next);
      if (s.next == n) {
        s.start_placing();
        s.phase = State::Phase::Place;
        s.next = 0;
      }
      break;
    }
    case State::Phase::Place: {
      const std::uint32_t last = s.next + std::min(budget, n - s.next);
      for (; s.next < last; ++s.next) s.place(s.next);
      if (s.next == n) s.phase = State::Phase::Sort;
      break;
    }
    case State::Phase::Sort:
      if (s.sort_terms_step()) s.phase = State::Phase::Done;
      break;
    case State::Phase::Done:
      break;
  }
  return s.phase == State::Phase::Done;
}

SearchIndex SearchIndexBuilder::take() { return std::move(state_->index); }

void build_search_index(const SnapshotData& data, SearchIndex& index) {
  SearchIndexBuilder builder(data);
  while (!builder.step(0xFFFFFFFFu)) {
  }
  index = builder.take();
}

namespace {

// Opening and closing quotation marks of a phrase: "…", “…”, 「…」, 『…』, ＂…＂.
std::size_t quote_length(std::string_view text, std::size_t at, bool closing) {
  static constexpr std::string_view kOpen[] = {"\"", "\u201C", "\u300C", "\u300E", "\uFF02"};
  static constexpr std::string_view kClose[] = {"\"", "\u201D", "\u300D", "\u300F", "\uFF02"};
  for (std::string_view q : closing ? kClose : kOpen)
    if (text.substr(at, q.size()) == q) return q.size();
  return 0;
}

// Appends the units of one folded stretch of the query (tokens from `first`).
void add_units(SearchTerms& terms, std::size_t first, bool phrase) {
  const auto last = static_cast<std::uint32_t>(terms.tokens.size());
  if (first == last) return;
  if (phrase) {
    terms.units.push_back(SearchUnit{static_cast<std::uint32_t>(first), last, true});
    return;
  }
  // Tokens with nothing between them form a group (5星, 4g内存).
  std::size_t begin = first;
  for (std::size_t k = first + 1; k <= last; ++k) {
    if (k == last || terms.tokens[k].begin != terms.tokens[k - 1].end) {
      terms.units.push_back(
          SearchUnit{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(k), false});
      begin = k;
    }
  }
}

}  // namespace

SearchTerms parse_search(std::string_view text) {
  SearchTerms terms;
  // Quoted stretches become phrases; a quote without its closing mark quotes
  // to the end. Each stretch is folded and tokenised where it stands, so token
  // offsets refer to terms.folded.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = pos, open_len = 0;
    while (open < text.size() && (open_len = quote_length(text, open, false)) == 0) {
      const std::size_t at = open;
      utf8::decode(text, open);
      if (open == at) ++open;
    }
    const std::string_view plain = text.substr(pos, open - pos);
    terms.folded += ' ';
    std::size_t first = terms.tokens.size();
    std::size_t offset = terms.folded.size();
    fold(plain, terms.folded, kSearchFold);
    {
      std::vector<Token> local;
      tokenize(std::string_view(terms.folded).substr(offset), local);
      for (Token t : local) {
        t.begin += static_cast<std::uint32_t>(offset);
        t.end += static_cast<std::uint32_t>(offset);
        terms.tokens.push_back(t);
      }
    }
    add_units(terms, first, false);
    if (open >= text.size()) break;
    std::size_t close = open + open_len, close_len = 0;
    while (close < text.size() && (close_len = quote_length(text, close, true)) == 0) {
      const std::size_t at = close;
      utf8::decode(text, close);
      if (close == at) ++close;
    }
    terms.folded += ' ';
    first = terms.tokens.size();
    offset = terms.folded.size();
    fold(text.substr(open + open_len, close - open - open_len), terms.folded, kSearchFold);
    {
      std::vector<Token> local;
      tokenize(std::string_view(terms.folded).substr(offset), local);
      for (Token t : local) {
        t.begin += static_cast<std::uint32_t>(offset);
        t.end += static_cast<std::uint32_t>(offset);
        terms.tokens.push_back(t);
      }
    }
    add_units(terms, first, true);
    pos = close + close_len;
  }
  return terms;
}

namespace {

// True when the unit is one token the index decides alone: a word (prefix),
// a symbol, or a CJK run of at most 2 characters (its bigram or unigram).
bool index_decides(const SearchTerms& terms, const SearchUnit& unit) {
  if (unit.last - unit.first != 1) return false;
  const Token& t = terms.tokens[unit.first];
  if (t.kind != TokenKind::Cjk) return true;
  const std::string_view text = std::string_view(terms.folded).substr(t.begin, t.end - t.begin);
  return utf8::count_code_points(text) <= 2;
}

// Index of the token of `tokens` that starts at byte `at`, or npos.
std::size_t token_starting_at(const std::vector<Token>& tokens, std::uint32_t at) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), at,
                             [](const Token& t, std::uint32_t a) { return t.begin < a; });
  return it != tokens.end() && it->begin == at ? static_cast<std::size_t>(it - tokens.begin())
                                               : std::string_view::npos;
}

// Matches query tokens [k, last) of the unit at folded byte `at`; returns the
// end of the match or npos.
std::size_t match_from(std::string_view folded, const std::vector<Token>& tokens,
                       const SearchTerms& terms, const SearchUnit& unit, std::uint32_t k,
                       std::size_t at) {
  const Token& q = terms.tokens[k];
  const std::string_view needle = std::string_view(terms.folded).substr(q.begin, q.end - q.begin);
  if (folded.substr(at, needle.size()) != needle) return std::string_view::npos;
  if (q.kind == TokenKind::Word) {
    // A word starts a text word; only the unit's last word may be a prefix.
    const std::size_t t = token_starting_at(tokens, static_cast<std::uint32_t>(at));
    if (t == std::string_view::npos || tokens[t].kind != TokenKind::Word)
      return std::string_view::npos;
    if (k + 1 < unit.last && tokens[t].end != at + needle.size()) return std::string_view::npos;
  } else if (q.kind == TokenKind::Symbol) {
    if (token_starting_at(tokens, static_cast<std::uint32_t>(at)) == std::string_view::npos)
      return std::string_view::npos;
  }
  std::size_t end = at + needle.size();
  if (k + 1 == unit.last) return end;
  if (unit.phrase) {  // skip the separators between two tokens of a phrase
    while (end < folded.size()) {
      std::size_t next = end;
      const char32_t cp = utf8::decode(folded, next);
      if (classify(cp) != CharClass::Separator) break;
      end = next;
    }
  }
  return match_from(folded, tokens, terms, unit, k + 1, end);
}

}  // namespace

void match_unit(std::string_view folded, const std::vector<Token>& tokens, const SearchTerms& terms,
                const SearchUnit& unit, bool first_only,
                std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  const Token& q = terms.tokens[unit.first];
  const std::string_view needle = std::string_view(terms.folded).substr(q.begin, q.end - q.begin);
  for (std::size_t at = folded.find(needle); at != std::string_view::npos;
       at = folded.find(needle, at + 1)) {
    const std::size_t end = match_from(folded, tokens, terms, unit, unit.first, at);
    if (end == std::string_view::npos) continue;
    out.emplace_back(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end));
    if (first_only) return;
  }
}

namespace {

// Term ids matching one unit: an exact term, or every term with a prefix.
std::pair<std::size_t, std::size_t> sorted_range(const SearchIndex& index, std::string_view key,
                                                 bool prefix) {
  const auto& sorted = index.sorted_terms;
  auto first =
      std::lower_bound(sorted.begin(), sorted.end(), key,
                       [&](std::uint32_t t, std::string_view k) { return index.term(t) < k; });
  auto last = first;
  while (last != sorted.end()) {
    const std::string_view term = index.term(*last);
    const bool match = prefix ? term.substr(0, key.size()) == key : term == key;
    if (!match) break;
    ++last;
  }
  return {static_cast<std::size_t>(first - sorted.begin()),
          static_cast<std::size_t>(last - sorted.begin())};
}

}  // namespace

void run_search(const SnapshotData& data, const SearchTerms& terms,
                std::vector<std::uint32_t>& score) {
  const std::size_t n = data.counts.reviews;
  const SearchIndex& index = data.search_index();
  score.assign(n, 0);
  std::vector<std::uint32_t> hits(n, 0);
  std::uint32_t unit = 0;

  auto apply = [&](std::string_view key, bool prefix) {
    const auto [first, last] = sorted_range(index, key, prefix);
    for (std::size_t s = first; s < last; ++s) {
      const std::uint32_t t = index.sorted_terms[s];
      const std::uint32_t begin = index.posting_start[t], end = index.posting_start[t + 1];
      const std::uint32_t term_idf = idf(n, end - begin);
      for (std::uint32_t p = begin; p < end; ++p) {
        const std::uint32_t r = index.posting_review[p];
        if (hits[r] == unit) hits[r] = unit + 1;
        if (hits[r] == unit + 1) {
          const std::uint64_t sum =
              std::uint64_t{score[r]} + std::uint64_t{index.posting_weight[p]} * term_idf;
          score[r] = static_cast<std::uint32_t>(std::min<std::uint64_t>(sum, 0xFFFFFFFFu));
        }
      }
    }
    ++unit;
  };

  // Candidates: every token of every unit through the index (AND).
  for (const Token& token : terms.tokens) {
    const std::string_view text =
        std::string_view(terms.folded).substr(token.begin, token.end - token.begin);
    if (token.kind != TokenKind::Cjk) {
      apply(text, token.kind == TokenKind::Word);
      continue;
    }
    std::size_t pos = 0, previous = 0, chars = 0;
    while (pos < text.size()) {
      const std::size_t start = pos;
      utf8::decode(text, pos);
      if (chars > 0) apply(text.substr(previous, pos - previous), false);  // bigram
      previous = start;
      ++chars;
    }
    if (chars == 1) apply(text, false);
  }

  // Then the units the index cannot decide, verified on the candidates' text:
  // groups, phrases, CJK runs of 3+ characters. Title and body separately: a
  // phrase never runs from one into the other.
  std::vector<const SearchUnit*> verify;
  for (const SearchUnit& u : terms.units)
    if (!index_decides(terms, u)) verify.push_back(&u);
  std::string title, body;
  std::vector<Token> title_tokens, body_tokens;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
  for (std::size_t r = 0; r < n; ++r) {
    if (hits[r] != unit) {
      score[r] = 0;
      continue;
    }
    if (verify.empty()) continue;
    title.clear();
    body.clear();
    title_tokens.clear();
    body_tokens.clear();
    fold(data.review_string(r, kTitle), title, kSearchFold);
    fold(data.review_string(r, kBody), body, kSearchFold);
    tokenize(title, title_tokens);
    tokenize(body, body_tokens);
    for (const SearchUnit* u : verify) {
      found.clear();
      match_unit(title, title_tokens, terms, *u, true, found);
      if (found.empty()) match_unit(body, body_tokens, terms, *u, true, found);
      if (found.empty()) {
        score[r] = 0;
        break;
      }
    }
  }
}

void find_highlights(std::string_view text, const SearchTerms& terms,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  std::string folded;
  FoldMap map;
  fold(text, folded, kSearchFold, &map);
  std::vector<Token> tokens;
  tokenize(folded, tokens);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;  // folded offsets
  for (const SearchUnit& u : terms.units) match_unit(folded, tokens, terms, u, false, ranges);
  std::sort(ranges.begin(), ranges.end());
  const std::size_t first_out = out.size();
  for (const auto& [fb, fe] : ranges) {
    const std::uint32_t begin = map.begin[fb], end = map.end[fe - 1];
    if (out.size() > first_out && begin <= out.back().second) {
      out.back().second = std::max(out.back().second, end);
    } else {
      out.emplace_back(begin, end);
    }
  }
}

}  // namespace vouch::detail
