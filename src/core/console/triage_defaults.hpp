#pragma once
// The built-in triage vocabulary as rows of data (triage_terms.cpp), turned
// into a TriageConfig by triage_config.cpp.

#include <cstddef>

namespace vouch::triage::detail {

struct DefaultRow {
  const char* rule;    // tag id, "urgent" or "problem"
  const char* locale;  // "en", "zh", "ja", "es", "fr", "de"
  const char* terms;   // "a|b~except~except|c"
};
extern const DefaultRow kDefaultRows[];
extern const std::size_t kDefaultRowCount;

struct DefaultTag {
  const char* id;
  const char* label;
};
extern const DefaultTag kDefaultTags[];
extern const std::size_t kDefaultTagCount;

}  // namespace vouch::triage::detail
