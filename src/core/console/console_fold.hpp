#pragma once
// The ONE place where the console's matchers (triage terms, reply checks)
// fold text. It calls the core's search folding, so when the text pipeline is
// unified (issue 14: Traditional -> Simplified and more) the tagger and the
// checks follow it with no change here beyond this file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vouch::console {

struct FoldedText {
  std::string text;
  // Per byte of `text`: the source byte span it came from.
  std::vector<std::uint32_t> source_begin;
  std::vector<std::uint32_t> source_end;

  // Source span of folded bytes [begin, end) (end > begin).
  std::size_t source_of_begin(std::size_t begin) const { return source_begin[begin]; }
  std::size_t source_of_end(std::size_t end) const { return source_end[end - 1]; }
};

// The folded form of `utf8` with its source map.
FoldedText fold_with_map(std::string_view utf8);
// The folded form only (terms, phrases).
std::string fold_term(std::string_view utf8);

}  // namespace vouch::console
