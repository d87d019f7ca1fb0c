// The inverted index (built once, on the first search) and search evaluation over it.

#include "search_index.hpp"

#include <algorithm>
#include <memory>

#include "snapshot_data.hpp"
#include "string_view_set.hpp"
#include "vouch/utf8.hpp"

namespace vouch::search {

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
  static std::uint32_t hash(std::string_view text) { return detail::fnv1a(text); }
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

void build_search_index(const SnapshotData& data, SearchIndex& index) {
  const std::uint32_t n = data.counts.reviews;
  // Terms are appended to index.term_text as they are first seen; TermTable
  // maps their text to ids without a std::string per term (the node-based
  // unordered_map was ~40% of loading before the index became lazy).
  index.term_text.clear();
  index.term_start.assign(1, 0);
  TermTable term_ids(index);
  std::vector<std::uint32_t> last_seen, weight;
  std::vector<std::uint32_t> review_terms;
  // One entry per (review, distinct term), in review order: review i owns
  // entries [review_start[i], review_start[i + 1]).
  BlockList<std::uint32_t> entry_term;
  BlockList<std::uint16_t> entry_weight;
  std::vector<std::uint32_t> review_start(n + 1, 0);
  std::string folded;
  std::vector<Token> tokens;

  for (std::uint32_t i = 0; i < n; ++i) {
    review_terms.clear();
    auto add = [&](std::uint32_t field_weight) {
      return [&, field_weight](std::string_view term) {
        const std::uint32_t id = term_ids.intern(term);
        if (id == last_seen.size()) {
          last_seen.push_back(0xFFFFFFFFu);
          weight.push_back(0);
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
    fold(data.review_string(i, detail::kTitle), folded, nullptr);
    for_each_term(folded, tokens, add(kTitleWeight));
    folded.clear();
    fold(data.review_string(i, detail::kBody), folded, nullptr);
    for_each_term(folded, tokens, add(1));
    for (std::uint32_t id : review_terms) {
      entry_term.push_back(id);
      entry_weight.push_back(
          static_cast<std::uint16_t>(std::min<std::uint32_t>(weight[id], 0xFFFF)));
    }
    review_start[i + 1] = static_cast<std::uint32_t>(entry_term.size());
  }

  // Counting sort of the entries by term: postings stay in review order.
  const std::size_t terms = index.term_count();
  index.posting_start.assign(terms + 1, 0);
  const std::size_t entries = entry_term.size();
  for (std::size_t e = 0; e < entries; ++e) ++index.posting_start[entry_term[e] + 1];
  for (std::size_t t = 0; t < terms; ++t) index.posting_start[t + 1] += index.posting_start[t];
  index.posting_review.resize(entries);
  index.posting_weight.resize(entries);
  std::vector<std::uint32_t> cursor(index.posting_start.begin(), index.posting_start.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::size_t e = review_start[i]; e < review_start[i + 1]; ++e) {
      const std::uint32_t at = cursor[entry_term[e]]++;
      index.posting_review[at] = i;
      index.posting_weight[at] = entry_weight[e];
    }
  }

  index.sorted_terms.resize(terms);
  for (std::uint32_t t = 0; t < terms; ++t) index.sorted_terms[t] = t;
  std::sort(index.sorted_terms.begin(), index.sorted_terms.end(),
            [&](std::uint32_t a, std::uint32_t b) { return index.term(a) < index.term(b); });
}

SearchTerms parse_search(std::string_view text) {
  SearchTerms terms;
  fold(text, terms.folded, nullptr);
  tokenize(terms.folded, terms.tokens);
  return terms;
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
  std::vector<std::string_view> verify;  // CJK runs of 3+ characters

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
    if (chars >= 3) verify.push_back(text);
  }

  std::string folded;
  for (std::size_t r = 0; r < n; ++r) {
    if (hits[r] != unit) {
      score[r] = 0;
      continue;
    }
    for (std::string_view run : verify) {
      folded.clear();
      fold(data.review_string(r, detail::kTitle), folded, nullptr);
      folded += '\n';  // a run never crosses from the title into the body
      fold(data.review_string(r, detail::kBody), folded, nullptr);
      if (folded.find(run) == std::string::npos) {
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
  fold(text, folded, &map);
  std::vector<Token> tokens;
  tokenize(folded, tokens);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;  // folded offsets
  for (const Token& q : terms.tokens) {
    const std::string_view needle = std::string_view(terms.folded).substr(q.begin, q.end - q.begin);
    if (q.kind == TokenKind::Word) {
      for (const Token& t : tokens) {
        if (t.kind != TokenKind::Word || t.end - t.begin < needle.size()) continue;
        if (std::string_view(folded).substr(t.begin, needle.size()) == needle)
          ranges.emplace_back(t.begin, t.begin + static_cast<std::uint32_t>(needle.size()));
      }
      continue;
    }
    for (std::size_t at = folded.find(needle); at != std::string::npos;
         at = folded.find(needle, at + 1)) {
      ranges.emplace_back(static_cast<std::uint32_t>(at),
                          static_cast<std::uint32_t>(at + needle.size()));
    }
  }
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

}  // namespace vouch::search
