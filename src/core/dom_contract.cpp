// Writes the DOM contract (vouch/dom_contract.hpp) as the TypeScript module the
// widget's JS imports, so the JS and the renderer read the same list.
#include "vouch/dom_contract.hpp"

#include <cctype>

namespace vouch::dom {

namespace {

// "kSearchInput" -> "searchInput".
std::string js_key(std::string_view constant) {
  std::string key(constant.substr(1));
  if (!key.empty()) key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
  return key;
}

// "data-error-for" -> "errorFor" (the HTML dataset rule).
std::string dataset_key(std::string_view hook) {
  std::string key;
  bool upper = false;
  for (char c : hook.substr(5)) {
    if (c == '-') {
      upper = true;
      continue;
    }
    key += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return key;
}

// `export const enum NAME { key = 'text', ... }`: a TypeScript const enum,
// because the bundler (esbuild) writes each member's text where it is used and
// no object into the bundle, so the names cost the first render nothing
// beyond the literals it had before (bench/budget.json).
template <std::size_t N>
void append_enum(std::string& out, std::string_view comment, std::string_view name,
                 const Name (&names)[N], bool dataset = false) {
  out += "/** ";
  out += comment;
  out += " */\nexport const enum ";
  out += name;
  out += " {\n";
  for (const Name& entry : names) {
    out += "  ";
    out += js_key(entry.constant);
    out += " = '";
    out += dataset ? dataset_key(entry.text) : std::string(entry.text);
    out += "',\n";
  }
  out += "}\n";
}

}  // namespace

std::string dom_contract_module_ts() {
  std::string out =
      "// GENERATED from include/vouch/dom_contract.hpp by the vouch_dom_contract\n"
      "// target (scripts/bundle.mjs runs it): do not edit. The names the core's\n"
      "// renderer writes into markup; a Catch2 test (tests/core/dom_contract_test.cpp)\n"
      "// checks this file is up to date and the renderer emits only these names.\n\n";
  append_enum(out, "data-action values", "ACTION", kActionNames);
  out += '\n';
  append_enum(out, "data-* hook attributes", "HOOK", kHookNames);
  out += '\n';
  append_enum(out, "each hook's element.dataset key", "DATASET", kHookNames, true);
  out += '\n';
  append_enum(out, "form control names: the validator's paths", "FIELD", kFieldNames);
  out += '\n';
  append_enum(out, "markers a rendered view is split at", "MARKUP", kMarkerNames);
  return out;
}

}  // namespace vouch::dom
