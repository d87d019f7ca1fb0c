#pragma once
// Small helpers shared by the render*.cpp files (private to the core).
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "vouch/i18n.hpp"

namespace vouch::render {

inline void append_number(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

inline std::string number_text(std::uint64_t value) {
  std::string out;
  append_number(out, value);
  return out;
}

// "quality" -> "Quality"/"品質"...; names the catalog does not know are shown
// as the store wrote them (escaped by the caller).
std::string aspect_label(std::string_view name, i18n::Locale locale);

}  // namespace vouch::render
