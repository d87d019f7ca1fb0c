// The search fold table in: bytes -> vouch::text::set_han_fold -> StoreStatus.
#include "search_fold_api.hpp"

#include <string>

#include "vouch/text.hpp"

namespace vouch::facade {

StoreStatus set_han_fold_bytes(std::string_view bytes) {
  const Status status = text::set_han_fold(bytes);
  if (status.ok()) return StoreStatus{};
  return StoreStatus{false, "invalid_han_fold", status.error().to_string()};
}

StoreStatus set_han_fold(std::uintptr_t pointer, std::size_t length) {
  if (pointer == 0) return StoreStatus{false, "invalid_argument", "set_han_fold: null pointer"};
  return set_han_fold_bytes(
      std::string_view(reinterpret_cast<const char*>(pointer), length));  // NOLINT: wasm address
}

bool has_han_fold() { return text::han_fold_available(); }

}  // namespace vouch::facade
