#include "inbox/inbox_fold.hpp"

// Internal header of the core (src/core): this file alone is compiled with
// src/core on its include path (src/server/CMakeLists.txt).
#include "text_fold.hpp"

namespace vouch::server::inbox {

std::string search_fold(std::string_view utf8) {
  std::string out;
  detail::fold(utf8, out, detail::kSearchFold, nullptr);
  return out;
}

}  // namespace vouch::server::inbox
