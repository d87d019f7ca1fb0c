#pragma once
// The console's configuration as the server uses it: the compiled triage
// tagger, the response clock and the store's time zone, built once at start-up
// from vouch.json ("triage", "response_clock", "time_zone").

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "vouch/response_clock.hpp"
#include "vouch/status.hpp"
#include "vouch/triage.hpp"

namespace vouch::server {
struct Config;
}

namespace vouch::server::inbox {

struct InboxSettings {
  triage::TriageConfig triage;
  std::unique_ptr<triage::Tagger> tagger;
  clock::ClockConfig clock;
  std::string zone_name;
  std::unique_ptr<clock::ZoneOffsets> zone;
  // Fingerprints of the configuration that stored rows were computed with:
  // a change re-triages (triage_hash) or re-clocks (clock_hash) at start-up.
  std::string triage_hash;
  std::string clock_hash;

  // The label staff and shoppers see for a tag id ("" when the config does not know it).
  std::string label_of(std::string_view tag_id) const;
  bool knows_tag(std::string_view tag_id) const;
};

// Errors carry the config path ("triage.tags[2].terms[0]: ...", "time_zone: ...").
Result<std::unique_ptr<InboxSettings>> make_inbox_settings(const Config& config);

// FNV-1a 64 of the text, as 16 hex digits (stable across builds, unlike std::hash).
std::string text_hash(std::string_view text);

}  // namespace vouch::server::inbox
