#pragma once
// Words a phrase may not begin or end with: function words of the Latin-script
// languages the store's reviews come in (en, de, fr, es), folded as kSearchFold
// folds (lower case, no accents), and the particles of Chinese and Japanese
// that glue words together (a character n-gram ending in 的 or が is half a
// phrase). Internal to the analytics core.

#include <string_view>

namespace vouch::analytics::detail {

bool is_stop_word(std::string_view folded_word);
bool is_cjk_particle(char32_t cp);

}  // namespace vouch::analytics::detail
