// The wasm modules' Han fold table: none linked. The widget fetches
// vouch-han-fold.bin when search is prepared and installs it with
// vouch::text::set_han_fold (web/src/han-fold.js); until then search folds
// case, width and accents but not Traditional -> Simplified.
#include "han_fold.hpp"

namespace vouch::text::detail {

const HanFoldTable* builtin_han_fold() { return nullptr; }

}  // namespace vouch::text::detail
