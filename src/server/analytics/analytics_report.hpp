#pragma once
// The owner's analytics (issue 16): parses the query, loads the range's
// reviews with their inbox rows, tags, photos and first moderation decision
// from SQLite, runs the core (include/vouch/analytics.hpp) and serialises the
// panels. Answers are cached per (query, data version): the version counts
// every row written to reviews, inbox_items, inbox_tags and audit_log (an
// SQLite update hook on the server's one connection) plus SQLite's
// data_version (commits by other processes on the file), so any review or
// inbox write makes the next request recompute, and repeated requests in
// between answer from memory.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app.hpp"
#include "app/outcome.hpp"
#include "vouch/analytics.hpp"

namespace vouch::server::analytics {

struct ReportParams {
  std::optional<std::string> from, to, product, period;  // raw query parameters
};

// 400 invalid_parameter naming the parameter: from/to not YYYY-MM-DD or not a
// calendar date, from > to, a range over 3660 days, product not an id
// (1..200 bytes), period not week|month. Defaults: to = today in the store's
// zone, from = to - 89 days, period = week.
app::Outcome<vouch::analytics::Query> parse_report_params(const ReportParams& params,
                                                          std::int64_t now,
                                                          const clock::ZoneOffsets& zone,
                                                          int negative_max_rating);

// The JSON body (shared, cached), computed or from the cache.
app::Outcome<std::shared_ptr<const std::string>> analytics_report(App& app,
                                                                  const ReportParams& params);

}  // namespace vouch::server::analytics
