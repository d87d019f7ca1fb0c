// Console folding = the search folding of the one text pipeline (text_fold.hpp):
// case, width, accents and Traditional -> Simplified, so 質量 and 质量 tag alike.

#include "console_fold.hpp"

#include "text_fold.hpp"

namespace vouch::console {

FoldedText fold_with_map(std::string_view utf8) {
  FoldedText folded;
  detail::FoldMap map;
  detail::fold(utf8, folded.text, detail::kSearchFold, &map);
  folded.source_begin = std::move(map.begin);
  folded.source_end = std::move(map.end);
  return folded;
}

std::string fold_term(std::string_view utf8) {
  std::string out;
  detail::fold(utf8, out, detail::kSearchFold, nullptr);
  return out;
}

}  // namespace vouch::console
