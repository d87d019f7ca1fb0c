#pragma once
// The search fold table as the widget hands it over: the bytes of
// dist/vouch-han-fold.bin, fetched when search is prepared (web/src/han-fold.js),
// go to vouch::text::set_han_fold. One table per module instance, shared by
// every Store in it; their search indexes are rebuilt on their next query.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "review_store.hpp"

namespace vouch::facade {

// {ok, code, message}; code "invalid_han_fold" (bad magic, count, size, order:
// message names the place, "han_fold.magic: ..."), "invalid_argument" (null
// pointer). On failure the table in force stays.
StoreStatus set_han_fold(std::uintptr_t pointer, std::size_t length);
StoreStatus set_han_fold_bytes(std::string_view bytes);  // native convenience (tests)
// Whether Traditional -> Simplified folding is on in this module.
bool has_han_fold();

}  // namespace vouch::facade
