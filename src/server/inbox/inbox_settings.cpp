#include "inbox/inbox_settings.hpp"

#include <cstdio>

#include "config.hpp"
#include "system_zone.hpp"

namespace vouch::server::inbox {

std::string InboxSettings::label_of(std::string_view tag_id) const {
  for (const triage::TagDefinition& tag : triage.tags)
    if (tag.id == tag_id) return tag.label.empty() ? tag.id : tag.label;
  return "";
}

bool InboxSettings::knows_tag(std::string_view tag_id) const {
  for (const triage::TagDefinition& tag : triage.tags)
    if (tag.id == tag_id) return true;
  return false;
}

std::string text_hash(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

Result<std::unique_ptr<InboxSettings>> make_inbox_settings(const Config& config) {
  auto settings = std::make_unique<InboxSettings>();
  if (config.triage_json.empty()) {
    settings->triage = triage::default_triage_config();
  } else {
    Result<triage::TriageConfig> parsed = triage::parse_triage_config(config.triage_json);
    if (!parsed) return parsed.error();  // the core's path starts with "triage"
    settings->triage = parsed.value();
  }
  settings->tagger = std::make_unique<triage::Tagger>(settings->triage);
  if (!config.clock_json.empty()) {
    Result<clock::ClockConfig> parsed = clock::parse_clock_config(config.clock_json);
    if (!parsed) return parsed.error();
    settings->clock = parsed.value();
  }
  settings->zone_name = config.time_zone;
  Result<native::TzifZone> zone = native::load_system_zone(config.time_zone);
  if (zone) {
    settings->zone = std::make_unique<native::TzifZone>(std::move(zone.value()));
  } else if (config.time_zone == "UTC") {
    // A system without a tz database still has UTC.
    settings->zone = std::make_unique<clock::FixedOffsetZone>(0);
  } else {
    return Error{"time_zone", config.time_zone + ": " + zone.error().to_string()};
  }
  settings->triage_hash = text_hash(triage::triage_config_to_json(settings->triage));
  settings->clock_hash = text_hash(config.clock_json + "\n" + config.time_zone);
  return settings;
}

}  // namespace vouch::server::inbox
