// libFuzzer: the binary snapshot decoder. Anything it accepts must be fully
// readable (every review, query and re-encoding) without a sanitizer report.
#include <cstddef>
#include <cstdint>

#include "vouch/query.hpp"
#include "vouch/snapshot.hpp"
#include "vouch/summary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto loaded = vouch::Snapshot::from_binary(data, size);
  if (!loaded.ok()) return 0;
  const vouch::Snapshot& s = loaded.value();
  for (std::size_t i = 0; i < s.size(); ++i) (void)s.review_at(i);
  vouch::Query q;
  q.text = s.size() ? std::string(s.title(0).substr(0, 8)) : "a";
  q.sort = vouch::SortOrder::Relevance;
  (void)vouch::run_query(s, q);
  (void)vouch::json_ld(s, 3);
  // Whatever loads must survive its own round trip (padding between sections
  // is not checked, so compare the canonical JSON, not the bytes).
  const std::string json = s.to_json();
  auto again = vouch::Snapshot::from_json(json);
  if (!again.ok() || again.value().to_json() != json) __builtin_trap();
  return 0;
}
