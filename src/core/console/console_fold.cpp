// Console folding = the search folding (see console_fold.hpp for why).

#include "console_fold.hpp"

#include "search_index.hpp"

namespace vouch::console {

FoldedText fold_with_map(std::string_view utf8) {
  FoldedText folded;
  search::FoldMap map;
  search::fold(utf8, folded.text, &map);
  folded.source_begin = std::move(map.begin);
  folded.source_end = std::move(map.end);
  return folded;
}

std::string fold_term(std::string_view utf8) {
  std::string out;
  search::fold(utf8, out, nullptr);
  return out;
}

}  // namespace vouch::console
