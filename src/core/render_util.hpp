#pragma once
// Small helpers shared by the render*.cpp files (private to the core).
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "vouch/dom_contract.hpp"
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

// The DOM contract's names (vouch/dom_contract.hpp) go into markup only
// through these, so the renderer writes no name the list does not hold.

// ` data-action="ACTION"`.
inline void append_action(std::string& out, std::string_view action) {
  out += " data-action=\"";
  out += action;
  out += '"';
}
// ` HOOK="`: the caller appends the escaped value and the closing quote.
inline void open_hook(std::string& out, std::string_view hook) {
  out += ' ';
  out += hook;
  out += "=\"";
}
// ` HOOK`: a marker attribute without a value.
inline void append_hook(std::string& out, std::string_view hook) {
  out += ' ';
  out += hook;
}
// Inserts ` data-hash="<16 hex digits>"` into the opening tag of the element
// that starts at out[from]: a 64-bit FNV-1a of the element's markup as rendered
// (without the attribute). The widget keeps a live element whose hash did not
// change instead of serialising both to compare them (web/src/regions.js).
// Each "ID_PREFIX-" counts as one marker byte: the server renders the first
// response with its own prefix and the widget renames the ids when it adopts
// it (web/src/first-render.js), so the hash must be the one the widget's own
// render gives, or every adopted part would be replaced at the first action.
inline void stamp_markup_hash(std::string& out, std::size_t from, std::string_view id_prefix) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 1099511628211ull;
  };
  const std::string_view markup(out);
  for (std::size_t i = from; i < markup.size();) {
    if (!id_prefix.empty() && markup[i] == id_prefix[0] &&
        markup.compare(i, id_prefix.size(), id_prefix) == 0 &&
        i + id_prefix.size() < markup.size() && markup[i + id_prefix.size()] == '-') {
      mix(0x01);
      i += id_prefix.size() + 1;
      continue;
    }
    mix(static_cast<unsigned char>(markup[i++]));
  }
  const std::size_t name_end = out.find_first_of(" >", from + 1);
  if (from >= out.size() || out[from] != '<' || name_end == std::string::npos) return;
  std::string attribute;
  open_hook(attribute, dom::hook::kMarkupHash);
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) attribute += kHex[(hash >> shift) & 0xF];
  attribute += '"';
  out.insert(name_end, attribute);
}

// ` name="FIELD"` (the validator's path of the control).
inline void append_field_name(std::string& out, std::string_view field) {
  out += " name=\"";
  out += field;
  out += '"';
}

// "quality" -> "Quality"/"品質"...; names the catalog does not know are shown
// as the store wrote them (escaped by the caller).
std::string aspect_label(std::string_view name, i18n::Locale locale);

}  // namespace vouch::render
