// The native builds' Han fold table: the generated one, linked in (the server
// renders fragments and searches without fetching anything). The wasm modules
// compile han_fold_absent.cpp instead (CMakeLists.txt).
#include "han_fold.hpp"
#include "unicode_tables.hpp"

namespace vouch::text::detail {

const HanFoldTable* builtin_han_fold() {
  // Decoded once (a thread-safe static); the generated data is valid, which
  // tests/core/han_fold_test.cpp checks through this same decoder.
  static const HanFoldTable* const table = [] {
    static HanFoldTable decoded;
    Error error;
    decode_han_fold_streams(kHanFoldDelta, kHanFoldDeltaSize, kHanFoldDiffLow, kHanFoldDiffHigh,
                            kHanFoldCount, decoded, error);
    return &decoded;
  }();
  return table;
}

}  // namespace vouch::text::detail
