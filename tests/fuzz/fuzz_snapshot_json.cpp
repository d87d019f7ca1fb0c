// libFuzzer: the strict JSON snapshot loader (SAX). Accepted input must
// re-encode to binary and back to the same canonical JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vouch/query.hpp"
#include "vouch/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto loaded =
      vouch::Snapshot::from_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!loaded.ok()) return 0;
  const std::string json = loaded.value().to_json();
  auto binary = vouch::Snapshot::from_binary(loaded.value().to_binary());
  if (!binary.ok() || binary.value().to_json() != json) __builtin_trap();
  vouch::Query q;
  q.text = "fit 质量";
  (void)vouch::run_query(loaded.value(), q);
  return 0;
}
