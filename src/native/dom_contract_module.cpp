// vouch_dom_contract PATH: writes the DOM contract's TypeScript module
// (vouch::dom::dom_contract_module_ts()) to PATH, normally
// web/src/generated/dom-contract.ts. scripts/bundle.mjs runs it before bundling.
#include <cstdio>
#include <fstream>
#include <string>

#include "vouch/dom_contract.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: vouch_dom_contract OUTPUT.ts\n");
    return 2;
  }
  const std::string text = vouch::dom::dom_contract_module_ts();
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::fprintf(stderr, "vouch_dom_contract: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
